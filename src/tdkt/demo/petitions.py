"""Demo data of the petition register: a few complaints, a denunciation and feedback at
every step, dated back from today so that the register always shows a late petition, one
close to its deadline, one being verified and ended ones.

Written through the services only when the register is empty, so a second run writes
nothing and an officer's work is never undone.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.organizations.models import Organization
from tdkt.petitions.constants import Channel, ComplaintRound, Outcome, PetitionKind
from tdkt.petitions.models import Petition
from tdkt.petitions.services import (
    PetitionData,
    petition_accept,
    petition_forward,
    petition_register,
    petition_resolve,
    petition_set_concerned,
)


def _days_ago(today: date, n: int) -> date:
    return today - timedelta(days=n)


def load_petitions(
    *, writer: User | None, orgs: dict[str, Organization], created: Counter[str]
) -> None:
    """Register the demo petitions once."""
    if Petition.objects.exists():
        return
    today = timezone.localdate()

    # A complaint about a decision, resolved: the complaint was found wrong.
    resolved = petition_register(
        actor=writer,
        data=PetitionData(
            kind=PetitionKind.COMPLAINT,
            channel=Channel.DIRECT,
            complaint_round=ComplaintRound.FIRST,
            received_on=_days_ago(today, 70),
            known_on=_days_ago(today, 85),
            sender_name="Nguyễn Thị Hồng Nhung",
            sender_address="Khu công nghiệp Thăng Long, huyện Đông Anh, Hà Nội",
            summary=(
                "Khiếu nại việc không được đề nghị danh hiệu Lao động tiên tiến năm trước "
                "dù đã hoàn thành tốt nhiệm vụ."
            ),
            related_decision="Danh sách đề nghị khen thưởng của Phòng Quản lý Lao động",
        ),
    )
    resolved = petition_accept(
        actor=writer,
        petition=resolved,
        expected_version=resolved.version,
        accepted_on=_days_ago(today, 65),
    )
    petition_resolve(
        actor=writer,
        petition=resolved,
        expected_version=resolved.version,
        ended_on=_days_ago(today, 40),
        outcome=Outcome.REJECTED,
        resolution_number="15/QĐ-BQL",
        resolution_text=(
            "Qua xác minh, người khiếu nại nghỉ việc không lý do 12 ngày trong năm nên không "
            "đủ tiêu chuẩn danh hiệu Lao động tiên tiến; việc không đề nghị là đúng quy định."
        ),
    )
    created["petitions"] += 1

    # A denunciation about an enterprise proposed for a commendation, being verified: its
    # proposal lines carry the "under verification" flag.
    denounced = petition_register(
        actor=writer,
        data=PetitionData(
            kind=PetitionKind.DENUNCIATION,
            channel=Channel.POST,
            received_on=_days_ago(today, 30),
            sender_name="Trần Văn Bình",
            sender_address="Xã Kim Chung, huyện Đông Anh, Hà Nội",
            summary=(
                "Tố cáo doanh nghiệp kê khai không đúng số liệu nộp bảo hiểm xã hội cho người "
                "lao động trong hồ sơ đề nghị khen thưởng."
            ),
        ),
    )
    enterprise = orgs.get("ent:E01")
    if enterprise is not None:
        denounced = petition_set_concerned(
            actor=writer,
            petition=denounced,
            expected_version=denounced.version,
            organization=enterprise,
        )
    petition_accept(
        actor=writer,
        petition=denounced,
        expected_version=denounced.version,
        accepted_on=_days_ago(today, 25),
        complex_case=True,
    )
    created["petitions"] += 1

    # A complaint received two weeks ago and not yet accepted: late for acceptance.
    petition_register(
        actor=writer,
        data=PetitionData(
            kind=PetitionKind.COMPLAINT,
            channel=Channel.ONLINE,
            complaint_round=ComplaintRound.FIRST,
            received_on=_days_ago(today, 14),
            known_on=_days_ago(today, 20),
            sender_name="Lê Minh Tuấn",
            summary=(
                "Khiếu nại mức tiền thưởng kèm Giấy khen của Trưởng ban thấp hơn mức quy định."
            ),
            related_decision="Quyết định khen thưởng của Trưởng ban",
        ),
    )
    created["petitions"] += 1

    # Feedback close to its answer deadline.
    petition_register(
        actor=writer,
        data=PetitionData(
            kind=PetitionKind.FEEDBACK,
            channel=Channel.ONLINE,
            received_on=_days_ago(today, 16),
            sender_name="Công đoàn các khu công nghiệp và chế xuất Hà Nội",
            summary=(
                "Kiến nghị công bố sớm danh sách doanh nghiệp được đề nghị Cờ thi đua để người "
                "lao động góp ý."
            ),
        ),
    )
    created["petitions"] += 1

    # A complaint about a matter the Board does not decide, forwarded.
    forwarded = petition_register(
        actor=writer,
        data=PetitionData(
            kind=PetitionKind.COMPLAINT,
            channel=Channel.TRANSFERRED,
            complaint_round=ComplaintRound.FIRST,
            received_on=_days_ago(today, 45),
            sender_name="Phạm Thị Thu",
            summary="Khiếu nại việc xét Huân chương Lao động của Sở Nội vụ.",
        ),
    )
    petition_forward(
        actor=writer,
        petition=forwarded,
        expected_version=forwarded.version,
        ended_on=_days_ago(today, 41),
        forwarded_to="Sở Nội vụ thành phố Hà Nội",
        reason="Không thuộc thẩm quyền giải quyết của Ban Quản lý.",
    )
    created["petitions"] += 1
