"""Decisions as the JSON of the command-line contract (shared/contracts/decisions.md).

Every key, type and value follows the contract: numbers as "125/QĐ-BQL" (zero-padded below
10, Decree 30/2020), ISO dates, whole đồng as integers, codes of rules-evaluate.md. The labels
are the Vietnamese ones the decision prints, whatever the interface language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tdkt.commendations.constants import AwardStatus, DecisionState, SignerTitle
from tdkt.commendations.models import Award, Decision
from tdkt.core.vnwords import amount_in_words

SIGNER_LABELS: dict[str, str] = {
    SignerTitle.HEAD: "Trưởng ban",
    SignerTitle.DEPUTY_ON_BEHALF: "KT. Trưởng ban – Phó Trưởng ban",
}


def decision_status(decision: Decision, *, lines: int, revoked: int) -> str:
    """``draft``, ``signed``, or ``revoked`` when every line of a signed decision is revoked."""
    if decision.state == DecisionState.DRAFT:
        return "draft"
    if lines and revoked == lines:
        return "revoked"
    return "signed"


def _number(decision: Decision) -> str | None:
    return decision.number_label or None


def _date(decision: Decision) -> str | None:
    return decision.decided_on.isoformat() if decision.decided_on else None


def decision_summary(decision: Decision) -> dict[str, Any]:
    """One object of ``tdkt decisions list`` (``decision`` carries the list's counts)."""
    lines = int(getattr(decision, "line_count", 0) or 0)
    revoked = int(getattr(decision, "revoked_count", 0) or 0)
    return {
        "number": _number(decision),
        "date": _date(decision),
        "status": decision_status(decision, lines=lines, revoked=revoked),
        "signer": SIGNER_LABELS.get(decision.signer_title),
        "title": decision.title,
        "collectives": int(getattr(decision, "collective_count", 0) or 0),
        "individuals": int(getattr(decision, "individual_count", 0) or 0),
        "total_prize_vnd": int(getattr(decision, "total_prize", 0) or 0),
    }


def decision_detail(decision: Decision, awards: Sequence[Award]) -> dict[str, Any]:
    """The object of ``tdkt decisions show``: the decision and every line of its list.

    ``total_prize_vnd`` is the money of the lines as signed (a later revocation does not
    change what the decision says); ``prize_vnd`` of a title outranked by a higher one in
    the same decision is 0 (legal-rules §2).
    """
    revoked = sum(1 for a in awards if a.status == AwardStatus.REVOKED)
    total = sum(a.prize_vnd or 0 for a in awards)
    return {
        "number": _number(decision),
        "date": _date(decision),
        "status": decision_status(decision, lines=len(awards), revoked=revoked),
        "rule_set": decision.rule_set or None,
        "base_salary_vnd": decision.base_salary_vnd,
        "total_prize_vnd": total,
        "total_in_words": amount_in_words(total),
        "lines": [
            {
                "recipient_kind": "individual" if a.person_id else "collective",
                "name": a.recipient_name,
                "unit": a.unit_label,
                "code": a.code,
                "issuer_level": a.issuer_level,
                "prize_vnd": a.prize_vnd,
                "status": "revoked" if a.status == AwardStatus.REVOKED else "granted",
            }
            for a in awards
        ],
    }
