"""Figures of the statistics forms: grouped reads of the award archive and the movements.

The forms are the Board's own figures, sent to the City: only board-wide readers (officers,
administrators, leaders, council members) read them; anyone else is refused (403) before
anything is counted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.models import Award
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.documents.official.statistics import StatisticsSheet
from tdkt.movements.constants import MovementState
from tdkt.movements.models import Movement
from tdkt.organizations.constants import OrganizationKind, PersonnelCategory
from tdkt.reports.constants import MAX_YEAR, MIN_YEAR, StatisticsForm
from tdkt.reports.statistics import (
    COLLECTIVE,
    INDIVIDUAL,
    MINISTRY_PROVINCE_CODES,
    REGULAR,
    ROUND_METHOD,
    STATE_CODES,
    AwardFact,
    MovementFact,
    build_sheet,
    person_category,
)

MAX_PERIOD_YEARS = 10


def ensure_board_reader(actor: Any) -> None:
    """Refuse (403) unless the actor reads the whole Board's data."""
    if not scope_for(actor).everything:
        raise PermissionDeniedError(
            _("Chỉ lãnh đạo và cán bộ cấp Ban được xem báo cáo, thống kê của toàn Ban.")
        )


def check_period(year_from: int, year_to: int) -> None:
    """Refuse a period outside the calendar or longer than ten years."""
    if not (MIN_YEAR <= year_from <= year_to <= MAX_YEAR) or (
        year_to - year_from >= MAX_PERIOD_YEARS
    ):
        raise ApplicationError(_("Kỳ báo cáo không hợp lệ."))


def award_facts(*, year_from: int, year_to: int, codes: tuple[str, ...]) -> list[AwardFact]:
    """Group the granted awards of the period with one of ``codes`` by what the forms count.

    The period is the achievement year (decision 0702). One GROUP BY over the archive; the
    positions are classified in Python, once per distinct group.
    """
    rows = (
        Award.objects.filter(
            status=AwardStatus.GRANTED, year__gte=year_from, year__lte=year_to, code__in=codes
        )
        .order_by()
        .values(
            "code",
            "organization__kind",
            "person__category",
            "unit_label",
            "decision__round__kind",
        )
        .annotate(individuals=Count("person_id"), n=Count("id"))
    )
    facts: dict[tuple[str, str, bool, str, str], int] = {}
    for row in rows:
        method = ROUND_METHOD.get(row["decision__round__kind"] or "", REGULAR)
        individuals = row["individuals"]
        collectives = row["n"] - individuals
        if collectives:
            enterprise = row["organization__kind"] == OrganizationKind.ENTERPRISE
            key = (row["code"], COLLECTIVE, enterprise, "", method)
            facts[key] = facts.get(key, 0) + collectives
        if individuals:
            in_enterprise = (
                row["person__category"]
                in (
                    PersonnelCategory.ENTERPRISE_WORKER,
                    PersonnelCategory.FOREIGNER,
                )
                or "công ty" in (row["unit_label"] or "").lower()
            )
            category = person_category(
                position=row["unit_label"] or "", in_enterprise=in_enterprise
            )
            key = (row["code"], INDIVIDUAL, False, category, method)
            facts[key] = facts.get(key, 0) + individuals
    return [AwardFact(*key, count=n) for key, n in facts.items()]


def movement_facts(*, year_from: int, year_to: int) -> list[MovementFact]:
    """The movements carried out in the period (launched, overlapping it), as 0601 counts them."""
    start, end = date(year_from, 1, 1), date(year_to, 12, 31)
    movements = (
        Movement.objects.exclude(state=MovementState.DRAFT)
        .filter(Q(starts_on__lte=end) & Q(ends_on__gte=start))
        .values_list("kind", "starts_on", "ends_on")
    )
    return [MovementFact(kind=k, starts_on=s, ends_on=e) for k, s, e in movements]


def statistics_sheet(*, actor: Any, form: str, year_from: int, year_to: int) -> StatisticsSheet:
    """Return form ``form`` filled for the period, for a board-wide reader."""
    ensure_board_reader(actor)
    if form not in StatisticsForm.values:
        raise ApplicationError(_("Không có biểu thống kê này."))
    check_period(year_from, year_to)
    awards: list[AwardFact] = []
    movements: list[MovementFact] = []
    if form == StatisticsForm.F0601:
        movements = movement_facts(year_from=year_from, year_to=year_to)
    elif form == StatisticsForm.F0602:
        awards = award_facts(year_from=year_from, year_to=year_to, codes=STATE_CODES)
    elif form == StatisticsForm.F0603:
        awards = award_facts(year_from=year_from, year_to=year_to, codes=MINISTRY_PROVINCE_CODES)
    return build_sheet(
        form, year_from=year_from, year_to=year_to, award_facts=awards, movement_facts=movements
    )
