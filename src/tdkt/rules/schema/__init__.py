"""The case document, declared once: fields, limits, labels, problems and the parser.

* `CASE`, `UNIT` — the schemas of a single case and of a unit batch (`case`);
* `Field`, `leaves` — the field type the web form and API serializers are derived from;
* `parse_document` — JSON text → `Case | UnitCase`, or `CaseError` with every `Problem`.
"""

from __future__ import annotations

from .build import load_json, parse_data, parse_document
from .case import CASE, MAX_CASES, UNIT, case_schema, unit_schema
from .fields import Field, leaves
from .problems import CaseError, Problem
from .reader import Reader

__all__ = [
    "CASE",
    "MAX_CASES",
    "UNIT",
    "CaseError",
    "Field",
    "Problem",
    "Reader",
    "case_schema",
    "leaves",
    "load_json",
    "parse_data",
    "parse_document",
    "unit_schema",
]
