"""Figures of a year read from the movements and the award archive, scoped to the actor.

Each function is one or two grouped queries: the annual report of a year with 100,000 awards
costs a handful of GROUP BYs, never a row per award (bench/reports_bench.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
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
    names = unit_labels(actor=actor, ids=[u for u in counts if u is not None])
    labelled: dict[str, int] = {}
    for unit_id, n in counts.items():
        label = names.get(unit_id, "") if unit_id is not None else _("Chưa xác định đơn vị")
        labelled[label] = labelled.get(label, 0) + n
    by_unit = sorted(
        (UnitCount(label, n) for label, n in labelled.items()), key=lambda u: (-u.count, u.unit)
    )
    return Awards(by_title=titles, by_unit=by_unit)


def awards_by_unit(*, actor: Any, years: tuple[int, int]) -> dict[tuple[int | None, int], int]:
    """Count the granted awards the actor may see per (unit id, year) over ``years``.

    An award counts for the collective itself, or for the unit where the person worked at the
    end of the achievement year (the latest post then), else their latest post at all
    (decision 0705). Two linear reads: the awards grouped by recipient and year, then the
    posts of those people; the posts are matched in Python.
    """
    grouped = (
        _granted(actor, years)
        .values("organization_id", "person_id", "year")
        .annotate(n=Count("id"))
    )
    rows = list(grouped)
    people = {r["person_id"] for r in rows if r["person_id"] is not None}
    posts: dict[int, list[tuple[date, date | None, int]]] = {}
    for person_id, org_id, start, end in (
        Employment.objects.filter(person_id__in=people)
        .order_by("person_id", "-start_date", "-id")
        .values_list("person_id", "organization_id", "start_date", "end_date")
    ):
        posts.setdefault(person_id, []).append((start, end, org_id))
    counts: dict[tuple[int | None, int], int] = {}
    for row in rows:
        year = row["year"]
        unit = row["organization_id"]
        if unit is None and row["person_id"] is not None:
            unit = unit_at_year_end(posts.get(row["person_id"], []), year)
        counts[(unit, year)] = counts.get((unit, year), 0) + row["n"]
    return counts


def unit_at_year_end(posts: list[tuple[date, date | None, int]], year: int) -> int | None:
    """The unit of the latest post held during ``year`` and begun by its end, else of the
    latest post at all; ``posts`` are (start, end, unit), latest start first."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    for start, end, unit in posts:
        if start <= last and (end is None or end >= first):
            return unit
    return posts[0][2] if posts else None


def unit_labels(*, actor: Any, ids: list[int]) -> dict[int, str]:
    """Names of the given units; a unit outside the actor's scope (where one of their people
    worked before) is not named."""
    scope = scope_for(actor)
    return {
        pk: name if scope.covers_path(path) else _("Đơn vị khác")
        for pk, name, path in Organization.objects.filter(pk__in=ids).values_list(
            "id", "name", "path"
        )
    }
