"""Per-subject history as year bitmasks: the one representation both evaluation paths read.

Bit `y - MIN_YEAR` of a mask is set when the fact holds in year `y`. Ratings and discipline
levels are stored exactly (one slot per value); a condition that needs "good or better" ORs
the slots it needs. Facts dated after the evaluated year are dropped when the facts are built
(contract: they are not evidence for that year), and conditions only read bits up to the year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from .codes import AWARD_CODES, DISCIPLINE_LEVELS, MIN_YEAR, RATINGS, SCOPE_RANK
from .model import Ballot, Case, CollectiveFacts

# Slot layout of `Facts.masks`. Rating, discipline and award names are disjoint, so one flat
# dictionary maps any history "code" to its slot.
RATING_SLOT = {name: i for i, name in enumerate(RATINGS)}
DISCIPLINE_SLOT = {name: len(RATINGS) + i for i, name in enumerate(DISCIPLINE_LEVELS)}
AWARD_SLOT = {code: len(RATINGS) + len(DISCIPLINE_LEVELS) + i for i, code in enumerate(AWARD_CODES)}
SLOT: dict[str, int] = {**RATING_SLOT, **DISCIPLINE_SLOT, **AWARD_SLOT}
# Derived slots, filled by `finish`: "rated at least r" and "disciplined at least d", so a
# condition reads one mask instead of OR-ing several on every check.
RATING_GE_SLOT = {name: len(SLOT) + i for i, name in enumerate(RATINGS)}
DISCIPLINE_GE_SLOT = {
    name: len(SLOT) + len(RATINGS) + i for i, name in enumerate(DISCIPLINE_LEVELS)
}
N_SLOTS = len(SLOT) + len(RATINGS) + len(DISCIPLINE_LEVELS)

_R = tuple(RATING_SLOT[r] for r in RATINGS)
_RG = tuple(RATING_GE_SLOT[r] for r in RATINGS)
_D = tuple(DISCIPLINE_SLOT[d] for d in DISCIPLINE_LEVELS)
_DG = tuple(DISCIPLINE_GE_SLOT[d] for d in DISCIPLINE_LEVELS)
if not len(_R) == len(_D) == 4:  # `finish` is unrolled for four levels each
    raise ImportError("finish() expects four ratings and four discipline levels")


def finish(m: list[int]) -> list[int]:
    """Fill the derived "at least" slots from the exact ones; return the same list."""
    acc = m[_R[3]]
    m[_RG[3]] = acc
    acc |= m[_R[2]]
    m[_RG[2]] = acc
    acc |= m[_R[1]]
    m[_RG[1]] = acc
    m[_RG[0]] = acc | m[_R[0]]
    acc = m[_D[3]]
    m[_DG[3]] = acc
    acc |= m[_D[2]]
    m[_DG[2]] = acc
    acc |= m[_D[1]]
    m[_DG[1]] = acc
    m[_DG[0]] = acc | m[_D[0]]
    return m


def bit(year: int) -> int:
    """Return the mask bit of a year."""
    return 1 << (year - MIN_YEAR)


def rating_in(f: Facts, year: int) -> str | None:
    """Return the exact rating of a year, if one was given."""
    b = bit(year)
    for name, slot in RATING_SLOT.items():
        if f.masks[slot] & b:
            return name
    return None


def years_of(mask: int) -> list[int]:
    """List the years set in a mask, oldest first."""
    out = []
    y = MIN_YEAR
    while mask:
        if mask & 1:
            out.append(y)
        mask >>= 1
        y += 1
    return out


class Initiative(NamedTuple):
    """An initiative as the conditions see it (scope as a rank); a tuple, cheap to build."""

    id: str
    year: int
    scope_rank: int
    used_for: str | None


@dataclass(slots=True)
class Facts:
    """History of one subject, cut at `year`.

    `inits` holds every initiative up to `year`, used or not; `months` is the number of whole
    months of continuous service in `year`.
    """

    year: int
    masks: list[int]
    inits: tuple[Initiative, ...]
    months: int
    collective: CollectiveFacts | None = None
    ballot: Ballot | None = None


def months_served(recruited_on: date | None, year: int) -> int:
    """Count whole calendar months of continuous service in `year`.

    A start on the 1st counts its month (01/08 → 5 months, legal-rules §11 ex. 7); a start on
    a later day does not (the first month is incomplete). A start after the year gives 0.
    """
    if recruited_on is None or recruited_on.year < year:
        return 12
    if recruited_on.year > year:
        return 0
    return 12 - recruited_on.month + (1 if recruited_on.day == 1 else 0)


def facts_from_case(case: Case) -> Facts:
    """Build the facts of a case for `case.year`, dropping anything dated after it."""
    year = case.year
    masks = [0] * N_SLOTS
    for y, rating in case.ratings:
        if y <= year:
            masks[RATING_SLOT[rating]] |= bit(y)
    collective = case.collective
    if collective is not None and collective.rating is not None:
        for slot in RATING_SLOT.values():
            masks[slot] &= ~bit(year)
        masks[RATING_SLOT[collective.rating]] |= bit(year)
    for award in case.awards:
        if award.year <= year:
            masks[AWARD_SLOT[award.code]] |= bit(award.year)
    for d in case.discipline:
        if d.year <= year:
            masks[DISCIPLINE_SLOT[d.level]] |= bit(d.year)
    inits = tuple(
        Initiative(i.id, i.year, SCOPE_RANK[i.scope], i.used_for)
        for i in sorted(case.initiatives, key=lambda i: (i.year, i.id))
        if i.year <= year
    )
    return Facts(
        year=year,
        masks=finish(masks),
        inits=inits,
        months=months_served(case.subject.recruited_on, year),
        collective=collective,
        ballot=case.ballot,
    )
