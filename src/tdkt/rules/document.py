"""Evaluate a case document (JSON text) into the contract's output: the one shared path.

`tdkt rules evaluate`, the API and the web page all call `evaluate_text` (or
`evaluate_data`), so the same case gives the same answer everywhere
(shared/contracts/rules-evaluate.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .engine import evaluate, evaluate_unit
from .model import Case, UnitCase
from .output import evaluation_to_json, unit_to_json
from .regimes.registry import REGISTRY, RuleSetError
from .schema import CaseError, Problem, load_json, parse_data


def evaluate_case(
    doc: Case | UnitCase, *, lang: str = "vi", overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the contract's output for a parsed case or unit batch.

    A date with no rule set or no known base salary is a problem of `as_of`, an unusable
    rule set one of `rule_set` (`CaseError`, like a malformed case).
    """
    try:
        if isinstance(doc, UnitCase):
            return unit_to_json(evaluate_unit(doc, overrides), lang)
        return evaluation_to_json(evaluate(doc, overrides), lang)
    except RuleSetError as exc:
        if exc.code == "none_in_force":
            raise CaseError([Problem("as_of", "no_rule_set", {"as_of": doc.as_of})]) from None
        raise CaseError([Problem("rule_set", "rule_set_inactive", exc.params)]) from None
    except LookupError:  # base salary unknown for the date
        raise CaseError([Problem("as_of", "no_base_salary", {"as_of": doc.as_of})]) from None


def evaluate_data(
    data: Any, *, lang: str = "vi", overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the contract's output for a decoded JSON document; raise `CaseError`."""
    return evaluate_case(parse_data(data, REGISTRY.names()), lang=lang, overrides=overrides)


def evaluate_text(
    text: str, *, lang: str = "vi", overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the contract's output for a single case or a unit batch given as JSON text."""
    return evaluate_data(load_json(text), lang=lang, overrides=overrides)
