"""Conditions on earlier years: streaks of titles or ratings, counts, one award per period."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tdkt.rules.codes import MIN_YEAR
from tdkt.rules.conditions import Cond, value
from tdkt.rules.facts import AWARD_SLOT, RATING_GE_SLOT, Facts, bit, years_of

from .base import CheckPair, Described, condition_kind, span_of, step_of, window_mask


@condition_kind("award_streak")
def award_streak(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Held `code` in `count` consecutive years (or periods) up to the evaluated year."""
    code = c.arg("code")
    count = int(value(c.arg("count"), v))
    step = step_of(c, v)
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

    return check, describe


@condition_kind("rating_streak")
def rating_streak(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Rated at least `min_rating` (or held `or_award`) in each of `count` consecutive years."""
    min_rating = c.arg("min_rating")
    or_award = c.arg("or_award")
    count = int(value(c.arg("count"), v))
    ge = RATING_GE_SLOT[min_rating]
    alt = AWARD_SLOT[or_award] if or_award else ge
    first = year - count + 1
    need = window_mask(first, year)

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

    return check, describe


@condition_kind("award_count")
def award_count(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Held `code` at least `minimum` times within the last `window` years."""
    code = c.arg("code")
    minimum = int(value(c.arg("minimum"), v))
    window = int(value(c.arg("window"), v))
    first = year - window + 1
    w, slot = window_mask(first, year), AWARD_SLOT[code]

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

    return check, describe


@condition_kind("award_before")
def award_before(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Held `code` for a year at least `years_before` years before the evaluated one."""
    code = c.arg("code")
    latest = year - int(value(c.arg("years_before"), v))
    w, slot = window_mask(MIN_YEAR, latest), AWARD_SLOT[code]

    def check(f: Facts) -> bool:
        return f.masks[slot] & w != 0

    def describe(f: Facts) -> Described:
        held = years_of(f.masks[slot] & w)
        params = {"code": code, "latest": latest, "years": held}
        return ("award_before.ok" if held else "award_before.missing"), params

    return check, describe


@condition_kind("exclusive_period", reads=("chain.exclusive_periods",))
def exclusive_period(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """No earlier `code` whose period overlaps this one: one achievement, one award."""
    code = c.arg("code")
    span = span_of(c, v)
    enabled = bool(v["chain.exclusive_periods"])
    first = year - span + 1
    w, slot = window_mask(first, year - 1), AWARD_SLOT[code]

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

    return check, describe
