"""Figures of a year read from the movements and the award archive, scoped to the actor.

Each function is one or two grouped queries: the annual report of a year with 100,000 awards
costs a handful of GROUP BYs, never a row per award (bench/reports_bench.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.selectors.archive import award_list
from tdkt.movements.models import Movement, RegistrationCampaign
from tdkt.movements.selectors import (
    movement_list,
    movement_score_table,
    registration_dashboard,
)
from tdkt.organizations.models import Employment, Organization
from tdkt.reports.numbers import share
from tdkt.rules.codes import AWARD_CODES
from tdkt.rules.labels import CODE_LABELS


@dataclass(frozen=True)
class MovementLine:
    """A movement carried out in the year and its result."""

    name: str
    kind: str
    kind_label: str
    plan: str
    starts_on: date
    ends_on: date
    participants: int
    leaders: tuple[str, ...]


def movements_of_year(*, actor: Any, year: int) -> list[MovementLine]:
    """The launched movements running during ``year`` that the actor may see, with the units
    ranked first (the result of the movement)."""
    lines = []
    movements = (
        movement_list(actor=actor, year=year)
        .exclude(state="draft")
        .prefetch_related("participants__organization", "criteria")
        .order_by("starts_on", "code")
    )
    for movement in movements:
        table = movement_score_table(actor=actor, movement=movement)
        names = {r.participant.organization_id: r.participant.organization.name for r in table.rows}
        leaders = tuple(
            names[r.result.unit]
            for r in table.rows
            if r.result.rank == 1 and r.result.unit in names
        )
        lines.append(_movement_line(movement, leaders))
    return lines


def _movement_line(movement: Movement, leaders: tuple[str, ...]) -> MovementLine:
    plan = movement.plan_number
    if plan and movement.plan_date:
        plan = f"{plan} ngày {movement.plan_date:%d/%m/%Y}"
    return MovementLine(
        name=movement.name,
        kind=movement.kind,
        kind_label=str(movement.get_kind_display()),
        plan=plan,
        starts_on=movement.starts_on,
        ends_on=movement.ends_on,
        participants=len(movement.participants.all()),
        leaders=leaders,
    )


@dataclass(frozen=True)
class RegistrationLine:
    unit: str
    registered: int
    eligible: int
    rate: Decimal


@dataclass(frozen=True)
class Registrations:
    """The year's registration: per unit and in total, against the campaign's target."""

    target_percent: int
    lines: list[RegistrationLine]

    @property
    def registered(self) -> int:
        return sum(line.registered for line in self.lines)

    @property
    def eligible(self) -> int:
        return sum(line.eligible for line in self.lines)

    @property
    def rate(self) -> Decimal | None:
        return share(self.registered, self.eligible)


def registrations_of_year(*, actor: Any, year: int) -> Registrations | None:
    """The registration rates of ``year`` the actor may see; None when no campaign was held."""
    campaign = RegistrationCampaign.objects.filter(year=year).first()
    if campaign is None:
        return None
    rows = registration_dashboard(actor=actor, campaign=campaign, today=date(year, 12, 31))
    return Registrations(
        target_percent=campaign.target_percent,
        lines=[
            RegistrationLine(r.organization.name, r.registered, r.eligible, r.rate) for r in rows
        ],
    )


@dataclass(frozen=True)
class TitleCount:
    code: str
    label: str
    collectives: int
    individuals: int

    @property
    def total(self) -> int:
        return self.collectives + self.individuals


@dataclass(frozen=True)
class UnitCount:
    unit: str
    count: int


@dataclass(frozen=True)
class Awards:
    """The granted awards of a year by title and by unit."""

    by_title: list[TitleCount]
    by_unit: list[UnitCount]

    @property
    def collectives(self) -> int:
        return sum(t.collectives for t in self.by_title)

    @property
    def individuals(self) -> int:
        return sum(t.individuals for t in self.by_title)

    @property
    def total(self) -> int:
        return self.collectives + self.individuals


def _granted(actor: Any, years: tuple[int, int]) -> Any:
    return (
        award_list(actor=actor)
        .filter(status=AwardStatus.GRANTED, year__gte=years[0], year__lte=years[1])
        .order_by()
    )


def unit_of_award(year_end: date) -> Coalesce:
    """The unit an award counts for: the collective itself, or the unit where the person
    worked at the end of the achievement year (the latest post then), or else their latest
    post at all (someone recorded with a later post only)."""
    then = (
        Employment.objects.filter(person=OuterRef("person_id"), start_date__lte=year_end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=date(year_end.year, 1, 1)))
        .order_by("-start_date", "-id")
        .values("organization_id")[:1]
    )
    latest = (
        Employment.objects.filter(person=OuterRef("person_id"))
        .order_by("-start_date", "-id")
        .values("organization_id")[:1]
    )
    return Coalesce(
        "organization_id", Subquery(then), Subquery(latest), output_field=IntegerField()
    )


def awards_of_year(*, actor: Any, year: int) -> Awards:
    """Count the year's granted awards the actor may see, by title and by unit."""
    qs = _granted(actor, (year, year))
    by_title = {}
    for row in qs.values("code").annotate(individuals=Count("person_id"), n=Count("id")):
        code = row["code"]
        by_title[code] = TitleCount(
            code,
            CODE_LABELS["vi"].get(code, code),
            row["n"] - row["individuals"],
            row["individuals"],
        )
    order = {code: i for i, code in enumerate(reversed(AWARD_CODES))}
    titles = sorted(by_title.values(), key=lambda t: (order.get(t.code, 99), t.code))
    units = awards_by_unit(actor=actor, years=(year, year))
    counts: dict[int | None, int] = {}
    for (unit_id, _year), n in units.items():
        counts[unit_id] = counts.get(unit_id, 0) + n
    names = _names([u for u in counts if u is not None])
    by_unit = sorted(
        (
            UnitCount(names.get(u, "") if u is not None else "Chưa xác định đơn vị", n)
            for u, n in counts.items()
        ),
        key=lambda u: (-u.count, u.unit),
    )
    return Awards(by_title=titles, by_unit=by_unit)


def awards_by_unit(*, actor: Any, years: tuple[int, int]) -> dict[tuple[int | None, int], int]:
    """Count the granted awards the actor may see per (unit id, year) over ``years``."""
    counts: dict[tuple[int | None, int], int] = {}
    for year in range(years[0], years[1] + 1):
        rows = (
            _granted(actor, (year, year))
            .annotate(unit_id=unit_of_award(date(year, 12, 31)))
            .values("unit_id")
            .annotate(n=Count("id"))
        )
        for row in rows:
            counts[(row["unit_id"], year)] = row["n"]
    return counts


def unit_names(ids: list[int]) -> dict[int, str]:
    """Names of the given organisations (for labelling counts already scoped)."""
    return _names(ids)


def _names(ids: list[int]) -> dict[int, str]:
    return dict(Organization.objects.filter(pk__in=ids).values_list("id", "name"))
