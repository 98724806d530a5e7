"""Helpers for rule-engine tests: build a case the way a user writes it (contract JSON)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tdkt.rules import REGISTRY, Evaluation, Verdict, evaluate
from tdkt.rules.schema import parse_document

Run = Callable[..., Evaluation]


def case_doc(as_of: str, year: int, **fields: Any) -> dict[str, Any]:
    """Return a contract case document for an individual unless `subject` says otherwise."""
    doc: dict[str, Any] = {"as_of": as_of, "year": year, "subject": {"kind": "individual"}}
    doc.update(fields)
    return doc


@pytest.fixture
def run() -> Run:
    """Evaluate a case document through the JSON parser, as the CLI does."""

    def _run(
        as_of: str, year: int, overrides: dict[str, Any] | None = None, **fields: Any
    ) -> Evaluation:
        case = parse_document(json.dumps(case_doc(as_of, year, **fields)), REGISTRY.names())
        return evaluate(case, overrides)

    return _run


def verdict(ev: Evaluation, code: str) -> Verdict:
    """Return the verdict of one code."""
    (found,) = [v for v in ev.results if v.code == code]
    return found


@pytest.fixture
def pick() -> Callable[[Evaluation, str], Verdict]:
    """Return the verdict of one code from an evaluation."""
    return verdict
