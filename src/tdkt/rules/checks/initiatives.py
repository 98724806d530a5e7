"""Initiatives: recognised, of a wide enough scope, recent, and not used for another award."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tdkt.rules.codes import SCOPE_RANK
from tdkt.rules.conditions import Cond, value
from tdkt.rules.facts import Facts

from .base import CheckPair, Described, condition_kind


@condition_kind("initiatives")
def initiatives(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Has `count` unused initiatives of at least `scope`, recognised within `window` years.

    An initiative whose `used_for` is set never serves again (Law 2022 Art 5.2.c).
    """
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
        used = [(i.id, i.used_for) for i in fit if i.used_for is not None]
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

    return check, describe
