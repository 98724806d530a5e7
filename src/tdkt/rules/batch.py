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

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from .checks import expression
from .checks_collective import Check
from .codes import INDIVIDUAL, MAX_YEAR, MIN_YEAR, SCOPE_RANK
from .engine import (
    FAILED,
    NOT_REQUIRED,
    PASSED,
    PENDING,
    CompiledRule,
    compile_rule_set,
    select_rule_set,
)
from .facts import N_SLOTS, SLOT, Facts, Initiative, finish, months_served
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
        # Per code: the condition checks, the vote check, and the vote status without a ballot
        # (constant for a compiled rule set, so most people never call the vote check).
        self._plan = tuple(
            (
                tuple(c.check for c in r.conditions),
                None if r.vote is None else r.vote.check,
                NOT_REQUIRED if r.vote is None else PENDING,
            )
            for r in self.rules
        )
        self._flags = self._without_ballot_plan()
        self._decide_bits = _generate(self._flags)
        self._memo: dict[int, Verdicts] = {}

    def _without_ballot_plan(self) -> tuple[tuple[int, int, tuple[Check, ...]], ...]:
        """Plan the ballot-less path: (flag, prerequisite flag, remaining checks) per code.

        When every condition of an earlier code is also a condition of this one (CSTĐ cơ sở
        repeats the Lao động tiên tiến conditions), this code fails whenever that one failed,
        and only its remaining conditions need checking. Derived from the rule data, so it
        holds for any rule set.
        """
        plan = []
        for i, rule in enumerate(self.rules):
            conds = [c.cond for c in rule.conditions]
            checks = tuple(c.check for c in rule.conditions)
            need = 0
            for j in range(i):
                earlier = [c.cond for c in self.rules[j].conditions]
                if earlier and conds[: len(earlier)] == earlier:
                    need = 1 << j
                    checks = checks[len(earlier) :]
            plan.append((1 << i, need, checks))
        return tuple(plan)

    def verdicts(self, facts: Facts) -> Verdicts:
        """Return (eligible, vote) for every code, in `self.codes` order.

        Same decision as `CompiledRule.explain`: every condition holds and the vote has not
        failed; stops at the first unmet condition and builds no text. Without a ballot the
        vote status is fixed per code, so the answer is one of a few shared tuples.
        """
        if facts.ballot is not None:
            return self._verdicts_with_ballot(facts)
        bits = self._decide_bits(facts)
        found = self._memo.get(bits)
        if found is None:
            found = self._memo[bits] = tuple(
                (bool(bits & flag), vote)
                for (flag, _, _), (_, _, vote) in zip(self._flags, self._plan, strict=True)
            )
        return found

    def _verdicts_with_ballot(self, facts: Facts) -> Verdicts:
        out = []
        for checks, vote_check, vote in self._plan:
            if vote_check is not None:
                ok = vote_check(facts)
                vote = PENDING if ok is None else (PASSED if ok else FAILED)
            eligible = vote != FAILED
            if eligible:
                for check in checks:
                    if not check(facts):
                        eligible = False
                        break
            out.append((eligible, vote))
        return tuple(out)

    def screen_rows(
        self,
        rows: Iterable[HistoryRow],
        ballots: Mapping[Any, Ballot] | None = None,
    ) -> Iterator[tuple[Any, Verdicts]]:
        """Yield `(person_id, verdicts)` for each person of rows grouped by person id."""
        slot_of, year, decide = SLOT.get, self.year, self.verdicts
        scope_rank = SCOPE_RANK
        # Year → bit, precomputed: one list index per row instead of a subtraction and a shift.
        # Facts dated after the evaluated year are not evidence for it, so their bit is 0.
        bit = [0] * (MAX_YEAR + 1)
        for y in range(MIN_YEAR, year + 1):
            bit[y] = 1 << (y - MIN_YEAR)
        ballots = ballots or {}
        current: Any = None
        masks: list[int] = []
        inits: list[Initiative] = []
        months = 12
        # One Facts object, refilled per person: its verdicts are computed before it changes.
        facts = Facts(year, masks, (), months)
        for pid, y, kind, code, scope, used_for in rows:
            if pid != current:
                if current is not None:
                    facts.masks = finish(masks)
                    facts.inits = tuple(inits) if inits else ()
                    facts.months = months
                    facts.ballot = ballots.get(current)
                    yield current, decide(facts)
                current, masks, inits, months = pid, [0] * N_SLOTS, [], 12
            # Ratings, awards and discipline levels (almost every row) each have a slot;
            # initiative ids and recruitment dates do not, so the rare kinds are tested last.
            s = slot_of(code)
            if s is not None and kind != "initiative":
                masks[s] |= bit[y]
            elif kind == "initiative":
                inits.append(Initiative(code, y, scope_rank[scope], used_for))  # type: ignore[index]
            elif kind == "recruited":
                months = months_served(date.fromisoformat(code), year)
            else:
                masks[SLOT[code]] |= bit[y]
        if current is not None:
            facts.masks, facts.inits, facts.months = finish(masks), tuple(inits), months
            facts.ballot = ballots.get(current)
            yield current, decide(facts)


def _generate(flags: tuple[tuple[int, int, tuple[Check, ...]], ...]) -> Callable[[Facts], int]:
    """Compile the ballot-less plan into one function returning the bits of eligible codes.

    Each code becomes `if <prerequisite> and <check> and ...: bits |= flag`, with the checks'
    inline expressions (`checks.inline`) in place of calls, and short-circuiting like the loop
    it replaces: a code stops at its first unmet condition. Checks without an expression are
    called. The source holds only integers and the names bound below.
    """
    env: dict[str, Any] = {}
    lines = ["def decide(f):", "    m = f.masks", "    months = f.months", "    bits = 0"]
    for flag, need, checks in flags:
        terms = [f"bits & {need}"] if need else []
        for check in checks:
            expr = expression(check)
            if expr is None:
                name = f"call_{len(env)}"
                env[name] = check
                expr = f"{name}(f)"
            terms.append(f"({expr})")
        lines += [f"    if {' and '.join(terms) or 'True'}:", f"        bits |= {flag}"]
    lines.append("    return bits")
    code = compile("\n".join(lines), "<tdkt.rules.screener>", "exec")
    exec(code, env)  # noqa: S102 - source built above from integers and bound names only
    decide: Callable[[Facts], int] = env["decide"]
    return decide


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
