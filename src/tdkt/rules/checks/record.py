"""Conditions on the evaluated year's own record: rating, months served, discipline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tdkt.rules.codes import DISCIPLINE_LEVELS, DISCIPLINE_RANK
from tdkt.rules.conditions import Cond, value
from tdkt.rules.facts import (
    DISCIPLINE_GE_SLOT,
    DISCIPLINE_SLOT,
    RATING_GE_SLOT,
    Facts,
    bit,
    years_of,
)
from tdkt.rules.facts import rating_in as _rating_in

from .base import CheckPair, Described, condition_kind, window_mask


@condition_kind("rating")
def rating(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Rated at least `min_rating` in the evaluated year."""
    min_rating = value(c.arg("min_rating"), v)
    slot, b = RATING_GE_SLOT[min_rating], bit(year)

    def check(f: Facts) -> bool:
        return f.masks[slot] & b != 0

    def describe(f: Facts) -> Described:
        actual = _rating_in(f, year)
        key = "rating.ok" if check(f) else ("rating.none" if actual is None else "rating.low")
        return key, {"rating": actual, "min_rating": min_rating, "year": year}

    return check, describe


@condition_kind("months_worked")
def months_worked(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Served at least `minimum` whole months of the year."""
    minimum = int(value(c.arg("minimum"), v))

    def check(f: Facts) -> bool:
        return f.months >= minimum

    def describe(f: Facts) -> Described:
        return ("months.ok" if check(f) else "months.short"), {
            "months": f.months,
            "minimum": minimum,
            "year": year,
        }

    return check, describe


@condition_kind("no_discipline")
def no_discipline(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """No discipline at `level` or heavier in the `window` years up to the evaluated one."""
    level = value(c.arg("level"), v)
    window = int(value(c.arg("window"), v))
    slot = DISCIPLINE_GE_SLOT[level]
    first = year - window + 1
    w = window_mask(first, year)

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

    return check, describe
