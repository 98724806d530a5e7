"""The ranking of a contest's entries: plain Python, no Django (decision 0804).

Each entry has the marks of the jurors who may score it (those not excluded by a conflict of
interest) and the number of such jurors. An entry is *complete* when every one of them has
scored it; only complete entries are ranked. The average is the mean of the marks rounded to
two decimals (half up), the figure everybody sees; entries with the same shown average share
a rank (1, 1, 3) and the explanation names them, so the organiser decides the prizes knowing
of the tie.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Marks:
    """The input of one entry: its key, the marks given so far and how many are expected."""

    key: Hashable
    marks: tuple[Decimal, ...]
    expected: int


@dataclass(frozen=True)
class Ranked:
    """One entry's place: its average (complete entries only), rank and the entries tied."""

    key: Hashable
    scored: int
    expected: int
    average: Decimal | None
    rank: int | None
    tied_with: tuple[Hashable, ...] = field(default=())

    @property
    def complete(self) -> bool:
        """True when every juror who may score the entry has scored it."""
        return self.expected > 0 and self.scored >= self.expected


def average(marks: Sequence[Decimal]) -> Decimal | None:
    """Return the mean of ``marks`` rounded half up to two decimals, or None without marks."""
    if not marks:
        return None
    return (sum(marks, Decimal(0)) / len(marks)).quantize(CENT, rounding=ROUND_HALF_UP)


def rank(entries: Sequence[Marks]) -> list[Ranked]:
    """Return every entry, complete ones first by average (highest first, ties sharing a
    rank), then the incomplete ones in their given order without a rank or an average."""
    complete = [e for e in entries if e.expected > 0 and len(e.marks) >= e.expected]
    pending = [e for e in entries if not (e.expected > 0 and len(e.marks) >= e.expected)]
    scored = sorted(
        ((e, average(e.marks) or Decimal(0)) for e in complete),
        key=lambda pair: -pair[1],
    )
    by_average: dict[Decimal, list[Hashable]] = {}
    for e, avg in scored:
        by_average.setdefault(avg, []).append(e.key)
    result: list[Ranked] = []
    previous: Decimal | None = None
    current_rank = 0
    for position, (e, avg) in enumerate(scored, start=1):
        if avg != previous:
            current_rank = position
            previous = avg
        tied = tuple(k for k in by_average[avg] if k != e.key)
        result.append(Ranked(e.key, len(e.marks), e.expected, avg, current_rank, tied))
    result.extend(Ranked(e.key, len(e.marks), e.expected, None, None) for e in pending)
    return result
