"""Defaults a new council session starts from; each session keeps its own copy as data.

No national text fixes the scoring scale or the pass mark of a cơ sở initiative council
(NĐ 13/2012 Art 3 names the three conditions only: new within the unit, applied or trialled,
bringing benefit). These values are therefore UNVERIFIED practice: the emulation officer
changes the criteria and the pass mark of each session before its members score, and the
session's own rows are what the review reads (docs/decisions/0822).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class CriterionDefault:
    """A criterion a new session starts with: its name and its maximum points."""

    name: str
    max_points: Decimal


# UNVERIFIED: Art 3 conditions as three criteria; the weights are the Board's practice to confirm.
DEFAULT_CRITERIA: tuple[CriterionDefault, ...] = (
    CriterionDefault("Tính mới trong phạm vi cơ sở", Decimal(40)),
    CriterionDefault("Khả năng áp dụng, nhân rộng", Decimal(30)),
    CriterionDefault("Hiệu quả, lợi ích mang lại", Decimal(30)),
)

# UNVERIFIED: the average total an application needs to be proposed for recognition.
DEFAULT_PASS_MARK = Decimal(70)

# Co-authors' shares must add up to this (per cent).
TOTAL_SHARE = Decimal(100)
MAX_AUTHORS = 5
