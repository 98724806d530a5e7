"""The figures of the dashboard, scoped: a unit sees only its own.

Returned as plain lists of numbers and labels, so that the page prints them in its tables and
hands the same values to the charts as JSON (``json_script``): a chart never shows a figure
the table beside it does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from .figures import awards_by_unit, registrations_of_year, unit_labels
from .indicators import indicator_lines, procedures_as_of, procedures_of_year
from .statistics import check_period

AWARD_YEARS = 5  # awards by unit over the last five years
AWARD_UNITS = 8  # the units with most awards; the rest are summed as "Các đơn vị khác"


@dataclass
class Dashboard:
    """Tables of the dashboard; each list holds one row per bar or point of its chart."""

    year: int
    indicators: list[dict[str, Any]] = field(default_factory=list)
    registrations: list[dict[str, Any]] = field(default_factory=list)
    registration_target: int | None = None
    award_years: list[int] = field(default_factory=list)
    awards: list[dict[str, Any]] = field(default_factory=list)
    procedures: list[dict[str, Any]] = field(default_factory=list)
    procedures_as_of: date | None = None
    procedure_rate: float | None = None

    def chart_data(self) -> dict[str, Any]:
        """The values the charts draw (the same as the tables)."""
        return {
            "indicators": [
                {
                    "label": row["name"],
                    "percent_of_plan": row["percent_of_plan"],
                    "growth": row["growth"],
                }
                for row in self.indicators
            ],
            "registrations": [{"label": r["unit"], "rate": r["rate"]} for r in self.registrations],
            "registration_target": self.registration_target,
            "award_years": self.award_years,
            "awards": [{"label": r["unit"], "counts": r["counts"]} for r in self.awards],
            "procedures": [{"label": r["name"], "rate": r["rate"]} for r in self.procedures],
        }


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def dashboard_data(*, actor: Any, year: int) -> Dashboard:
    """Gather the year's figures the actor may see."""
    check_period(year, year)
    board = Dashboard(year=year)
    for line in indicator_lines(actor=actor, year=year):
        if line.is_investment:
            continue
        board.indicators.append(
            {
                "name": line.name + (f" ({line.organization})" if line.organization else ""),
                "unit": "đồng" if line.unit == "VND" else line.unit,
                "plan": line.plan,
                "actual": line.actual,
                "percent_of_plan": _float(line.percent_of_plan),
                "growth": _float(line.growth_percent),
            }
        )
    reg = registrations_of_year(actor=actor, year=year)
    if reg is not None:
        board.registration_target = reg.target_percent
        board.registrations = [
            {
                "unit": r.unit,
                "registered": r.registered,
                "eligible": r.eligible,
                "rate": float(r.rate),
            }
            for r in reg.lines
        ]
    _awards(board, actor, year)
    as_of = procedures_as_of(year=year, today=timezone.localdate())
    proc = procedures_of_year(actor=actor, year=year, as_of=as_of)
    if proc is not None and proc.received:
        board.procedures_as_of = as_of
        board.procedure_rate = _float(proc.on_time_rate)
        board.procedures = [
            {
                "name": f.name,
                "received": f.received,
                "resolved": f.resolved,
                "on_time": f.on_time,
                "rate": _float(f.on_time_rate),
            }
            for f in proc.fields
        ]
    return board


def _awards(board: Dashboard, actor: Any, year: int) -> None:
    years = list(range(year - AWARD_YEARS + 1, year + 1))
    counts = awards_by_unit(actor=actor, years=(years[0], years[-1]))
    if not counts:
        return
    names = unit_labels(actor=actor, ids=[u for u, _y in counts if u is not None])
    by_label: dict[str, dict[int, int]] = {}
    for (unit, y), n in counts.items():
        label = names.get(unit, "") if unit is not None else _("Chưa xác định đơn vị")
        per_year = by_label.setdefault(label, {})
        per_year[y] = per_year.get(y, 0) + n
    ranked = sorted(by_label, key=lambda label: (-sum(by_label[label].values()), label))
    shown, rest = ranked[:AWARD_UNITS], ranked[AWARD_UNITS:]
    board.award_years = years
    for label in shown:
        board.awards.append({"unit": label, "counts": [by_label[label].get(y, 0) for y in years]})
    if rest:
        board.awards.append(
            {
                "unit": _("Các đơn vị khác"),
                "counts": [sum(by_label[label].get(y, 0) for label in rest) for y in years],
            }
        )
