"""Indicator and procedure figures of a year, read through the indicators app's selectors.

The indicators app owns the figures, their conversion and their rounding (% of plan, growth:
``tdkt.indicators.reports``); this module only sorts its lines into the report's sections
(key indicators / investment attraction) and sums the one-stop statistics. The indicators
app always ships with this one (decision 0056): its selectors are plain imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Max

from tdkt.accounts.scopes import scope_for
from tdkt.indicators.models import ProcedureDossier
from tdkt.indicators.reports.indicators import indicator_report_lines
from tdkt.indicators.selectors import procedure_counts, procedure_field_names
from tdkt.reports.numbers import share

# Indicators of investment attraction (section VII); every other indicator is a key indicator.
INVESTMENT_PREFIXES = ("von_", "du_an_")


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of one organisation (None: the Board) in the year."""

    code: str
    name: str
    unit: str
    organization: str | None
    plan: Decimal | None
    actual: Decimal | None
    previous_actual: Decimal | None
    percent_of_plan: Decimal | None
    growth_percent: Decimal | None

    @property
    def is_investment(self) -> bool:
        return self.code.startswith(INVESTMENT_PREFIXES)


def indicator_lines(*, actor: Any, year: int) -> list[IndicatorLine]:
    """The year's indicator lines the actor may read (the indicators app's report lines)."""
    lines, _rates = indicator_report_lines(actor=actor, year=year)
    return [
        IndicatorLine(
            code=f.code,
            name=f.name,
            unit=f.unit,
            organization=f.organization,
            plan=f.plan,
            actual=f.actual,
            previous_actual=f.previous_actual,
            percent_of_plan=f.percent_of_plan,
            growth_percent=f.growth_percent,
        )
        for f in lines
    ]


@dataclass(frozen=True)
class FieldCount:
    """The one-stop dossiers of one field (lĩnh vực) in the period."""

    name: str
    received: int
    online: int
    resolved: int
    on_time: int
    overdue: int

    @property
    def on_time_rate(self) -> Decimal | None:
        """Dossiers resolved by their due date over those resolved, in percent."""
        return share(self.on_time, self.resolved)


@dataclass(frozen=True)
class Procedures:
    """The one-stop statistics of a period, as they stood on ``as_of``."""

    date_from: date
    as_of: date
    fields: list[FieldCount]

    def _sum(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.fields)

    @property
    def received(self) -> int:
        return self._sum("received")

    @property
    def online(self) -> int:
        return self._sum("online")

    @property
    def resolved(self) -> int:
        return self._sum("resolved")

    @property
    def on_time(self) -> int:
        return self._sum("on_time")

    @property
    def overdue(self) -> int:
        return self._sum("overdue")

    @property
    def pending(self) -> int:
        return self.received - self.resolved

    @property
    def on_time_rate(self) -> Decimal | None:
        return share(self.on_time, self.resolved)


def procedures_as_of(*, year: int, today: date) -> date:
    """The day a year's one-stop figures stand on by default: the end of the last month with a
    dossier received (the article's figures are "tính đến hết tháng 11/2019"), never after the
    year's end or today."""
    end = min(date(year, 12, 31), today)
    last = ProcedureDossier.objects.filter(
        received_on__gte=date(year, 1, 1), received_on__lte=end
    ).aggregate(last=Max("received_on"))["last"]
    if last is None:
        return end
    following = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    return min(date.fromordinal(following.toordinal() - 1), end)


def procedures_of_year(*, actor: Any, year: int, as_of: date) -> Procedures | None:
    """The dossiers received in ``year`` up to ``as_of``, by field; None for a reader who is
    not board-wide (the one-stop statistics are the Board's)."""
    if not scope_for(actor).everything:
        return None
    start, end = date(year, 1, 1), min(date(year, 12, 31), as_of)
    rows = procedure_counts(actor=actor, date_from=start, date_to=end, as_of=as_of)
    names = procedure_field_names(ids=[r["field_id"] for r in rows])
    fields = [
        FieldCount(
            name=names.get(r["field_id"], ""),
            received=r["received"],
            online=r["online"],
            resolved=r["resolved"],
            on_time=r["on_time"],
            overdue=r["overdue"],
        )
        for r in rows
    ]
    fields.sort(key=lambda f: (-f.received, f.name))
    return Procedures(date_from=start, as_of=as_of, fields=fields)
