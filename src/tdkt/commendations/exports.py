"""Export the archive search to Excel with the archive renderer of ``documents.official``.

The renderer takes decisions with their lines (``ArchivedDecision``); awards are grouped by
the decision they came from (number, date, issuer). Every text goes through the renderer's
formula guard (``documents.safe.cell_value``), so a name typed as ``=HYPERLINK(…)`` stays text.
An imported award whose prize is unknown shows 0 đồng.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.models import Award
from tdkt.rules.labels import CODE_LABELS

if TYPE_CHECKING:  # the official package imports WeasyPrint: loaded only when exporting
    from tdkt.documents.official import ArchivedDecision, DecisionLine, DocumentReference

MAX_ROWS = 50_000
_NUMBER = re.compile(r"^(\d+)/(.+)$")


def _reference(award: Award) -> DocumentReference:
    from tdkt.documents.official import DocumentReference

    decision = award.decision
    if decision is not None and decision.number:
        return DocumentReference(
            symbol=decision.series, number=decision.number, issued_on=decision.decided_on
        )
    match = _NUMBER.match(award.decision_number or "")
    number = int(match.group(1)) if match and int(match.group(1)) > 0 else None
    symbol = match.group(2) if match else (award.decision_number or "")
    return DocumentReference(symbol=symbol, number=number, issued_on=award.decision_date)


def _line(award: Award) -> DecisionLine:
    from tdkt.documents.official import DecisionLine, RecipientKind

    return DecisionLine(
        kind=RecipientKind.INDIVIDUAL if award.person_id else RecipientKind.COLLECTIVE,
        name=award.recipient_name,
        position_unit=award.unit_label,
        award=CODE_LABELS["vi"].get(award.code, award.code),
        amount=award.prize_vnd or 0,
    )


def _document(awards: list[Award]) -> ArchivedDecision:
    from tdkt.documents.official import (
        ArchivedDecision,
        DecisionDocument,
        IssuingBody,
        SignatureBlock,
    )

    first = awards[0]
    decision = first.decision
    years = sorted({a.year for a in awards})
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    signer = (
        SignatureBlock(lines=(decision.get_signer_title_display(),), name=decision.signer_name)
        if decision is not None and decision.signer_name
        else SignatureBlock(lines=("",), name="")
    )
    issuer = first.issuer_name or (first.get_issuer_level_display() if first.issuer_level else "")
    document = DecisionDocument(
        issuer=IssuingBody(superior="", name=issuer.upper()),
        reference=_reference(first),
        subject=decision.title if decision is not None else f"Khen thưởng thành tích năm {span}",
        authority="",
        legal_bases=(),
        proposal_basis="",
        award_phrase="",
        achievement="",
        funding="",
        executors="",
        signature=signer,
        copies_to=(),
        issued_by=issuer,
        list_title="",
        lines=tuple(_line(a) for a in awards),
    )
    revoked = frozenset(i for i, a in enumerate(awards) if a.status == AwardStatus.REVOKED)
    status = "revoked" if len(revoked) == len(awards) else "signed"
    return ArchivedDecision(decision=document, status=status, revoked_lines=revoked)


def _grouped(awards: Iterable[Award]) -> Iterator[ArchivedDecision]:
    def key(award: Award) -> tuple[object, ...]:
        return (award.decision_id, award.decision_number, award.decision_date, award.issuer_name)

    for _key, group in groupby(awards, key=key):
        yield _document(list(group))


def export_awards(awards: QuerySet[Award]) -> bytes:
    """Return the awards (already scoped and filtered) as the archive workbook."""
    from tdkt.documents.official import render_archive_xlsx

    ordered = awards.order_by(
        "-decision_date", "decision_number", "decision_id", "issuer_name", "search_key", "id"
    )[:MAX_ROWS]
    return render_archive_xlsx(_grouped(ordered.iterator(chunk_size=2000)))
