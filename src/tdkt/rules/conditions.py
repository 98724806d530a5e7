"""Condition specifications: the vocabulary rule sets are written in.

A condition is plain data — a kind, its arguments and the article it comes from. Arguments
that are parameters are given as `Ref("name")` and resolved when a rule set is compiled, so a
local override changes the rule without touching the rule data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a named parameter of the rule set."""

    name: str


@dataclass(frozen=True, slots=True)
class Cond:
    """One condition of a rule: `kind` selects its implementation in `checks`."""

    kind: str
    citation: str
    args: tuple[tuple[str, Any], ...] = ()
    subs: tuple[Cond, ...] = ()

    def arg(self, name: str, default: Any = None) -> Any:
        """Return an argument by name."""
        for key, value in self.args:
            if key == name:
                return value
        return default


def value(arg: Any, values: Mapping[str, Any]) -> Any:
    """Resolve a `Ref` against parameter values; other arguments are literal."""
    return values[arg.name] if isinstance(arg, Ref) else arg


def _c(kind: str, cite: str, subs: tuple[Cond, ...] = (), **args: Any) -> Cond:
    return Cond(kind, cite, tuple(sorted(args.items())), subs)


def rating(min_rating: str | Ref, cite: str) -> Cond:
    """Rated at least `min_rating` in the evaluated year."""
    return _c("rating", cite, min_rating=min_rating)


def months_worked(minimum: Ref, cite: str) -> Cond:
    """Served at least `minimum` whole months of the year (recruitment bar)."""
    return _c("months_worked", cite, minimum=minimum)


def no_discipline(level: str | Ref, window: int | Ref, cite: str) -> Cond:
    """No discipline at `level` or heavier in the last `window` years up to the evaluated year."""
    return _c("no_discipline", cite, level=level, window=window)


def award_streak(
    code: str,
    count: int | Ref,
    cite: str,
    *,
    step: int = 1,
    reading: Ref | None = None,
    period: Ref | None = None,
) -> Cond:
    """Held `code` in `count` consecutive years (or periods of `period` years) up to the year.

    With `reading` set, the step is `period` when the parameter reads "period" and 1 when it
    reads "calendar" (legal-rules §4.1, CSTĐTQ).
    """
    return _c(
        "award_streak", cite, code=code, count=count, step=step, reading=reading, period=period
    )


def rating_streak(
    min_rating: str, count: int | Ref, cite: str, *, or_award: str | None = None
) -> Cond:
    """Rated at least `min_rating` (or held `or_award`) in each of `count` consecutive years."""
    return _c("rating_streak", cite, min_rating=min_rating, count=count, or_award=or_award)


def initiatives(scope: str, count: int | Ref, window: int | Ref, cite: str) -> Cond:
    """Has `count` unused initiatives of at least `scope`, recognised within `window` years."""
    return _c("initiatives", cite, scope=scope, count=count, window=window)


def award_count(code: str, minimum: int | Ref, window: int | Ref, cite: str) -> Cond:
    """Held `code` at least `minimum` times within the last `window` years."""
    return _c("award_count", cite, code=code, minimum=minimum, window=window)


def award_before(code: str, years_before: int | Ref, cite: str) -> Cond:
    """Held `code` for a year at least `years_before` years before the evaluated year."""
    return _c("award_before", cite, code=code, years_before=years_before)


def exclusive_period(
    code: str,
    span: int | Ref,
    cite: str,
    *,
    reading: Ref | None = None,
    period: Ref | None = None,
    count: int | Ref | None = None,
) -> Cond:
    """No earlier `code` whose period overlaps this one: one achievement, one award."""
    return _c(
        "exclusive_period", cite, code=code, span=span, reading=reading, period=period, count=count
    )


def vote(threshold: Ref, cite: str) -> Cond:
    """Council ballot: yes votes ≥ threshold % of all members (inclusive)."""
    return _c("vote", cite, threshold=threshold)


def any_of(cite: str, *subs: Cond) -> Cond:
    """At least one of the sub-conditions holds."""
    return _c("any_of", cite, subs)


def all_of(cite: str, *subs: Cond) -> Cond:
    """Every sub-condition holds (used inside `any_of`)."""
    return _c("all_of", cite, subs)


def member_share(field: str, minimum: Ref, cite: str, *, strict: bool = False) -> Cond:
    """Share of members counted in `field` is ≥ (or > when strict) `minimum` percent."""
    return _c("member_share", cite, field=field, minimum=minimum, strict=strict)


def all_members(field: str, cite: str) -> Cond:
    """Every member is counted in `field`."""
    return _c("all_members", cite, field=field)


def member_minimum(field: str, minimum: int, cite: str) -> Cond:
    """At least `minimum` members are counted in `field`."""
    return _c("member_minimum", cite, field=field, minimum=minimum)


def no_members(field: str, cite: str) -> Cond:
    """No member is counted in `field`."""
    return _c("no_members", cite, field=field)


def leads_block(cite: str) -> Cond:
    """The collective came first in its emulation block/cluster."""
    return _c("leads_block", cite)


def award_in_year(code: str, cite: str) -> Cond:
    """Held `code` for the evaluated year."""
    return _c("award_in_year", cite, code=code)


def unverified_criteria(cite: str) -> Cond:
    """The criteria are not verified: never met automatically; an officer decides."""
    return _c("unverified_criteria", cite)
