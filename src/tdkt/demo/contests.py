"""The demo's writing contests "Người tốt, việc tốt": last year's, judged and published, and
this year's, open with a few entries.

The contest itself comes from the source article (Kế hoạch số 1445/KH-BQL ngày 25/10/2018
launched the 2019 contest for the Board's departments, units and the enterprises of the
zones); the years follow today's date so that this year's contest is always open in the
demo. Plan numbers, dates, prize amounts, stories, authors and marks are **illustrative**.

Everything is written through the contest services (as the units' and jurors' demo logins
where they exist, otherwise as the system), so the demo leaves the trail a user would; a
contest already present (by name) is skipped, so a second run writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.contests.constants import ContestState
from tdkt.contests.models import Contest, Entry
from tdkt.contests.services import (
    contest_create,
    contest_jury_set,
    entry_prize_set,
    entry_submit,
    score_set,
)
from tdkt.contests.workflow import contest_transition
from tdkt.organizations.models import Organization

JURORS = ("hoidong", "hoidong.yen", "lanhdao")
NAME = "Cuộc thi viết về gương điển hình tiên tiến, “Người tốt, việc tốt” năm {year}"
RULES = (
    "Đối tượng dự thi: cán bộ, công chức, viên chức, người lao động của Ban Quản lý và các "
    "doanh nghiệp trong các KCN, KCX.\n"
    "Nội dung: viết về người thật, việc thật — cá nhân, tập thể điển hình tiên tiến trong "
    "phong trào thi đua yêu nước.\n"
    "Mỗi bài không quá 3.000 chữ; mỗi đơn vị, doanh nghiệp gửi không quá 3 bài."
)


@dataclass(frozen=True)
class StorySpec:
    """One entry: the unit that sends it, its story, and the marks of the three jurors."""

    unit: str
    writer: str
    title: str
    kind: str
    subject: str
    authors: str
    text: str
    marks: tuple[int, int, int] = (0, 0, 0)
    prize: str = ""


LAST_YEAR: tuple[StorySpec, ...] = (
    StorySpec(
        "ent:E01",
        "doanhnghiep",
        "Người thợ cả của xưởng khuôn",
        "individual",
        "Nguyễn Văn Thắng",
        "Vũ Thị Hằng",
        "Hai mươi năm đứng máy, anh Thắng có 7 sáng kiến cải tiến khuôn giúp công ty giảm "
        "12% phế phẩm.\nAnh còn tự mở lớp kèm cặp cho công nhân mới vào nghề.",
        (92, 90, 94),
        "first",
    ),
    StorySpec(
        "unit:investment",
        "truongphong.dautu",
        "Một cửa, một đầu mối, một nụ cười",
        "collective",
        "Bộ phận một cửa, Phòng Quản lý Đầu tư",
        "Nguyễn Văn Ánh",
        "Năm qua, bộ phận một cửa giải quyết đúng hạn toàn bộ hồ sơ đầu tư; nhiều hồ sơ "
        "được trả trước hạn.\nDoanh nghiệp gọi đây là “một cửa có nụ cười”.",
        (88, 85, 87),
        "second",
    ),
    StorySpec(
        "unit:labour",
        "phophong.laodong",
        "Chị Nga và những bữa cơm ca an toàn",
        "individual",
        "Nguyễn Kim Nga",
        "Lê Minh Tâm",
        "Chị Nga đi từng bếp ăn tập thể, hướng dẫn doanh nghiệp lưu mẫu thức ăn, kiểm tra "
        "nguồn thực phẩm.\nCả năm không xảy ra vụ ngộ độc nào trong các KCN chị phụ trách.",
        (84, 86, 83),
        "third",
    ),
    StorySpec(
        "unit:planning",
        "phophong.quyhoach",
        "Những bản vẽ không ngủ",
        "collective",
        "Phòng Quy hoạch và Xây dựng",
        "Vũ Phương Giang",
        "Để kịp thẩm định thiết kế cho các dự án mới, cả phòng làm thêm nhiều buổi tối mà "
        "không để hồ sơ nào quá hạn.",
        (80, 78, 82),
        "consolation",
    ),
    StorySpec(
        "unit:enterprise_affairs",
        "truongphong.qldn",
        "Người lắng nghe doanh nghiệp",
        "individual",
        "Đỗ Đăng Nghĩa",
        "Phạm Thu Hà",
        "Anh Nghĩa ghi lại từng kiến nghị của doanh nghiệp trong các buổi đối thoại và theo "
        "đến khi có câu trả lời.",
        (75, 72, 74),
    ),
)

THIS_YEAR: tuple[StorySpec, ...] = (
    StorySpec(
        "unit:investment",
        "truongphong.dautu",
        "Đồng hành cùng nhà đầu tư mới",
        "individual",
        "Đinh Quang Đạt",
        "Nguyễn Văn Ánh",
        "Anh Đạt hướng dẫn tận tình từng nhà đầu tư lần đầu đến Hà Nội, từ hồ sơ đến thủ "
        "tục sau cấp phép.",
    ),
    StorySpec(
        "ent:E01",
        "doanhnghiep",
        "Tổ sản xuất không có phế phẩm",
        "collective",
        "Tổ ép nhựa số 3",
        "Vũ Thị Hằng",
        "Sáu tháng liền tổ ép nhựa số 3 không có sản phẩm lỗi nhờ cách kiểm tra chéo giữa "
        "các ca do chính công nhân đề xuất.",
    ),
    StorySpec(
        "unit:labour",
        "phophong.laodong",
        "Mái ấm cho công nhân xa quê",
        "individual",
        "Lê Văn Hưng",
        "Nguyễn Kim Nga",
        "Anh Hưng vận động doanh nghiệp sửa sang khu nhà trọ, lắp thêm đèn và camera cho "
        "công nhân đi ca đêm.",
    ),
)


def _user(username: str) -> User | None:
    return User.objects.filter(username=username, is_active=True).first()


def _jurors() -> list[User]:
    return [u for u in (_user(name) for name in JURORS) if u is not None]


def _submit(
    contest: Contest, spec: StorySpec, orgs: dict[str, Organization], on: date
) -> Entry | None:
    organization = orgs.get(spec.unit)
    if organization is None:
        return None
    writer = _user(spec.writer)
    if writer is not None and writer.organization_id != organization.pk:
        writer = None
    return entry_submit(
        actor=writer,
        contest=contest,
        organization=organization,
        title=spec.title,
        subject_kind=spec.kind,
        subject_name=spec.subject,
        authors=spec.authors,
        text=spec.text,
        on=on,
    )


def _new_contest(writer: User | None, year: int, opens: date, closes: date, plan: str) -> Contest:
    contest = contest_create(
        actor=writer,
        name=NAME.format(year=year),
        year=year,
        plan_number=plan,
        plan_date=opens - timedelta(days=20),
        opens_on=opens,
        closes_on=closes,
        rules=RULES,
        first_prizes=1,
        first_amount=3_000_000,
        second_prizes=1,
        second_amount=2_000_000,
        third_prizes=1,
        third_amount=1_500_000,
        consolation_prizes=2,
        consolation_amount=500_000,
    )
    contest_jury_set(actor=writer, contest=contest, jurors=_jurors())
    return contest


def _last_year(writer: User | None, orgs: dict[str, Organization], year: int) -> bool:
    if Contest.objects.filter(name=NAME.format(year=year)).exists():
        return False
    opens, closes = date(year, 3, 1), date(year, 9, 30)
    contest = _new_contest(writer, year, opens, closes, "412/KH-BQL")
    contest = contest_transition(
        actor=writer, contest=contest, to_state=ContestState.OPEN, on=opens
    )
    entries = [
        (spec, _submit(contest, spec, orgs, opens + timedelta(days=60))) for spec in LAST_YEAR
    ]
    contest = contest_transition(
        actor=writer, contest=contest, to_state=ContestState.JUDGING, on=closes + timedelta(days=1)
    )
    jurors = _jurors()
    for spec, entry in entries:
        if entry is None:
            continue
        for juror, points in zip(jurors, spec.marks, strict=False):
            if juror.organization_id != entry.organization_id:
                score_set(actor=juror, entry=entry, points=points)
    for spec, entry in entries:
        if entry is not None and spec.prize:
            entry_prize_set(actor=writer, entry=entry, prize=spec.prize)
    contest_transition(actor=writer, contest=contest, to_state=ContestState.PUBLISHED)
    return True


def _this_year(writer: User | None, orgs: dict[str, Organization], today: date) -> bool:
    if Contest.objects.filter(name=NAME.format(year=today.year)).exists():
        return False
    opens = min(date(today.year, 3, 1), today - timedelta(days=30))
    closes = today + timedelta(days=10)
    contest = _new_contest(writer, today.year, opens, closes, "318/KH-BQL")
    contest = contest_transition(
        actor=writer, contest=contest, to_state=ContestState.OPEN, on=today
    )
    for spec in THIS_YEAR:
        _submit(contest, spec, orgs, today)
    return True


def load_contests(
    *,
    writer: User | None,
    orgs: dict[str, Organization],
    created: Counter[str],
    today: date | None = None,
) -> None:
    """Load last year's published contest and this year's open one (what is missing only)."""
    today = today or timezone.localdate()
    created["contests"] += _last_year(writer, orgs, today.year - 1)
    created["contests"] += _this_year(writer, orgs, today)
