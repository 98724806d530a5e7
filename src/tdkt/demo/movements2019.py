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
from datetime import date
from decimal import Decimal

from tdkt.accounts.models import User
from tdkt.movements.constants import CampaignState, MovementState, SheetState
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

from .movement_specs import BOARD_UNITS, MOVEMENTS, PATH, MovementSpec


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
