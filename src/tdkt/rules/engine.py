"""Evaluate cases: choose the rule set, compile its rules for the year, explain each verdict.

Deterministic: no clock, no settings, no database. The caller passes `as_of` (the decision
date), which selects the rule set and the base salary (legal-rules §0, §2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .checks import Compiled, compile_condition
from .codes import CODES_BY_KIND
from .facts import Facts, facts_from_case
from .model import (
    CapResult,
    Case,
    ConditionResult,
    Decision,
    Evaluation,
    UnitCase,
    UnitEvaluation,
    Verdict,
)
from .money import prize_vnd
from .regimes.base import Rule, RuleSet
from .regimes.registry import REGISTRY, Registry
from .salary import base_salary_on

NOT_REQUIRED, PENDING, PASSED, FAILED = "not_required", "pending", "passed", "failed"


def vote_status(ok: bool | None) -> str:
    """Return the contract's vote status for the result of a vote check."""
    return PENDING if ok is None else (PASSED if ok else FAILED)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule bound to parameter values, a year and a decision date."""

    rule: Rule
    conditions: tuple[Compiled, ...]
    vote: Compiled | None
    coefficient: Decimal | None
    prize_vnd: int | None

    def explain(self, f: Facts) -> Verdict:
        """Return the verdict with every condition described (explaining path).

        Eligible when every condition holds and the vote has not failed: a pending vote
        does not block (contract).
        """
        results = []
        for cond in self.conditions + ((self.vote,) if self.vote is not None else ()):
            ok = cond.check(f)
            key, params = cond.describe(f)
            results.append(ConditionResult(ok, key, params, cond.cond.citation, cond.is_vote))
        vote = NOT_REQUIRED if self.vote is None else vote_status(results[-1].ok)
        eligible = all(r.ok for r in results if not r.is_vote) and vote != FAILED
        return Verdict(
            self.rule.code, eligible, vote, self.coefficient, self.prize_vnd, tuple(results)
        )

    def decide(self, f: Facts) -> Decision:
        """Return the verdict alone (screening path): same rule as `explain`, no text.

        Stops at the first unmet condition, so a long list is decided at a fraction of the
        cost of explaining it (an explicit loop: this runs for every person of a list).
        """
        vote = NOT_REQUIRED if self.vote is None else vote_status(self.vote.check(f))
        if vote == FAILED:
            return Decision(self.rule.code, False, vote)
        for cond in self.conditions:
            if not cond.check(f):
                return Decision(self.rule.code, False, vote)
        return Decision(self.rule.code, True, vote)


@dataclass(frozen=True, slots=True)
class CompiledRuleSet:
    """Every rule of a rule set, compiled for one year and decision date."""

    rule_set: RuleSet
    values: Mapping[str, Any]
    year: int
    as_of: date
    base_salary_vnd: int
    rules: Mapping[tuple[str, str], CompiledRule]

    def for_kind(self, kind: str, candidates: tuple[str, ...] | None = None) -> list[CompiledRule]:
        """Return the compiled rules that apply to a subject kind, in contract order."""
        codes = candidates if candidates is not None else CODES_BY_KIND[kind]
        return [self.rules[(code, kind)] for code in codes if (code, kind) in self.rules]


def _freeze(values: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(values.items()))


@lru_cache(maxsize=256)
def _compile(
    rule_set: RuleSet, frozen: tuple[tuple[str, Any], ...], year: int, as_of: date
) -> CompiledRuleSet:
    values = dict(frozen)
    salary = base_salary_on(as_of).vnd_per_month
    rules = {}
    for rule in rule_set.rules:
        coefficient = values[rule.coefficient]
        rules[(rule.code, rule.kind)] = CompiledRule(
            rule,
            tuple(compile_condition(cond, values, year) for cond in rule.conditions),
            None if rule.vote is None else compile_condition(rule.vote, values, year),
            coefficient,
            prize_vnd(coefficient, salary, values["prize.rounding"]),
        )
    return CompiledRuleSet(rule_set, values, year, as_of, salary, rules)


def compile_rule_set(
    rule_set: RuleSet,
    year: int,
    as_of: date,
    overrides: Mapping[str, Any] | None = None,
    *,
    registry: Registry = REGISTRY,
) -> CompiledRuleSet:
    """Bind a rule set to local overrides, an achievement year and a decision date."""
    values = {name: pv.value for name, pv in registry.values(rule_set, overrides).items()}
    return _compile(rule_set, _freeze(values), year, as_of)


def select_rule_set(
    as_of: date,
    name: str = "auto",
    *,
    overrides: Mapping[str, Any] | None = None,
    dossier_lodged_on: date | None = None,
    registry: Registry = REGISTRY,
) -> RuleSet:
    """Choose the rule set for a decision date (see `Registry.select`)."""
    return registry.select(as_of, name, overrides=overrides, dossier_lodged_on=dossier_lodged_on)


def _evaluate_with(compiled: CompiledRuleSet, case: Case) -> Evaluation:
    facts = facts_from_case(case)
    verdicts = tuple(
        r.explain(facts) for r in compiled.for_kind(case.subject.kind, case.candidates)
    )
    return Evaluation(
        compiled.rule_set.name,
        compiled.as_of,
        compiled.year,
        compiled.base_salary_vnd,
        verdicts,
        case.id,
    )


def evaluate(
    case: Case, overrides: Mapping[str, Any] | None = None, *, registry: Registry = REGISTRY
) -> Evaluation:
    """Evaluate every candidate code of one case and explain each verdict."""
    rs = select_rule_set(
        case.as_of,
        case.rule_set,
        overrides=overrides,
        dossier_lodged_on=case.dossier_lodged_on,
        registry=registry,
    )
    return _evaluate_with(
        compile_rule_set(rs, case.year, case.as_of, overrides, registry=registry), case
    )


def evaluate_unit(
    unit: UnitCase, overrides: Mapping[str, Any] | None = None, *, registry: Registry = REGISTRY
) -> UnitEvaluation:
    """Evaluate every case of a unit for one year, then apply the unit-level caps.

    Caps never change an individual verdict: they report how many of the eligible the ratio
    allows, and the council chooses whom (e.g. CSTĐ cơ sở ≤ 15 % of the unit's LĐTT under
    R2013, NĐ 91/2017 Art 9.3). The basis counts the cases eligible for the basis code, plus
    `extra_advanced_workers` for LĐTT members not listed.
    """
    rs = select_rule_set(
        unit.as_of,
        unit.rule_set,
        overrides=overrides,
        dossier_lodged_on=unit.dossier_lodged_on,
        registry=registry,
    )
    compiled = compile_rule_set(rs, unit.year, unit.as_of, overrides, registry=registry)
    results = tuple(_evaluate_with(compiled, case) for case in unit.cases)
    return UnitEvaluation(
        rs.name,
        unit.as_of,
        unit.year,
        compiled.base_salary_vnd,
        results,
        caps_for(compiled, results, unit.extra_advanced_workers),
    )


def caps_for(
    compiled: CompiledRuleSet, results: tuple[Evaluation, ...], extra_advanced_workers: int = 0
) -> tuple[CapResult, ...]:
    """Count eligible subjects per capped code against the rule set's ratios."""
    counts: dict[str, int] = {}
    for ev in results:
        for v in ev.results:
            if v.eligible:
                counts[v.code] = counts.get(v.code, 0) + 1
    out = []
    for cap in compiled.rule_set.caps:
        percent = compiled.values.get(cap.percent)
        if percent is None:
            continue
        basis = counts.get(cap.basis_code, 0)
        if cap.basis_code == "advanced_worker":
            basis += extra_advanced_workers
        out.append(
            CapResult(
                cap.code,
                counts.get(cap.code, 0),
                int(percent * basis // 100),
                percent,
                basis,
                cap.basis_code,
                cap.citation,
            )
        )
    return tuple(out)
