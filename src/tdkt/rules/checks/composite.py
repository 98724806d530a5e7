"""Conditions made of conditions, and criteria the engine cannot check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tdkt.rules.conditions import Cond
from tdkt.rules.facts import Facts

from .base import CheckPair, Described, compile_condition, condition_kind


@condition_kind("any_of", "all_of")
def composite(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """`any_of`: one sub-condition holds; `all_of`: every one does."""
    subs = tuple(compile_condition(s, v, year) for s in c.subs)
    checks = tuple(s.check for s in subs)
    want_any = c.kind == "any_of"

    def check(f: Facts) -> bool:
        # An explicit loop: this runs for every person of a screening.
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

    return check, describe


@condition_kind("unverified_criteria")
def unverified_criteria(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Criteria nobody has verified: never met automatically; an officer decides."""

    def check(f: Facts) -> bool:
        return False

    def describe(f: Facts) -> Described:
        return "unverified.missing", {}

    return check, describe
