"""Implementations of the condition kinds, compiled for one rule set, parameters and year.

Each kind gives three things:
* `check(facts) -> bool | None` — the verdict, cheap, no text: the batch path calls only this;
* `describe(facts) -> (key, params)` — what holds or is missing, for the explaining path;
* `require(cond, values) -> (key, params)` — the requirement without facts (explain, docs).
Both paths decide eligibility with the same `check`, so they cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .checks_collective import COLLECTIVE_KINDS, Check, CheckPair, Describe, Described
from .codes import DISCIPLINE_LEVELS, DISCIPLINE_RANK, MIN_YEAR, SCOPE_RANK
from .conditions import Cond, value
from .facts import (
    AWARD_SLOT,
    DISCIPLINE_GE_SLOT,
    DISCIPLINE_SLOT,
    RATING_GE_SLOT,
    RATING_SLOT,
    Facts,
    bit,
    years_of,
)


@dataclass(frozen=True, slots=True)
class Compiled:
    """A condition ready to evaluate for one year."""

    cond: Cond
    check: Check
    describe: Describe

    @property
    def is_vote(self) -> bool:
        """Tell whether this is the council-vote condition."""
        return self.cond.kind == "vote"


# What an inline expression may contain: integers, the two variables, bit operators,
# comparisons and boolean words. Checked when a rule set is compiled.
_INLINE_NAMES = {"m", "months", "bit_count", "and", "or", "not", "True", "False"}
_INLINE_TEXT = re.compile(r"[\w\s()\[\]&|!=<>.]*")


def inline(check: Check, expr: str) -> Check:
    """Attach the check as a Python expression over `m` (the masks) and `months`.

    The screener compiles the expressions of a whole rule set into one function, which saves
    a call per condition per person (a city screening makes millions). Only integers computed
    here go into the text; a check without an expression is called as a function instead.
    """
    names = set(re.findall(r"[A-Za-z_]\w*", expr))
    if not names <= _INLINE_NAMES or not _INLINE_TEXT.fullmatch(expr):
        raise ValueError(f"not an inline check expression: {expr!r}")
    check.expr = expr  # type: ignore[attr-defined]
    return check


def expression(check: Check) -> str | None:
    """Return the inline expression of a check, or None when it must be called."""
    return getattr(check, "expr", None)


def combine(check: Check, want_any: bool, subs: tuple[Check, ...]) -> Check:
    """Attach a composite's parts, so the screener can inline each part's own expression."""
    check.parts = (want_any, subs)  # type: ignore[attr-defined]
    return check


def parts(check: Check) -> tuple[bool, tuple[Check, ...]] | None:
    """Return `(want_any, sub-checks)` of a composite check, or None."""
    return getattr(check, "parts", None)


def mask_free(check: Check) -> Check:
    """Mark a check that never reads `Facts.masks` (the screener may then skip `finish`)."""
    check.reads_masks = False  # type: ignore[attr-defined]
    return check


def reads_masks(check: Check) -> bool:
    """Tell whether a called check may read `Facts.masks`, derived slots included."""
    return getattr(check, "reads_masks", True)


def _window_mask(first: int, last: int) -> int:
    if last < first:
        return 0
    return ((1 << (last - first + 1)) - 1) << (first - MIN_YEAR)


def _rating_in(f: Facts, year: int) -> str | None:
    b = bit(year)
    for name, slot in RATING_SLOT.items():
        if f.masks[slot] & b:
            return name
    return None


def _step(c: Cond, values: Mapping[str, Any]) -> int:
    reading = c.arg("reading")
    if reading is None:
        return int(c.arg("step", 1))
    return int(value(c.arg("period"), values)) if value(reading, values) == "period" else 1


def _span(c: Cond, values: Mapping[str, Any]) -> int:
    """Years covered by an award: `span`, or count × step for a streak of periods."""
    if c.arg("reading") is not None:
        return int(value(c.arg("count"), values)) * _step(c, values)
    return int(value(c.arg("span"), values))


# --- individual history -------------------------------------------------------------------


def _rating(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    min_rating = value(c.arg("min_rating"), v)
    slot, b = RATING_GE_SLOT[min_rating], bit(year)

    def check(f: Facts) -> bool:
        return f.masks[slot] & b != 0

    def describe(f: Facts) -> Described:
        actual = _rating_in(f, year)
        key = "rating.ok" if check(f) else ("rating.none" if actual is None else "rating.low")
        return key, {"rating": actual, "min_rating": min_rating, "year": year}

    return inline(check, f"(m[{slot}] & {b}) != 0"), describe


def _months(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    minimum = int(value(c.arg("minimum"), v))

    def check(f: Facts) -> bool:
        return f.months >= minimum

    def describe(f: Facts) -> Described:
        ok = check(f)
        return ("months.ok" if ok else "months.short"), {
            "months": f.months,
            "minimum": minimum,
            "year": year,
        }

    return inline(check, f"months >= {minimum}"), describe


def _no_discipline(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    level = value(c.arg("level"), v)
    window = int(value(c.arg("window"), v))
    slot = DISCIPLINE_GE_SLOT[level]
    first = year - window + 1
    w = _window_mask(first, year)

    def check(f: Facts) -> bool:
        return f.masks[slot] & w == 0

    def describe(f: Facts) -> Described:
        params = {"level": level, "first": first, "year": year}
        if check(f):
            return "discipline.ok", params
        worst_year, worst = 0, level
        for name in DISCIPLINE_LEVELS[DISCIPLINE_RANK[level] :]:
            hit = years_of(f.masks[DISCIPLINE_SLOT[name]] & w)
            if hit:
                worst_year, worst = hit[-1], name
        return "discipline.found", {**params, "actual": worst, "when": worst_year}

    return inline(check, f"(m[{slot}] & {w}) == 0"), describe


def _award_streak(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    code = c.arg("code")
    count = int(value(c.arg("count"), v))
    step = _step(c, v)
    years = [year - k * step for k in reversed(range(count))]
    need = 0
    for y in years:
        need |= bit(y)
    slot = AWARD_SLOT[code]

    def check(f: Facts) -> bool:
        return f.masks[slot] & need == need

    def describe(f: Facts) -> Described:
        missing = years_of(need & ~f.masks[slot])
        params = {"code": code, "count": count, "step": step, "years": years, "missing": missing}
        return ("streak.ok" if not missing else "streak.missing"), params

    return inline(check, f"(m[{slot}] & {need}) == {need}"), describe


def _rating_streak(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    min_rating = c.arg("min_rating")
    or_award = c.arg("or_award")
    count = int(value(c.arg("count"), v))
    ge = RATING_GE_SLOT[min_rating]
    alt = AWARD_SLOT[or_award] if or_award else ge
    first = year - count + 1
    need = _window_mask(first, year)

    def check(f: Facts) -> bool:
        m = f.masks
        return (m[ge] | m[alt]) & need == need

    def describe(f: Facts) -> Described:
        missing = years_of(need & ~(f.masks[ge] | f.masks[alt]))
        params = {
            "min_rating": min_rating,
            "count": count,
            "first": first,
            "year": year,
            "missing": missing,
            "or_code": or_award,
        }
        return ("rating_streak.ok" if not missing else "rating_streak.missing"), params

    return inline(check, f"((m[{ge}] | m[{alt}]) & {need}) == {need}"), describe


def _initiatives(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    scope = c.arg("scope")
    rank = SCOPE_RANK[scope]
    count = int(value(c.arg("count"), v))
    window = int(value(c.arg("window"), v))
    first = year - window + 1

    def check(f: Facts) -> bool:
        n = 0
        for i in f.inits:
            if i.used_for is None and i.scope_rank >= rank and first <= i.year <= year:
                n += 1
        return n >= count

    def describe(f: Facts) -> Described:
        fit = [i for i in f.inits if i.scope_rank >= rank and first <= i.year <= year]
        free = [i.id for i in fit if i.used_for is None]
        used = [f"{i.id}→{i.used_for}" for i in fit if i.used_for is not None]
        params = {
            "scope": scope,
            "count": count,
            "first": first,
            "year": year,
            "ids": free,
            "have": len(free),
            "used": used,
        }
        return ("initiatives.ok" if len(free) >= count else "initiatives.missing"), params

    return mask_free(check), describe


def _award_count(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    code = c.arg("code")
    minimum = int(value(c.arg("minimum"), v))
    window = int(value(c.arg("window"), v))
    first = year - window + 1
    w, slot = _window_mask(first, year), AWARD_SLOT[code]

    def check(f: Facts) -> bool:
        return (f.masks[slot] & w).bit_count() >= minimum

    def describe(f: Facts) -> Described:
        have = years_of(f.masks[slot] & w)
        params = {
            "code": code,
            "minimum": minimum,
            "first": first,
            "year": year,
            "have": len(have),
            "years": have,
        }
        return ("award_count.ok" if len(have) >= minimum else "award_count.missing"), params

    return inline(check, f"(m[{slot}] & {w}).bit_count() >= {minimum}"), describe


def _award_before(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    code = c.arg("code")
    latest = year - int(value(c.arg("years_before"), v))
    w, slot = _window_mask(MIN_YEAR, latest), AWARD_SLOT[code]

    def check(f: Facts) -> bool:
        return f.masks[slot] & w != 0

    def describe(f: Facts) -> Described:
        held = years_of(f.masks[slot] & w)
        params = {"code": code, "latest": latest, "years": held}
        return ("award_before.ok" if held else "award_before.missing"), params

    return inline(check, f"(m[{slot}] & {w}) != 0"), describe


def _exclusive(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    code = c.arg("code")
    span = _span(c, v)
    enabled = bool(v.get("chain.exclusive_periods", True))
    first = year - span + 1
    w, slot = _window_mask(first, year - 1), AWARD_SLOT[code]

    def check(f: Facts) -> bool:
        return not enabled or f.masks[slot] & w == 0

    def describe(f: Facts) -> Described:
        params = {
            "code": code,
            "first": first,
            "year": year,
            "earlier": years_of(f.masks[slot] & w),
        }
        if not enabled:
            return "exclusive.disabled", params
        return ("exclusive.ok" if check(f) else "exclusive.overlap"), params

    return inline(check, "True" if not enabled else f"(m[{slot}] & {w}) == 0"), describe


def _vote(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    name = c.arg("threshold").name
    threshold: Decimal | None = v[name]

    def check(f: Facts) -> bool | None:
        b = f.ballot
        if b is None or threshold is None:
            return None
        return b.yes * 100 >= threshold * b.members

    def describe(f: Facts) -> Described:
        b = f.ballot
        params: dict[str, Any] = {"minimum": threshold, "param": name}
        if threshold is None:
            return "vote.no_threshold", params
        if b is None:
            return "vote.pending", params
        params.update(
            yes=b.yes,
            members=b.members,
            percent=(Decimal(b.yes * 100) / b.members).quantize(Decimal("0.1")),
        )
        return ("vote.passed" if check(f) else "vote.failed"), params

    return check, describe


# --- composites ---------------------------------------------------------------------------


def _composite(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    subs = tuple(compile_condition(s, v, year) for s in c.subs)
    checks = tuple(s.check for s in subs)
    want_any = c.kind == "any_of"

    def check(f: Facts) -> bool:
        # Explicit loops: this runs for every person in a screening.
        for ch in checks:
            if ch(f):
                if want_any:
                    return True
            elif not want_any:
                return False
        return not want_any

    def describe(f: Facts) -> Described:
        parts = [(bool(s.check(f)), *s.describe(f)) for s in subs]
        return f"{c.kind}.{'ok' if check(f) else 'missing'}", {"parts": parts}

    return combine(check, want_any, checks), describe


def _unverified(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    def check(f: Facts) -> bool:
        return False

    def describe(f: Facts) -> Described:
        return "unverified.missing", {}

    return inline(check, "False"), describe


KINDS: dict[str, Callable[[Cond, Mapping[str, Any], int], CheckPair]] = {
    "rating": _rating,
    "months_worked": _months,
    "no_discipline": _no_discipline,
    "award_streak": _award_streak,
    "rating_streak": _rating_streak,
    "initiatives": _initiatives,
    "award_count": _award_count,
    "award_before": _award_before,
    "exclusive_period": _exclusive,
    "vote": _vote,
    "any_of": _composite,
    "all_of": _composite,
    **COLLECTIVE_KINDS,
    "unverified_criteria": _unverified,
}


def compile_condition(cond: Cond, values: Mapping[str, Any], year: int) -> Compiled:
    """Bind a condition to parameter values and a year."""
    check, describe = KINDS[cond.kind](cond, values, year)
    return Compiled(cond, check, describe)
