"""The council's secret ballot: yes votes as a share of all members, inclusive."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tdkt.rules.conditions import Cond
from tdkt.rules.facts import Facts

from .base import CheckPair, Described, condition_kind


@condition_kind("vote")
def vote(c: Cond, v: Mapping[str, Any], year: int) -> CheckPair:
    """Passed when yes × 100 ≥ threshold × members; pending without a ballot or a threshold."""
    name = c.arg("threshold").name
    threshold: Decimal | None = v[name]

    def check(f: Facts) -> bool | None:
        b = f.ballot
        if b is None or threshold is None:
            return None
        return b.yes * 100 >= threshold * b.members

    def describe(f: Facts) -> Described:
        b = f.ballot
        params: dict[str, Any] = {"minimum": threshold}
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
