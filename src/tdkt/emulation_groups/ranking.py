"""Rank a block's members from their scores: plain Python, no Django, no database.

The order is total (weighted criteria + bonus − penalty), then each declared tie-break rule in
the pledge's order, then the organisation's name and id, so it is a total order that does not
depend on the order the members come in. Each placement names the first comparison that put
the member above the next one, with both values, so the published explanation is the very
comparison the sort made (docs/emulation-groups.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

TOTAL = "total"
CRITERION = "criterion"
FEWER_PENALTIES = "fewer_penalties"
MORE_BONUS = "more_bonus"
NAME = "name"


def weighted(points: Decimal, weight: Decimal) -> Decimal:
    """Return ``points × weight`` rounded to the cent, as shown and as compared."""
    return (points * weight).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MemberScore:
    """One member's final points: weighted per scored criterion, bonus and penalty sums."""

    key: int
    name: str
    sort_name: str
    criteria: Mapping[int, Decimal] = field(default_factory=dict)
    bonus: Decimal = Decimal(0)
    penalty: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return sum(self.criteria.values(), Decimal(0)) + self.bonus - self.penalty


@dataclass(frozen=True)
class TieBreak:
    """A declared tie-break rule: ``criterion`` names the criterion for ``kind == CRITERION``."""

    kind: str
    criterion: int | None = None


@dataclass(frozen=True)
class Comparison:
    """Why a member stands above the next one: the deciding rule and both values.

    ``rule`` is ``TOTAL``, a ``TieBreak`` kind or ``NAME`` (all declared rules equal);
    ``index`` is the tie-break's position (1-based) for a declared rule, else 0.
    """

    rule: str
    index: int
    criterion: int | None
    upper: Decimal | str
    lower: Decimal | str


@dataclass(frozen=True)
class Placement:
    """A member's position; ``over`` explains why it stands above the next member (None for
    the last one)."""

    position: int
    member: MemberScore
    below: MemberScore | None
    over: Comparison | None


def _value(member: MemberScore, rule: TieBreak) -> Decimal:
    if rule.kind == CRITERION:
        return member.criteria.get(rule.criterion or 0, Decimal(0))
    if rule.kind == FEWER_PENALTIES:
        return member.penalty
    if rule.kind == MORE_BONUS:
        return member.bonus
    raise ValueError(f"unknown tie-break kind {rule.kind!r}")


def sort_key(member: MemberScore, rules: Sequence[TieBreak]) -> tuple[object, ...]:
    """Return the key the ranking sorts by (smaller first): higher is better except penalties."""
    parts: list[object] = [-member.total]
    for rule in rules:
        value = _value(member, rule)
        parts.append(value if rule.kind == FEWER_PENALTIES else -value)
    parts.extend([member.sort_name, member.key])
    return tuple(parts)


def compare(upper: MemberScore, lower: MemberScore, rules: Sequence[TieBreak]) -> Comparison:
    """Return the first comparison that puts ``upper`` above ``lower``."""
    if upper.total != lower.total:
        return Comparison(TOTAL, 0, None, upper.total, lower.total)
    for index, rule in enumerate(rules, start=1):
        a, b = _value(upper, rule), _value(lower, rule)
        if a != b:
            return Comparison(rule.kind, index, rule.criterion, a, b)
    return Comparison(NAME, 0, None, upper.name, lower.name)


def rank(members: Sequence[MemberScore], rules: Sequence[TieBreak]) -> list[Placement]:
    """Order ``members`` by total, then the declared ``rules``, then name; explain each step."""
    ordered = sorted(members, key=lambda m: sort_key(m, rules))
    placements = []
    for i, member in enumerate(ordered):
        below = ordered[i + 1] if i + 1 < len(ordered) else None
        over = compare(member, below, rules) if below is not None else None
        placements.append(Placement(i + 1, member, below, over))
    return placements
