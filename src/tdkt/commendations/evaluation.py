"""Evaluate a case document with the officer-set parameters: the one bridge for web and API.

`tdkt rules evaluate`, ``POST /api/v1/rules/evaluate/`` and the page /rules/evaluate/ must give
the same answer for the same case (shared/contracts/rules-evaluate.md). All three call
``tdkt.rules.document``; this module only adds the parameters officers set in the database.
The limits (at most ``MAX_CASES`` cases…) belong to the case schema, so the command line
applies them too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tdkt.commendations.selectors import rule_overrides
from tdkt.rules.document import evaluate_data, evaluate_text
from tdkt.rules.schema import MAX_CASES, CaseError
from tdkt.rules.text import LANGUAGES

__all__ = ["MAX_CASES", "CaseError", "evaluate_document", "evaluate_json"]


def _params(overrides: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return rule_overrides() if overrides is None else overrides


def evaluate_document(
    text: str, *, lang: str = "vi", overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the contract's output for a case or unit batch given as JSON text.

    ``overrides`` defaults to the parameters officers set (``rule_overrides()``), as for the
    ``rules`` management command. Raise ``CaseError`` (every problem with its JSON path) for
    a malformed case, exactly where the command line would exit 2.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return evaluate_text(text, lang=lang, overrides=_params(overrides))


def evaluate_json(
    data: Any, *, lang: str = "vi", overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the contract's output for a decoded document (the web form builds one)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return evaluate_data(data, lang=lang, overrides=_params(overrides))
