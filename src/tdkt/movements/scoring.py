"""The totals and ranking of a movement's scores: plain arithmetic, no database (decision 0605).

A unit's total is Σ weight × points + Σ bonus − Σ penalty over the criteria; the maximum is
Σ weight × max_points (bonus points may take a unit above it). A unit scored on every
criterion is *complete*; only complete units are ranked, highest total first, and equal totals
share a rank (1, 1, 3), so the order never depends on the order of entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class Scale:
    """A criterion's scale."""

    key: int
    weight: Decimal
    max_points: Decimal


@dataclass(frozen=True)
class Points:
    """One unit's entry on one criterion (``points`` None: not scored yet)."""

    points: Decimal | None
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO


@dataclass(frozen=True)
class Result:
    """A unit's total, against the maximum, and its rank among complete units."""

    unit: int
    total: Decimal
    maximum: Decimal
    complete: bool
    rank: int | None

    @property
    def percent(self) -> Decimal | None:
        """The total as a percentage of the maximum, one decimal (None without a maximum)."""
        if not self.maximum:
            return None
        return (self.total * 100 / self.maximum).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def unit_total(scales: Sequence[Scale], entries: Mapping[int, Points]) -> tuple[Decimal, bool]:
    """Return the unit's total and whether every criterion is scored."""
    total = ZERO
    complete = True
    for scale in scales:
        entry = entries.get(scale.key)
        if entry is None or entry.points is None:
            complete = False
        else:
            total += scale.weight * entry.points
        if entry is not None:
            total += entry.bonus - entry.penalty
    return total, complete


def rank(scales: Sequence[Scale], units: Mapping[int, Mapping[int, Points]]) -> list[Result]:
    """Return every unit's result, complete units by rank then the others, ties by unit key."""
    maximum = sum((s.weight * s.max_points for s in scales), ZERO)
    totals = {unit: unit_total(scales, entries) for unit, entries in units.items()}
    complete = sorted(
        (u for u, (_, done) in totals.items() if done and scales),
        key=lambda u: (-totals[u][0], u),
    )
    ranks: dict[int, int] = {}
    for position, unit in enumerate(complete, start=1):
        previous = complete[position - 2] if position > 1 else None
        same = previous is not None and totals[previous][0] == totals[unit][0]
        ranks[unit] = ranks[previous] if same and previous is not None else position
    others = sorted(u for u in units if u not in ranks)
    return [
        Result(u, totals[u][0], maximum, u in ranks, ranks.get(u)) for u in [*complete, *others]
    ]
