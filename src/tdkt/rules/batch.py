"""Fast batch path: screen many people for one year without building any explanation.

A city screens every person every year (~170,000 people, a million history rows), so this
path builds the same `Facts` straight from database rows and calls only the conditions'
`check` functions, stopping at the first unmet one. It returns the same eligibility and vote
status as `evaluate` (a hypothesis test proves it); the officer asks `evaluate` for the text.

History rows are tuples `(person_id, year, kind, code, scope, used_for)`, grouped by person:
* `rating` — code is a rating (`good`), `award` — an award code, `discipline` — a level;
* `initiative` — code is the initiative id, with `scope` and `used_for`;
* `recruited` — code is the ISO start date of continuous service (optional).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from .codes import INDIVIDUAL, MIN_YEAR, SCOPE_RANK
from .engine import CompiledRule, compile_rule_set, select_rule_set
from .facts import N_SLOTS, SLOT, Facts, Initiative, months_served
from .model import Ballot
from .regimes.registry import REGISTRY, Registry

HistoryRow = tuple[Any, int, str, str, str | None, str | None]
Verdicts = tuple[tuple[bool, str], ...]


class Screener:
    """Every individual code of one rule set, compiled once for one year and decision date."""

    def __init__(
        self,
        year: int,
        as_of: date,
        *,
        rule_set: str = "auto",
        overrides: Mapping[str, Any] | None = None,
        codes: tuple[str, ...] | None = None,
        registry: Registry = REGISTRY,
    ) -> None:
        rs = select_rule_set(as_of, rule_set, overrides=overrides, registry=registry)
        self.compiled = compile_rule_set(rs, year, as_of, overrides, registry=registry)
        self.rules: tuple[CompiledRule, ...] = tuple(self.compiled.for_kind(INDIVIDUAL, codes))
        self.codes = tuple(r.rule.code for r in self.rules)
        self.year = year

    def verdicts(self, facts: Facts) -> Verdicts:
        """Return (eligible, vote) for every code, in `self.codes` order."""
        return tuple([r.decide(facts) for r in self.rules])

    def screen_rows(
        self,
        rows: Iterable[HistoryRow],
        ballots: Mapping[Any, Ballot] | None = None,
    ) -> Iterator[tuple[Any, Verdicts]]:
        """Yield `(person_id, verdicts)` for each person of rows grouped by person id."""
        slot, year, decide = SLOT, self.year, self.verdicts
        scope_rank = SCOPE_RANK
        ballots = ballots or {}
        current: Any = None
        masks: list[int] = []
        inits: list[Initiative] = []
        months = 12
        for pid, y, kind, code, scope, used_for in rows:
            if pid != current:
                if current is not None:
                    yield (
                        current,
                        decide(
                            Facts(year, masks, tuple(inits), months, None, ballots.get(current))
                        ),
                    )
                current, masks, inits, months = pid, [0] * N_SLOTS, [], 12
            if kind == "initiative":
                inits.append(Initiative(code, y, scope_rank[scope], used_for))  # type: ignore[index]
            elif kind == "recruited":
                months = months_served(date.fromisoformat(code), year)
            else:
                masks[slot[code]] |= 1 << (y - MIN_YEAR)
        if current is not None:
            yield (
                current,
                decide(Facts(year, masks, tuple(inits), months, None, ballots.get(current))),
            )


def screen(
    rows: Iterable[HistoryRow],
    year: int,
    as_of: date,
    *,
    rule_set: str = "auto",
    overrides: Mapping[str, Any] | None = None,
) -> dict[Any, dict[str, tuple[bool, str]]]:
    """Screen history rows for one year; return `{person_id: {code: (eligible, vote)}}`."""
    s = Screener(year, as_of, rule_set=rule_set, overrides=overrides)
    return {pid: dict(zip(s.codes, v, strict=True)) for pid, v in s.screen_rows(rows)}
