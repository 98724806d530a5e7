"""Evaluate a case document with the officer-set parameters: the one bridge for web and API.

`tdkt rules evaluate`, ``POST /api/v1/rules/evaluate/`` and the page /rules/evaluate/ must give
the same answer for the same case (shared/contracts/rules-evaluate.md). All three call
``tdkt.rules.document.evaluate_text``; this module only adds what the web
side needs on top: the database parameters, a batch limit, and problems grouped by path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tdkt.commendations.selectors import rule_overrides
from tdkt.rules.case_io import CaseError
from tdkt.rules.document import evaluate_text
from tdkt.rules.labels import LANGUAGES

# A unit of the Board has a few hundred people; a larger batch is a mistake or an abuse, and
# one request must not hold a worker for long.
MAX_CASES = 2000

__all__ = ["MAX_CASES", "CaseError", "evaluate_document", "problems_by_path"]


def _count_cases(text: str) -> int:
    """Count the cases of a batch before the full parse, so a huge batch is refused cheaply."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return 0  # parse_document reports the JSON error with its line and column
    cases = data.get("cases") if isinstance(data, dict) else None
    return len(cases) if isinstance(cases, list) else 0


def evaluate_document(
    text: str, *, lang: str = "vi", overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the contract's output for a case or unit batch given as JSON text.

    ``overrides`` defaults to the parameters officers set (``rule_overrides()``), as for the
    ``rules`` management command. Raise ``CaseError`` (one ``path: message`` line per
    problem) for a malformed case, exactly where the CLI would exit 2.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    count = _count_cases(text)
    if count > MAX_CASES:
        raise CaseError([f"cases: at most {MAX_CASES} cases in one batch, got {count}"])
    params = rule_overrides() if overrides is None else overrides
    return evaluate_text(text, lang=lang, overrides=params)


def problems_by_path(problems: list[str]) -> dict[str, list[str]]:
    """Group ``path: message`` lines by path (``$`` for the document as a whole)."""
    out: dict[str, list[str]] = {}
    for line in problems:
        path, sep, message = line.partition(": ")
        if not sep:
            path, message = "$", line
        out.setdefault(path, []).append(message)
    return out
