"""What every condition kind provides, and the registry that compiles a condition.

A kind is a builder `(cond, values, year) -> (check, describe)`:
* `check(facts) -> bool | None` — the verdict, cheap, no text (`None`: not decided yet);
* `describe(facts) -> (key, params)` — what holds or is missing, for the explaining path.
Both the explaining path (`evaluate`) and the screening path (`screen`) decide with the same
`check`, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tdkt.rules.codes import MIN_YEAR
from tdkt.rules.conditions import Cond, value
from tdkt.rules.facts import Facts

Described = tuple[str, dict[str, Any]]
Check = Callable[[Facts], bool | None]
Describe = Callable[[Facts], Described]
CheckPair = tuple[Check, Describe]
Builder = Callable[[Cond, Mapping[str, Any], int], CheckPair]

# Kind name → builder; filled by the `condition_kind` decorator of each module.
KINDS: dict[str, Builder] = {}
# Kind name → parameters it reads by name rather than through a `Ref` argument.
IMPLICIT_PARAMETERS: dict[str, tuple[str, ...]] = {}


def condition_kind(*names: str, reads: tuple[str, ...] = ()) -> Callable[[Builder], Builder]:
    """Register a builder for one or more kinds (and the parameters it reads by name)."""

    def register(builder: Builder) -> Builder:
        for name in names:
            KINDS[name] = builder
            IMPLICIT_PARAMETERS[name] = reads
        return builder

    return register


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


def compile_condition(cond: Cond, values: Mapping[str, Any], year: int) -> Compiled:
    """Bind a condition to parameter values and a year."""
    check, describe = KINDS[cond.kind](cond, values, year)
    return Compiled(cond, check, describe)


def window_mask(first: int, last: int) -> int:
    """Return the mask of the years `first`–`last` (empty when `last < first`)."""
    if last < first:
        return 0
    return ((1 << (last - first + 1)) - 1) << (first - MIN_YEAR)


def step_of(c: Cond, values: Mapping[str, Any]) -> int:
    """Years between two titles of a streak: `step`, or the period when read "by period"."""
    reading = c.arg("reading")
    if reading is None:
        return int(c.arg("step", 1))
    return int(value(c.arg("period"), values)) if value(reading, values) == "period" else 1


def span_of(c: Cond, values: Mapping[str, Any]) -> int:
    """Years covered by an award: `span`, or count × step for a streak of periods."""
    if c.arg("reading") is not None:
        return int(value(c.arg("count"), values)) * step_of(c, values)
    return int(value(c.arg("span"), values))
