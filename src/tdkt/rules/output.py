"""Write evaluations as the contract's JSON documents (shared/contracts/rules-evaluate.md)."""

from __future__ import annotations

from typing import Any

from .labels import CODE_LABELS
from .messages import fmt_number, render
from .model import Evaluation, UnitEvaluation


def evaluation_to_json(ev: Evaluation, lang: str = "vi") -> dict[str, Any]:
    """Return the contract's output document for one case."""
    return {
        "rule_set": ev.rule_set,
        "as_of": ev.as_of.isoformat(),
        "year": ev.year,
        "base_salary_vnd": ev.base_salary_vnd,
        "results": _results(ev, lang),
    }


def _results(ev: Evaluation, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "code": v.code,
            "eligible": v.eligible,
            "vote": v.vote,
            "prize_coefficient": None
            if v.prize_coefficient is None
            else float(v.prize_coefficient),
            "prize_vnd": v.prize_vnd,
            "conditions": [
                {"ok": c.ok, "text": render(c, lang), "citation": c.citation} for c in v.conditions
            ],
        }
        for v in ev.results
    ]


def unit_to_json(ev: UnitEvaluation, lang: str = "vi") -> dict[str, Any]:
    """Return the contract's output document for a unit batch."""
    return {
        "rule_set": ev.rule_set,
        "as_of": ev.as_of.isoformat(),
        "year": ev.year,
        "base_salary_vnd": ev.base_salary_vnd,
        "results": [{"id": r.id, "results": _results(r, lang)} for r in ev.results],
        "caps": [
            {
                "code": c.code,
                "eligible": c.eligible,
                "max": c.max,
                "basis": f"{fmt_number(c.percent)}% × {c.basis_count} "
                f"{CODE_LABELS[lang][c.basis_code]}",
                "citation": c.citation,
            }
            for c in ev.caps
        ],
    }
