"""Demo data of initiatives: a decided 2025 session and an open session of the current year.

* **2025** ("Hội đồng xét sáng kiến năm 2025", decided): three applications of Phòng Quản lý Đầu
  tư and Phòng Quản lý Lao động, scored by the members, closed by the chair; two passed and
  were recognised by Decision 25/QĐ-BQL, so their authors (Đinh Quang Đạt, Nguyễn Văn Ánh) have a
  cơ sở initiative of 2025 in the archive that the 2025 round's checks read; the third was not
  recognised and keeps the members' comments for its author.
* **The current year** (open): one application scored by one member, one waiting for scores,
  one submitted and waiting for the officer, one draft, so each role finds work on a fresh
  ``make run``: the officer registers, a member scores, the chair closes, an author edits.

Written through ``tdkt.initiatives.services`` with the demo logins as actors (officer, authors,
members, chair), so the audit trail reads as if people had done it. Titles, figures and the
decision are synthetic. A session already present (by name) is left as it is, so a second run
writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.initiatives.models import InitiativeApplication, InitiativeCouncil
from tdkt.initiatives.services import (
    ApplicationInput,
    AuthorInput,
    application_create,
    application_register,
    application_submit,
    council_close,
    council_create,
    council_decide,
    review_save,
)

OFFICER = "canbo.tdkt"
CHAIR = "lanhdao"
MEMBERS = ("hoidong.yen", "hoidong", "hoidong.ngan", "truongphong.dautu")
PAST_YEAR = 2025


@dataclass(frozen=True)
class ApplicationSpec:
    """An application: who files it, its authors (login, share) and how it is scored."""

    filer: str
    title: str
    kind: str
    area: str
    problem: str
    solution: str
    benefit: str
    authors: tuple[tuple[str, int], ...]
    points: tuple[int, int, int] | None  # each member's points per criterion; None: unscored
    comment: str = ""
    benefit_vnd: int | None = None
    stage: str = "review"  # review, submitted or draft


PAST: tuple[ApplicationSpec, ...] = (
    ApplicationSpec(
        "xem",
        "Số hoá sổ theo dõi dự án đầu tư trong các khu công nghiệp",
        "management",
        "Quản lý dự án đầu tư",
        "Sổ theo dõi dự án ghi tay, mỗi lần tổng hợp báo cáo quý mất hai ngày.",
        "Bảng tính dùng chung có danh mục dự án, mốc tiến độ và cảnh báo dự án chậm.",
        "Báo cáo quý lập trong nửa ngày; phát hiện sớm 12 dự án chậm tiến độ.",
        (("xem", 100),),
        (34, 26, 25),
        "Áp dụng được ngay ở các phòng khác.",
        18_000_000,
    ),
    ApplicationSpec(
        "truongphong.dautu",
        "Quy trình một cửa tiếp nhận hồ sơ điều chỉnh giấy chứng nhận đầu tư",
        "operational",
        "Thủ tục hành chính",
        "Doanh nghiệp nộp hồ sơ điều chỉnh phải bổ sung nhiều lần.",
        "Danh mục kiểm tra hồ sơ và lịch hẹn trả kết quả cố định.",
        "Số lần bổ sung hồ sơ giảm từ 2,4 xuống 0,8 lần mỗi hồ sơ.",
        (("truongphong.dautu", 60), ("xem", 40)),
        (32, 25, 24),
        "Hiệu quả rõ đối với doanh nghiệp.",
    ),
    ApplicationSpec(
        "hoidong.diep",
        "Sắp xếp lại tủ hồ sơ lao động nước ngoài theo khu công nghiệp",
        "management",
        "Quản lý lao động",
        "Tìm hồ sơ lao động nước ngoài mất thời gian.",
        "Xếp hồ sơ theo khu công nghiệp rồi theo doanh nghiệp.",
        "Tìm hồ sơ nhanh hơn.",
        (("hoidong.diep", 100),),
        (12, 15, 10),
        "Cách xếp này đã dùng ở nhiều đơn vị; chưa có số liệu hiệu quả.",
    ),
)

CURRENT: tuple[ApplicationSpec, ...] = (
    ApplicationSpec(
        "xem",
        "Mẫu báo cáo tình hình sử dụng lao động điền sẵn cho doanh nghiệp",
        "operational",
        "Quản lý lao động",
        "Doanh nghiệp nộp báo cáo lao động sai mẫu, cán bộ phải gọi điện nhắc.",
        "Mẫu báo cáo điền sẵn số liệu kỳ trước, doanh nghiệp chỉ sửa phần thay đổi.",
        "Tỷ lệ báo cáo đúng hạn tăng từ 70% lên 92% trong quý thử nghiệm.",
        (("xem", 100),),
        (30, 24, 25),
        "Nên nhân rộng cho các báo cáo khác.",
    ),
    ApplicationSpec(
        "truongphong.dautu",
        "Bản đồ số vị trí các dự án đầu tư trong khu công nghiệp",
        "technology",
        "Quản lý dự án đầu tư",
        "Vị trí dự án chỉ có trên bản vẽ giấy của từng khu.",
        "Bản đồ số dùng phần mềm mã nguồn mở, cập nhật khi cấp phép.",
        "Trả lời nhà đầu tư về quỹ đất trong ngày.",
        (("truongphong.dautu", 50), ("xem", 50)),
        None,
    ),
    ApplicationSpec(
        "hoidong.diep",
        "Sổ tay hỏi đáp pháp luật lao động cho công nhân",
        "management",
        "Quản lý lao động",
        "Công nhân thiếu thông tin về hợp đồng và bảo hiểm.",
        "Sổ tay ngắn phát tại doanh nghiệp, cập nhật theo quy định mới.",
        "Số câu hỏi qua đường dây nóng giảm một phần ba.",
        (("hoidong.diep", 100),),
        None,
        stage="submitted",
    ),
    ApplicationSpec(
        "xem",
        "Lịch hẹn trực tuyến tiếp nhà đầu tư",
        "operational",
        "Xúc tiến đầu tư",
        "Nhà đầu tư đến không hẹn trước phải chờ lâu.",
        "Lịch hẹn trực tuyến trên trang thông tin của Ban.",
        "Đang áp dụng thử, chưa có số liệu.",
        (("xem", 100),),
        None,
        stage="draft",
    ),
)


def _user(username: str) -> User:
    return User.objects.select_related("person", "organization").get(username=username)


def _file(spec: ApplicationSpec, year: int, council: InitiativeCouncil) -> InitiativeApplication:
    filer = _user(spec.filer)
    started = min(date(year, 3, 1), timezone.localdate())
    application = application_create(
        actor=filer,
        data=ApplicationInput(
            year=year,
            title=spec.title,
            kind=spec.kind,
            area=spec.area,
            problem=spec.problem,
            solution=spec.solution,
            applied_where=filer.organization.name if filer.organization else "",
            applied_since=started,
            benefit=spec.benefit,
            benefit_vnd=spec.benefit_vnd,
            authors=[
                AuthorInput(person, Decimal(share))
                for login, share in spec.authors
                if (person := _user(login).person) is not None
            ],
        ),
    )
    if spec.stage == "draft":
        return application
    application = application_submit(actor=filer, application=application)
    if spec.stage == "submitted":
        return application
    application = application_register(
        actor=_user(OFFICER), application=application, council=council
    )
    if spec.points is None:
        return application
    criteria = list(council.criteria.all())
    authors = {login for login, _share in spec.authors}
    scorers = [m for m in (CHAIR, *MEMBERS) if m not in authors]
    if year != PAST_YEAR:
        scorers = scorers[:1]  # the current session: one member has scored so far
    for offset, login in enumerate(scorers):
        # Members differ by a point or two, as real scores do.
        points = {
            c.pk: Decimal(max(0, min(int(c.max_points), p + (offset % 3) - 1)))
            for c, p in zip(criteria, spec.points, strict=True)
        }
        review_save(
            actor=_user(login), application=application, points=points, comment=spec.comment
        )
    return application


def _session(year: int, specs: tuple[ApplicationSpec, ...], created: Counter[str]) -> None:
    name = f"Hội đồng xét sáng kiến năm {year}"
    if InitiativeCouncil.objects.filter(name=name, year=year).exists():
        return
    council = council_create(
        actor=_user(OFFICER),
        year=year,
        name=name,
        members=[_user(m) for m in MEMBERS],
        chair=_user(CHAIR),
        meeting_date=date(year, 11, 20) if year == PAST_YEAR else None,
    )
    created["initiative_councils"] += 1
    for spec in specs:
        _file(spec, year, council)
        created["initiative_applications"] += 1
    if year == PAST_YEAR:
        council = council_close(actor=_user(CHAIR), council=council)
        # The past session closed on its meeting day: the decision may not precede the closing.
        met = min(date(year, 11, 20), timezone.localdate())
        InitiativeCouncil.objects.filter(pk=council.pk).update(
            closed_at=timezone.make_aware(datetime.combine(met, time(17, 0)))
        )
        council.refresh_from_db()
        council_decide(
            actor=_user(OFFICER),
            council=council,
            decision_number="25/QĐ-BQL",
            decision_date=min(date(PAST_YEAR, 12, 5), timezone.localdate()),
            signer="Trưởng ban Trần Minh Đức",
        )


def load_initiatives(*, created: Counter[str]) -> None:
    """Load the decided 2025 session and the open session of the current year (what is missing).

    Needs the demo logins (``load_accounts``) and runs before the rounds are judged, so the
    2025 round sees the recognised initiatives.
    """
    _session(PAST_YEAR, PAST, created)
    current = timezone.localdate().year
    if current > PAST_YEAR:
        _session(current, CURRENT, created)
