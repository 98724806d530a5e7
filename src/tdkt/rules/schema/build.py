"""Parse a case document: JSON text → schema check → the engine's frozen records."""

from __future__ import annotations

import json
from typing import Any

from tdkt.rules.model import (
    AchievementRecord,
    Ballot,
    Candidate,
    Case,
    CollectiveFacts,
    DisciplineRecord,
    InitiativeRecord,
    UnitCase,
)

from .case import COLLECTIVE_COUNTS, case_schema, unit_schema
from .problems import CaseError, Problem, json_kind
from .reader import INVALID, Reader


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def load_json(text: str) -> Any:
    """Decode JSON text strictly (no NaN or Infinity); raise `CaseError` on `$` otherwise."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        problem = Problem(
            "$", "invalid_json", {"line": exc.lineno, "column": exc.colno, "msg": exc.msg}
        )
    except RecursionError:
        problem = Problem("$", "json_too_deep", {})
    except ValueError as exc:  # a constant, or an integer with too many digits
        problem = Problem("$", "unreadable_json", {"msg": str(exc).split(";")[0][:80]})
    raise CaseError([problem])


def _case(clean: dict[str, Any], header: dict[str, Any]) -> Case:
    subject = clean["subject"]
    collective = clean["collective"]
    ballot = clean["ballot"]
    return Case(
        as_of=header["as_of"],
        year=header["year"],
        subject=Candidate(subject["kind"], subject["recruited_on"]),
        ratings=tuple(clean["ratings"] or ()),
        awards=tuple(AchievementRecord(a["year"], a["code"]) for a in clean["awards"] or ()),
        initiatives=tuple(
            InitiativeRecord(i["id"], i["year"], i["scope"], i["used_for"])
            for i in clean["initiatives"] or ()
        ),
        discipline=tuple(
            DisciplineRecord(d["year"], d["level"]) for d in clean["discipline"] or ()
        ),
        ballot=None if ballot is None else Ballot(ballot["yes"], ballot["members"]),
        collective=None
        if collective is None
        else CollectiveFacts(
            members=collective["members"],
            rating=collective["rating"],
            leads_block=collective["leads_block"],
            **{name: collective[name] or 0 for name in COLLECTIVE_COUNTS},
        ),
        candidates=None if clean["candidates"] is None else tuple(clean["candidates"]),
        rule_set=header["rule_set"] or "auto",
        dossier_lodged_on=header["dossier_lodged_on"],
        id=clean["id"],
    )


def parse_data(data: Any, rule_sets: tuple[str, ...]) -> Case | UnitCase:
    """Check decoded JSON against the schema and build the case; raise `CaseError`."""
    r = Reader()
    if not isinstance(data, dict):
        r.bad("$", "not_object", got=json_kind(data))
        raise CaseError(r.problems)
    unit = "cases" in data
    spec = unit_schema(rule_sets) if unit else case_schema(rule_sets)
    clean = r.object(spec, data, "")
    if r.problems or clean is INVALID:
        raise CaseError(r.problems)
    if not unit:
        return _case(clean, clean)
    unit_info = clean["unit"] or {}
    return UnitCase(
        clean["as_of"],
        clean["year"],
        tuple(_case(c, clean) for c in clean["cases"]),
        unit_info.get("name") or "",
        unit_info.get("advanced_workers") or 0,
        clean["rule_set"] or "auto",
        clean["dossier_lodged_on"],
    )


def parse_document(text: str, rule_sets: tuple[str, ...]) -> Case | UnitCase:
    """Parse a single case or a unit batch; raise `CaseError` listing every problem."""
    return parse_data(load_json(text), rule_sets)
