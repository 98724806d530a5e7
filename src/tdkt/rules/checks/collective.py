"""Conditions about collectives (Law 2022 Art 25–28; Law 2003 Art 25–28)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tdkt.rules.conditions import Cond, value
from tdkt.rules.facts import AWARD_SLOT, Facts, bit

from .base import CheckPair, Described, condition_kind


@condition_kind("member_share", "all_members", "member_minimum", "no_members")
def member_count(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Members counted in `field`: a share, all of them, at least some, or none."""
    field, kind = c.arg("field"), c.kind
    minimum: int | Decimal = value(c.arg("minimum"), v)
    strict = bool(c.arg("strict", False))

    def check(f: Facts) -> bool:
        col = f.collective
        if col is None:
            return False
        n: int = getattr(col, field)
        members = col.members
        if kind == "member_share":
            return n * 100 > minimum * members if strict else n * 100 >= minimum * members
        if kind == "all_members":
            return members > 0 and n == members
        if kind == "member_minimum":
            return n >= minimum
        return n == 0

    def describe(f: Facts) -> Described:
        col = f.collective
        n = getattr(col, field) if col else 0
        members = col.members if col else 0
        percent = (Decimal(n * 100) / members).quantize(Decimal("0.1")) if members else Decimal(0)
        params = {
            "field": field,
            "n": n,
            "members": members,
            "percent": percent,
            "minimum": minimum,
            "strict": strict,
            "year": year,
        }
        return f"{kind}.{'ok' if check(f) else 'missing'}", params

    return check, describe


@condition_kind("leads_block")
def leads_block(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """The collective came first in its emulation block or cluster."""

    def check(f: Facts) -> bool:
        return f.collective is not None and f.collective.leads_block is True

    def describe(f: Facts) -> Described:
        known = f.collective is not None and f.collective.leads_block is not None
        key = (
            "leads_block.ok" if check(f) else ("leads_block.no" if known else "leads_block.unknown")
        )
        return key, {"year": year}

    return check, describe


@condition_kind("award_in_year")
def award_in_year(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Held `code` for the evaluated year."""
    code, b = c.arg("code"), bit(year)
    slot = AWARD_SLOT[code]

    def check(f: Facts) -> bool:
        return f.masks[slot] & b != 0

    def describe(f: Facts) -> Described:
        return ("award_in_year.ok" if check(f) else "award_in_year.missing"), {
            "code": code,
            "year": year,
        }

    return check, describe
