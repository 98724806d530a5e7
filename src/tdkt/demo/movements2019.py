"""The Board's 2019 movements from the source article, and the registrations of 2019 and 2020.

From the article (26/03/2020): the food-safety movement of Kế hoạch số 163/KH-BQL ngày
23/01/2019, the "Người tốt, việc tốt" contest of Kế hoạch số 1445/KH-BQL ngày 25/10/2018, the
administrative reform of Kế hoạch số 136/KH-BQL ngày 18/01/2019 relaying the Thành ủy's
Chương trình 08-CTr/TU, the 2019 movement "Kỷ cương, liêm chính, hành động, sáng tạo, hiệu
quả, bứt phá và đồng hành cùng doanh nghiệp", "Doanh nghiệp Việt Nam hội nhập và phát triển",
"Ngành Kế hoạch, Đầu tư và Thống kê chung sức xây dựng nông thôn mới" and the office-culture
movement; and the aim that 100 % of collectives and individuals register for 2020. Criteria,
scores, slogans, periods of the national movements, deadlines and each unit's registration
are **illustrative**.

Everything is written through the movement and registration services as the system, so the
demo leaves the trail a user would; each row is looked up first (movement code, campaign year,
sheet of a unit) and skipped when present, so a second run writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tdkt.accounts.models import User
from tdkt.movements.constants import CampaignState, MovementKind, MovementState, SheetState
from tdkt.movements.models import Movement, RegistrationCampaign, RegistrationSheet
from tdkt.movements.registration_workflow import sheet_transition
from tdkt.movements.services import (
    ScoreInput,
    campaign_open,
    campaign_update,
    criterion_add,
    deadline_add,
    movement_create,
    movement_participants_set,
    movement_scores_set,
    sheet_line_add,
    sheet_start,
)
from tdkt.movements.workflow import movement_transition
from tdkt.organizations.models import Organization
from tdkt.rules.codes import EXCELLENT_COLLECTIVE, GRASSROOTS_FIGHTER

BOARD_UNITS = (
    "office",
    "investment",
    "planning",
    "enterprise_affairs",
    "labour",
    "environment",
    "centre",
    "rep_office",
)
PATH = (MovementState.LAUNCHED, MovementState.UNDER_REVIEW, MovementState.CLOSED)


@dataclass(frozen=True)
class CriterionSpec:
    text: str
    max_points: int
    weight: int = 1
    bonus_max: int = 0
    penalty_max: int = 0


@dataclass(frozen=True)
class MovementSpec:
    code: str
    name: str
    kind: str
    starts_on: date
    ends_on: date
    state: str
    units: tuple[str, ...]
    launched_on: date | None = None
    plan_number: str = ""
    plan_date: date | None = None
    slogan: str = ""
    higher: str = ""
    description: str = ""
    criteria: tuple[CriterionSpec, ...] = ()
    # Points per unit key, one per criterion (bonus of the last criterion after a "+").
    scores: dict[str, tuple[int, ...]] = field(default_factory=dict)
    deadlines: tuple[tuple[str, str, date], ...] = ()


MOVEMENTS: tuple[MovementSpec, ...] = (
    MovementSpec(
        code="ATTP-2019",
        name="Bảo đảm an toàn thực phẩm trong các KCN trên địa bàn thành phố Hà Nội năm 2019",
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 1, 23),
        ends_on=date(2019, 12, 31),
        state=MovementState.CLOSED,
        units=("rep_office", "labour", "environment", "centre"),
        launched_on=date(2019, 1, 25),
        plan_number="163/KH-BQL",
        plan_date=date(2019, 1, 23),
        slogan="Bữa ăn an toàn cho công nhân các KCN",
        description=(
            "Triển khai công tác an toàn thực phẩm tại các KCN; hưởng ứng “Tháng hành động vì "
            "an toàn thực phẩm” năm 2019 (công văn số 724/BQL-VPĐD ngày 23/04/2019) và bảo "
            "đảm an toàn thực phẩm Tết Trung thu (công văn số 1975/BQL-VPĐD ngày 05/9/2019); "
            "phối hợp với Sở Y tế Hà Nội tập huấn cho gần 300 doanh nghiệp."
        ),
        criteria=(
            CriterionSpec("Kiểm tra, giám sát bếp ăn tập thể của doanh nghiệp theo kế hoạch", 40),
            CriterionSpec("Tập huấn an toàn thực phẩm, phòng cháy chữa cháy cho doanh nghiệp", 30),
            CriterionSpec("Không để xảy ra ngộ độc thực phẩm tập thể trong các KCN", 30, 1, 5, 10),
        ),
        scores={
            "rep_office": (38, 29, 30, 5),
            "labour": (36, 27, 30, 2),
            "environment": (33, 26, 30, 0),
            "centre": (35, 30, 30, 3),
        },
    ),
    MovementSpec(
        code="NTVT-2019",
        name=(
            "Cuộc thi phát hiện và viết về gương điển hình tiên tiến, “Người tốt, việc tốt” "
            "năm 2019"
        ),
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 1, 1),
        ends_on=date(2019, 11, 30),
        state=MovementState.CLOSED,
        units=BOARD_UNITS,
        launched_on=date(2018, 11, 1),
        plan_number="1445/KH-BQL",
        plan_date=date(2018, 10, 25),
        higher="Phong trào thi đua yêu nước của Thành phố Hà Nội",
        description=(
            "Cuộc thi trong phong trào thi đua yêu nước của Ban Quản lý các KCN và CX Hà Nội "
            "năm 2019, phát động tới các phòng, đơn vị và doanh nghiệp trong các KCN."
        ),
    ),
    MovementSpec(
        code="CCHC-2019",
        name="Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính năm 2019",
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 1, 18),
        ends_on=date(2019, 12, 31),
        state=MovementState.UNDER_REVIEW,
        units=("office", "investment", "planning", "enterprise_affairs", "labour", "environment"),
        launched_on=date(2019, 1, 21),
        plan_number="136/KH-BQL",
        plan_date=date(2019, 1, 18),
        slogan="Rõ người, rõ việc, rõ quy trình, rõ trách nhiệm và rõ hiệu quả",
        higher=(
            "Chương trình 08-CTr/TU của Thành ủy Hà Nội khóa XVI “Đẩy mạnh cải cách hành chính, "
            "tạo bước chuyển mạnh về kỷ luật, kỷ cương, ý thức trách nhiệm, chất lượng phục vụ "
            "nhân dân của đội ngũ cán bộ, công chức, viên chức giai đoạn 2016-2020”"
        ),
        description=(
            "Kèm Kế hoạch số 137/KH-BQL về kiểm soát thủ tục hành chính; 100% thủ tục thuộc "
            "thẩm quyền của Ban thực hiện dịch vụ công mức độ 3."
        ),
        criteria=(
            CriterionSpec(
                "Rút ngắn thời gian giải quyết thủ tục hành chính theo phương án đơn giản hóa", 30
            ),
            CriterionSpec("Áp dụng ISO trong giải quyết thủ tục hành chính", 30),
            CriterionSpec("Hồ sơ tiếp nhận trực tuyến (mức độ 3, 4)", 40, 1, 5, 0),
        ),
        scores={
            "investment": (30, 28, 37, 3),
            "planning": (27, 29, 35, 2),
            "enterprise_affairs": (28, 26, 36, 0),
            "labour": (26, 27, 33, 0),
            "environment": (25, 28, 34, 1),
            "office": (27, 30, 30, 0),
        },
        deadlines=(
            (
                "final_report",
                "Gửi báo cáo tổng kết cải cách hành chính năm 2019",
                date(2019, 12, 13),
            ),
        ),
    ),
    MovementSpec(
        code="KCLC-2019",
        name=(
            "Kỷ cương, liêm chính, hành động, sáng tạo, hiệu quả, bứt phá và đồng hành cùng "
            "doanh nghiệp năm 2019"
        ),
        kind=MovementKind.REGULAR,
        starts_on=date(2019, 1, 1),
        ends_on=date(2019, 12, 31),
        state=MovementState.CLOSED,
        units=BOARD_UNITS,
        launched_on=date(2019, 1, 15),
        higher="Phong trào thi đua yêu nước của Thành phố Hà Nội năm 2019",
        criteria=(
            CriterionSpec("Hoàn thành nhiệm vụ chuyên môn được giao", 50),
            CriterionSpec("Xúc tiến, thu hút đầu tư và hỗ trợ doanh nghiệp", 30),
            CriterionSpec("Thực hiện kỷ luật, kỷ cương hành chính", 20, 1, 0, 10),
        ),
        scores={
            "office": (46, 24, 20, 0),
            "investment": (49, 30, 20, 0),
            "planning": (47, 27, 19, 0),
            "enterprise_affairs": (48, 28, 20, 0),
            "labour": (46, 26, 20, 0),
            "environment": (45, 25, 18, 0),
            "centre": (47, 29, 20, 0),
            "rep_office": (46, 27, 20, 0),
        },
    ),
    MovementSpec(
        code="DNHN-1620",
        name="Doanh nghiệp Việt Nam hội nhập và phát triển",
        kind=MovementKind.FIVE_YEAR,
        starts_on=date(2016, 1, 1),
        ends_on=date(2020, 12, 31),
        state=MovementState.LAUNCHED,
        units=("investment", "enterprise_affairs", "centre"),
        launched_on=date(2016, 3, 1),
        higher=(
            "Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển” của Thủ tướng "
            "Chính phủ"
        ),
        description=(
            "Đồng hành cùng doanh nghiệp, cải cách thủ tục hành chính, kịp thời tháo gỡ khó "
            "khăn, tạo điều kiện thuận lợi nhất cho doanh nghiệp các KCN."
        ),
        deadlines=(
            ("final_report", "Gửi báo cáo tổng kết giai đoạn 2016–2020", date(2020, 11, 16)),
        ),
    ),
    MovementSpec(
        code="NTM-1620",
        name="Ngành Kế hoạch, Đầu tư và Thống kê chung sức xây dựng nông thôn mới",
        kind=MovementKind.FIVE_YEAR,
        starts_on=date(2016, 1, 1),
        ends_on=date(2020, 12, 31),
        state=MovementState.LAUNCHED,
        units=BOARD_UNITS,
        launched_on=date(2016, 4, 1),
        higher="Phong trào thi đua của Bộ Kế hoạch và Đầu tư",
        description=(
            "Tuyên truyền, phổ biến chương trình xây dựng nông thôn mới tới cán bộ, công chức, "
            "viên chức, người lao động và doanh nghiệp KCN; năm 2019 các KCN thu hút 162.115 "
            "lao động, trên 100.000 người từ khu vực nông thôn."
        ),
    ),
    MovementSpec(
        code="VHCS-2019",
        name=(
            "Cán bộ, công chức, viên chức và người lao động thi đua thực hiện văn hóa công sở "
            "và nơi công cộng"
        ),
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 3, 1),
        ends_on=date(2019, 12, 31),
        state=MovementState.CLOSED,
        units=BOARD_UNITS,
        launched_on=date(2019, 3, 4),
    ),
    MovementSpec(
        code="TĐYN-2020",
        name=(
            "Thi đua thực hiện thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội "
            "năm 2020"
        ),
        kind=MovementKind.REGULAR,
        starts_on=date(2020, 1, 1),
        ends_on=date(2020, 12, 31),
        state=MovementState.LAUNCHED,
        units=BOARD_UNITS,
        launched_on=date(2020, 2, 10),
        higher="Phong trào thi đua yêu nước của Thành phố Hà Nội năm 2020",
        criteria=(
            CriterionSpec("Hoàn thành các chỉ tiêu giao ước thi đua năm 2020", 50),
            CriterionSpec("Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", 30),
            CriterionSpec("Thực hành tiết kiệm, phòng, chống tham nhũng", 20),
        ),
        deadlines=(
            ("acknowledgement", "Xác nhận đã nhận phát động", date(2020, 2, 21)),
            ("interim_report", "Gửi báo cáo sơ kết 6 tháng", date(2020, 6, 15)),
            ("final_report", "Gửi báo cáo tổng kết năm 2020", date(2020, 11, 30)),
        ),
    ),
)


class _Loader:
    """Creates what is missing, as ``writer`` (the system when None, decision 0021)."""

    def __init__(
        self, writer: User | None, orgs: dict[str, Organization], created: Counter[str]
    ) -> None:
        self.writer = writer
        self.orgs = orgs
        self.created = created

    def unit(self, key: str) -> Organization:
        return self.orgs[f"unit:{key}"]

    # Movements ---------------------------------------------------------------------------

    def movement(self, spec: MovementSpec) -> None:
        movement = Movement.objects.filter(code=spec.code).first()
        if movement is None:
            movement = movement_create(
                actor=self.writer,
                code=spec.code,
                name=spec.name,
                kind=spec.kind,
                starts_on=spec.starts_on,
                ends_on=spec.ends_on,
                plan_number=spec.plan_number,
                plan_date=spec.plan_date,
                slogan=spec.slogan,
                higher_movement_text=spec.higher,
                description=spec.description,
            )
            self.created["movements"] += 1
        if movement.state == MovementState.DRAFT and not movement.participants.exists():
            movement_participants_set(
                actor=self.writer,
                movement=movement,
                organizations=[self.unit(key) for key in spec.units],
            )
            for c in spec.criteria:
                criterion_add(
                    actor=self.writer,
                    movement=movement,
                    text=c.text,
                    max_points=c.max_points,
                    weight=c.weight,
                    bonus_max=c.bonus_max,
                    penalty_max=c.penalty_max,
                )
            for kind, title, due_on in spec.deadlines:
                deadline_add(
                    actor=self.writer, movement=movement, kind=kind, title=title, due_on=due_on
                )
        self.advance(movement, spec)

    def advance(self, movement: Movement, spec: MovementSpec) -> None:
        """Walk the movement to its state, scoring the units before the review."""
        wanted = PATH.index(MovementState(spec.state))
        while True:
            movement.refresh_from_db()
            state = MovementState(movement.state)
            current = PATH.index(state) if state in PATH else -1
            if current >= wanted:
                break
            target = PATH[current + 1]
            if target == MovementState.UNDER_REVIEW:
                self.score(movement, spec)
            movement_transition(
                actor=self.writer, movement=movement, to_state=target, on=spec.launched_on
            )
            self.created["movement_steps"] += 1
        if movement.state == MovementState.LAUNCHED:
            self.score(movement, spec)

    def score(self, movement: Movement, spec: MovementSpec) -> None:
        criteria = list(movement.criteria.order_by("position"))
        if (
            not criteria
            or not spec.scores
            or movement.criteria.filter(scores__isnull=False).exists()
        ):
            return
        for key, values in spec.scores.items():
            *points, bonus = values
            last = len(criteria) - 1
            scores = [
                ScoreInput(criterion=c, points=Decimal(p), bonus=Decimal(bonus if i == last else 0))
                for i, (c, p) in enumerate(zip(criteria, points, strict=True))
            ]
            movement_scores_set(
                actor=self.writer, movement=movement, organization=self.unit(key), scores=scores
            )
            self.created["movement_scores"] += len(scores)

    # Registration ------------------------------------------------------------------------

    def campaign(self, year: int, deadline: date) -> RegistrationCampaign:
        campaign = RegistrationCampaign.objects.filter(year=year).first()
        if campaign is None:
            campaign = campaign_open(
                actor=self.writer,
                year=year,
                deadline=deadline,
                organizations=[self.unit(key) for key in BOARD_UNITS],
                note=TARGET_NOTE if year == 2020 else "",
            )
            self.created["registration_campaigns"] += 1
        return campaign

    def sheet(self, campaign: RegistrationCampaign, key: str) -> None:
        unit = self.unit(key)
        if RegistrationSheet.objects.filter(campaign=campaign, organization=unit).exists():
            return
        started_on = date(campaign.year, 1, 10)
        sheet = sheet_start(
            actor=self.writer, campaign=campaign, organization=unit, today=started_on
        )
        self.created["registration_sheets"] += 1
        staff = [
            line.person
            for line in sheet.lines.filter(person__isnull=False).select_related("person")
        ]
        for person in staff[1 : 1 + FIGHTERS_PER_UNIT]:
            if (
                person is not None
                and not sheet.lines.filter(person=person, code=GRASSROOTS_FIGHTER).exists()
            ):
                sheet_line_add(
                    actor=self.writer,
                    sheet=sheet,
                    person=person,
                    code=GRASSROOTS_FIGHTER,
                    today=started_on,
                )
        if (
            key in EXCELLENT_UNITS.get(campaign.year, ())
            and not sheet.lines.filter(organization=unit, code=EXCELLENT_COLLECTIVE).exists()
        ):
            sheet_line_add(
                actor=self.writer, sheet=sheet, organization=unit, code=EXCELLENT_COLLECTIVE
            )
        sheet_transition(actor=self.writer, sheet=sheet, to_state=SheetState.SUBMITTED)
        target = STATE_2020.get(key, SheetState.APPROVED) if campaign.year == 2020 else None
        if target is None or target == SheetState.APPROVED:
            sheet_transition(actor=self.writer, sheet=sheet, to_state=SheetState.APPROVED)
        elif target == SheetState.RETURNED:
            sheet_transition(
                actor=self.writer, sheet=sheet, to_state=SheetState.RETURNED, reason=RETURN_REASON
            )


# Registration: who aims at "Chiến sĩ thi đua cơ sở" each year (the first two staff after the
# first listed), and which units aim at "Tập thể lao động xuất sắc".
FIGHTERS_PER_UNIT = 2
EXCELLENT_UNITS = {2019: ("investment", "centre"), 2020: ("investment", "planning", "centre")}
# 2020 as the dashboard shows it: most approved, one returned, one waiting, one not started.
STATE_2020 = {"labour": SheetState.RETURNED, "environment": SheetState.SUBMITTED}
NOT_STARTED_2020 = ("rep_office",)
RETURN_REASON = "Bổ sung đăng ký của 02 công chức mới tuyển dụng tháng 01/2020."
TARGET_NOTE = "Phấn đấu 100% các tập thể, cá nhân đăng ký thi đua năm 2020."


def load_movements(
    *, writer: User | None, orgs: dict[str, Organization], created: Counter[str]
) -> None:
    """Load the 2019 movements and the 2019 and 2020 registrations (what is missing only)."""
    loader = _Loader(writer, orgs, created)
    for spec in MOVEMENTS:
        loader.movement(spec)
    y2019 = loader.campaign(2019, date(2019, 1, 31))
    for key in BOARD_UNITS:
        loader.sheet(y2019, key)
    if y2019.state != CampaignState.CLOSED:
        campaign_update(actor=writer, campaign=y2019, state=CampaignState.CLOSED)
    y2020 = loader.campaign(2020, date(2020, 2, 14))
    for key in BOARD_UNITS:
        if key not in NOT_STARTED_2020:
            loader.sheet(y2020, key)
