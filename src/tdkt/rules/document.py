"""Evaluate a case document (JSON text) into the contract's output: the one shared path.

`tdkt rules evaluate`, the API and the web page all call `evaluate_text`, so the same case
gives the same answer everywhere (shared/contracts/rules-evaluate.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .case_io import CaseError, parse_document
from .engine import evaluate, evaluate_unit
from .model import UnitCase
from .output import evaluation_to_json, unit_to_json
from .regimes.registry import REGISTRY, RuleSetError


def evaluate_text(
    text: str, *, lang: str = "vi", overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the contract's output for a single case or a unit batch given as JSON text.

    Raise `CaseError` (one `path: message` line per problem) for a malformed case; a date with
    no rule set or no known base salary is reported on `as_of`, an unusable rule set on
    `rule_set`.
    """
    doc = parse_document(text, REGISTRY.names())
    try:
        if isinstance(doc, UnitCase):
            return unit_to_json(evaluate_unit(doc, overrides), lang)
        return evaluation_to_json(evaluate(doc, overrides), lang)
    except RuleSetError as exc:
        path = "as_of" if "in force" in str(exc) else "rule_set"
        raise CaseError([f"{path}: {exc}"]) from None
    except LookupError as exc:  # base salary unknown for the date
        raise CaseError([f"as_of: {exc}"]) from None
