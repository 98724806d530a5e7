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

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import chain
from typing import Any

from .checks import expression, parts, reads_masks
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
from .facts import DERIVED, N_SLOTS, SLOT, Facts, Initiative, finish, months_served
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
        self._decide_bits, self._needs_finish = _generate(self._flags)
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
        return self._verdicts_of_bits(self._decide_bits(facts))

    def _verdicts_of_bits(self, bits: int) -> Verdicts:
        """Turn the eligible-code bits into verdicts, one shared tuple per combination."""
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
        slot_of, year = SLOT.get, self.year
        decide_bits, memo, of_bits = self._decide_bits, self._memo, self._verdicts_of_bits
        scope_rank = SCOPE_RANK
        # Year → bit, precomputed: one list index per row instead of a subtraction and a shift.
        # Facts dated after the evaluated year are not evidence for it, so their bit is 0.
        bit = [0] * (MAX_YEAR + 1)
        for y in range(MIN_YEAR, year + 1):
            bit[y] = 1 << (y - MIN_YEAR)
        ballots = ballots or {}
        # The generated code reads derived slots itself; only called checks need `finish`.
        needs_finish = self._needs_finish
        current: Any = None
        masks: list[int] = []
        inits: list[Initiative] = []
        months = 12
        # One Facts object, refilled per person: its verdicts are computed before it changes.
        facts = Facts(year, masks, (), months)
        # A sentinel row after the last one closes the last person like any other.
        for pid, y, kind, code, scope, used_for in chain(rows, _END_ROWS):
            if pid != current:
                if current is not None:
                    facts.inits = tuple(inits) if inits else ()
                    facts.months = months
                    ballot = ballots.get(current) if ballots else None
                    if ballot is None:
                        facts.masks = finish(masks) if needs_finish else masks
                        yield current, memo.get(bits := decide_bits(facts)) or of_bits(bits)
                    else:
                        facts.masks, facts.ballot = finish(masks), ballot
                        yield current, self._verdicts_with_ballot(facts)
                        facts.ballot = None
                if pid is _END:
                    return
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


_END = object()
_END_ROWS = ((_END, 0, "", "", None, None),)


class _Source:
    """Python source of one screening function, with the callables it names."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {}
        self.needs_finish = False

    def term(self, check: Check) -> str:
        """Return the check as an expression: inline, a composite of terms, or a call."""
        expr = expression(check)
        if expr is not None:
            return expr
        composite = parts(check)
        if composite is not None:
            want_any, subs = composite
            if not subs:
                return "False" if want_any else "True"
            joiner = " or " if want_any else " and "
            return "(" + joiner.join(f"({self.term(sub)})" for sub in subs) + ")"
        name = f"call_{len(self.env)}"
        self.env[name] = check
        self.needs_finish = self.needs_finish or reads_masks(check)
        return f"{name}(f)"


def _generate(
    flags: tuple[tuple[int, int, tuple[Check, ...]], ...],
) -> tuple[Callable[[Facts], int], bool]:
    """Compile the ballot-less plan into one function returning the bits of eligible codes.

    Each code becomes `if <prerequisite> and <check> and ...: bits |= flag`, with the checks'
    inline expressions (`checks.inline`) in place of calls and composites spelled out, and
    short-circuiting like the loop it replaces: a code stops at its first unmet condition.
    Checks without an expression are called. Derived "at least" slots are computed from the
    exact ones at the top, so the masks need no `finish` unless a called check reads them
    (the second value returned). The source holds only integers and the names bound here.
    """
    src = _Source()
    body = []
    for flag, need, checks in flags:
        terms = [f"bits & {need}"] if need else []
        terms += [f"({src.term(check)})" for check in checks]
        body += [f"    if {' and '.join(terms) or 'True'}:", f"        bits |= {flag}"]
    head = ["def decide(f):", "    m = f.masks", "    months = f.months", "    bits = 0"]
    text = "\n".join(body)
    if not src.needs_finish:
        used = sorted({int(n) for n in re.findall(r"m\[(\d+)\]", text)} & DERIVED.keys())
        for slot in used:
            head.append(f"    d_{slot} = " + " | ".join(f"m[{e}]" for e in DERIVED[slot]))
            text = text.replace(f"m[{slot}]", f"d_{slot}")
    source = "\n".join([*head, text, "    return bits"])
    exec(compile(source, "<tdkt.rules.screener>", "exec"), src.env)  # noqa: S102 - see above
    decide: Callable[[Facts], int] = src.env["decide"]
    return decide, src.needs_finish


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
