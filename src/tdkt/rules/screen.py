"""Screening: the verdicts of many cases without their explanations.

This is the path of an eligibility list (every person of a unit × every code): the same
compiled rules as `evaluate`, asking each condition only for its verdict and stopping at the
first unmet one. `evaluate` explains a single case when the officer opens it; a hypothesis
test proves both give the same eligibility and vote for every code.

Plain Python on purpose: an earlier generated-code screener was ~20 % faster on a whole
city but much harder to read; a unit of 2,000 people screens in milliseconds either way
(bench/README.md, docs/decisions/0103-one-evaluation-path.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from .engine import CompiledRuleSet, compile_rule_set, select_rule_set
from .facts import facts_from_case
from .model import Case, Screening
from .regimes.registry import REGISTRY, Registry

_Key = tuple[date, int, str, date | None]


def screen(
    cases: Iterable[Case],
    overrides: Mapping[str, Any] | None = None,
    *,
    registry: Registry = REGISTRY,
) -> Iterator[Screening]:
    """Yield the decisions of every candidate code for each case, in order.

    Each case keeps its own decision date, year and rule set (as `evaluate` does); cases
    that share them — a unit's list — share one compiled rule set.
    """
    compiled: dict[_Key, CompiledRuleSet] = {}
    for case in cases:
        key = (case.as_of, case.year, case.rule_set, case.dossier_lodged_on)
        rules = compiled.get(key)
        if rules is None:
            rs = select_rule_set(
                case.as_of,
                case.rule_set,
                overrides=overrides,
                dossier_lodged_on=case.dossier_lodged_on,
                registry=registry,
            )
            rules = compiled[key] = compile_rule_set(
                rs, case.year, case.as_of, overrides, registry=registry
            )
        facts = facts_from_case(case)
        yield Screening(
            case.id,
            rules.rule_set.name,
            tuple(r.decide(facts) for r in rules.for_kind(case.subject.kind, case.candidates)),
        )
