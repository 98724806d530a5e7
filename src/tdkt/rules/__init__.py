"""The legal rule engine of tdkt: plain Python, no Django, no database, no clock.

Public API (what the Django side calls):

* `evaluate(case, overrides)` → `Evaluation` — one subject, every candidate code explained;
* `evaluate_unit(unit, overrides)` → `UnitEvaluation` — a unit's cases plus caps;
* `screen(cases, overrides)` → `Screening` per case — verdicts only, for eligibility lists;
* `render(condition, lang)` — message text; `explain_text(...)` — a rule as text;
* `list_parameters(rule_set, overrides)` — parameters for an officer-facing settings screen;
* `select_rule_set(as_of, ...)` — which regime applies on a decision date;
* `schema.CASE` / `schema.parse_document` — the case document, declared once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .engine import compile_rule_set, evaluate, evaluate_unit, select_rule_set
from .explain import explain_text
from .messages import render
from .model import (
    AchievementRecord,
    Ballot,
    Candidate,
    CapResult,
    Case,
    CollectiveFacts,
    ConditionResult,
    Decision,
    DisciplineRecord,
    Evaluation,
    InitiativeRecord,
    Screening,
    UnitCase,
    UnitEvaluation,
    Verdict,
)
from .params import Parameter, ParameterError, ParameterValue
from .regimes.registry import REGISTRY, RegistryError, RuleSetError
from .screen import screen


def list_parameters(
    rule_set: str, overrides: Mapping[str, Any] | None = None
) -> list[ParameterValue]:
    """Return every parameter of a rule set with its effective value, for listing or editing."""
    rs = REGISTRY.get(rule_set)
    return list(REGISTRY.values(rs, overrides).values())


__all__ = [
    "REGISTRY",
    "AchievementRecord",
    "Ballot",
    "Candidate",
    "CapResult",
    "Case",
    "CollectiveFacts",
    "ConditionResult",
    "Decision",
    "DisciplineRecord",
    "Evaluation",
    "InitiativeRecord",
    "Parameter",
    "ParameterError",
    "ParameterValue",
    "RegistryError",
    "RuleSetError",
    "Screening",
    "UnitCase",
    "UnitEvaluation",
    "Verdict",
    "compile_rule_set",
    "evaluate",
    "evaluate_unit",
    "explain_text",
    "list_parameters",
    "render",
    "screen",
    "select_rule_set",
]
