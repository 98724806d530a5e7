"""``tdkt report indicators``: plan, actual, % of plan and growth for one year.

The document follows ``shared/contracts/indicators.md``: one entry per indicator and
organisation with a figure in the year, ``previous_actual`` from the same indicator and
organisation a year earlier, percentages rounded half away from zero to 1 decimal, and null
where a value is missing or a divisor is zero. Figures stored in another currency than the
indicator's unit are converted with the rates recorded for the report's year (the previous
year's figure too, so growth compares quantities, not exchange rates); ``exchange_rates``
lists those rates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tdkt.indicators.collation import vietnamese_sort_key
from tdkt.indicators.models import Indicator, IndicatorValue
from tdkt.indicators.numbers import (
    convert,
    growth_percent,
    json_number,
    json_percent,
    percent_of_plan,
)
from tdkt.indicators.selectors import exchange_rates, indicator_value_list


@dataclass(frozen=True)
class Figures:
    """One line of the report, in the indicator's unit."""

    code: str
    name: str
    unit: str
    organization: str | None
    plan: Decimal | None
    actual: Decimal | None
    previous_actual: Decimal | None
    percent_of_plan: Decimal | None
    growth_percent: Decimal | None

    def as_json(self) -> dict[str, Any]:
        """Return the contract's JSON object (numbers as JSON numbers)."""
        return {
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "organization": self.organization,
            "plan": json_number(self.plan),
            "actual": json_number(self.actual),
            "previous_actual": json_number(self.previous_actual),
            "percent_of_plan": json_percent(self.percent_of_plan),
            "growth_percent": json_percent(self.growth_percent),
        }


def figures(
    indicator: Indicator,
    organization: str | None,
    current: IndicatorValue,
    previous: IndicatorValue | None,
    rates: Mapping[str, Decimal],
) -> Figures:
    """Compute one line from a year's value and the previous year's, converted with ``rates``."""
    unit = indicator.unit
    plan = convert(current.plan, current.currency, unit, rates)
    actual = convert(current.actual, current.currency, unit, rates)
    before = convert(previous.actual, previous.currency, unit, rates) if previous else None
    return Figures(
        code=indicator.code,
        name=indicator.name,
        unit=unit,
        organization=organization,
        plan=plan,
        actual=actual,
        previous_actual=before,
        percent_of_plan=percent_of_plan(actual, plan),
        growth_percent=growth_percent(actual, before),
    )


def _order(value: IndicatorValue) -> tuple[Any, ...]:
    org = value.organization
    return (
        value.indicator.code,
        org is not None,
        vietnamese_sort_key(org.name) if org else (),
        org.pk if org else 0,
    )


def indicator_lines(
    values: Iterable[IndicatorValue], year: int, rates: Mapping[str, Decimal]
) -> list[Figures]:
    """Return the lines of ``year`` from the values of that year and the year before."""
    previous: dict[tuple[int, int | None], IndicatorValue] = {}
    current: list[IndicatorValue] = []
    for value in values:
        if value.year == year:
            current.append(value)
        else:
            previous[(value.indicator_id, value.organization_id)] = value
    current.sort(key=_order)
    return [
        figures(
            value.indicator,
            value.organization.name if value.organization else None,
            value,
            previous.get((value.indicator_id, value.organization_id)),
            rates,
        )
        for value in current
    ]


def indicator_report_lines(*, actor: Any, year: int) -> tuple[list[Figures], dict[str, Decimal]]:
    """Return the lines of ``year`` the actor may read, and the rates used to convert."""
    values = indicator_value_list(actor=actor).filter(year__in=[year, year - 1])
    rates = exchange_rates(years=[year])[year]
    return indicator_lines(values, year, rates), rates


def indicator_report(*, actor: Any, year: int) -> dict[str, Any]:
    """Return the contract's JSON document for ``year``, with the actor's figures only."""
    lines, rates = indicator_report_lines(actor=actor, year=year)
    return {
        "year": year,
        "exchange_rates": {c: json_number(rates[c]) for c in sorted(rates)},
        "indicators": [line.as_json() for line in lines],
    }


@dataclass(frozen=True)
class YearLine:
    """One year of one organisation's series on an indicator's page."""

    year: int
    figures: Figures
    converted: bool  # the figures were stored in another currency


@dataclass(frozen=True)
class Series:
    """The years of one organisation (None: the Board as a whole) for one indicator."""

    organization: str | None
    years: list[YearLine]


def indicator_history(*, actor: Any, indicator: Indicator) -> list[Series]:
    """Return every year of the indicator the actor may read, per organisation.

    Each year is computed like the report of that year: converted with that year's rates,
    compared with the year before.
    """
    values = list(indicator_value_list(actor=actor).filter(indicator=indicator).order_by("year"))
    rates = exchange_rates(years=sorted({v.year for v in values}))
    by_org: dict[int | None, list[IndicatorValue]] = {}
    for value in values:
        by_org.setdefault(value.organization_id, []).append(value)
    series = []
    for org_values in sorted(by_org.values(), key=lambda vs: _order(vs[0])):
        previous = {v.year: v for v in org_values}
        org = org_values[0].organization
        lines = [
            YearLine(
                value.year,
                figures(
                    indicator,
                    org.name if org else None,
                    value,
                    previous.get(value.year - 1),
                    rates[value.year],
                ),
                bool(value.currency),
            )
            for value in reversed(org_values)
        ]
        series.append(Series(org.name if org else None, lines))
    return series
