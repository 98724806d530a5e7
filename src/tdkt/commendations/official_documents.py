"""Map decisions and their lines to the inputs of ``tdkt.documents.official`` and render them.

The renderers take plain, frozen data and know nothing of models (docs/documents.md); this
module is the one place that turns a decision into a ``DecisionDocument``, a line into a
``Certificate`` and a decision into a ``PaymentList``. The functions that produce files take
ids or loaded rows and report progress through a callback, so that a background task can run
them unchanged (docs/decisions/0525); the screens and the command line call them directly.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from django.conf import settings

from tdkt.commendations.constants import AwardStatus, SignerTitle
from tdkt.commendations.decision_texts import (
    BOARD_NAME,
    BOARD_NAME_UPPER,
    BOARD_PLACE,
    BOARD_SHORT_UPPER,
    BOARD_SUPERIOR,
    code_label,
    default_texts,
    is_title,
)
from tdkt.commendations.models import Award, Decision
from tdkt.documents.official.model import (
    Certificate,
    CertificateKind,
    DecisionDocument,
    DecisionLine,
    DocumentReference,
    IssuingBody,
    PaymentLine,
    PaymentList,
    RecipientKind,
    SignatureBlock,
)

BOARD = IssuingBody(superior=BOARD_SUPERIOR, name=BOARD_NAME_UPPER, place=BOARD_PLACE)
COMMENDATION_CODES = {
    "provincial_certificate_of_commendation",
    "prime_minister_certificate_of_commendation",
}
# A title is certified by a "Giấy chứng nhận" printed on the Giấy khen layout.
TITLE_HEADING = "GIẤY CHỨNG NHẬN"

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called as a long rendering advances (a task's progress bar)."""


def _no_progress(done: int, total: int) -> None:
    return None


def recipient_kind(award: Award) -> RecipientKind:
    """Individuals have a person, collectives an organisation."""
    return RecipientKind.INDIVIDUAL if award.person_id else RecipientKind.COLLECTIVE


def reference(decision: Decision) -> DocumentReference:
    """The number and date; a draft prints a blank number and day with the year."""
    if decision.number is None or decision.decided_on is None:
        return DocumentReference(symbol=decision.series, issued_on=date(decision.year, 1, 1))
    return DocumentReference(
        symbol=decision.series, number=decision.number, issued_on=decision.decided_on
    )


def signature(decision: Decision) -> SignatureBlock:
    """``TRƯỞNG BAN`` or ``KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN`` with the signer's name."""
    name = decision.signer_name
    if decision.signer_title == SignerTitle.DEPUTY_ON_BEHALF:
        return SignatureBlock.deputy(name=name)
    return SignatureBlock.head(name=name)


def _achievement_year(awards: Sequence[Award], decision: Decision) -> int:
    return min((a.year for a in awards), default=decision.year)


def decision_document(decision: Decision, awards: Sequence[Award]) -> DecisionDocument:
    """The decision as the renderers take it; every line as it was signed (revoked or not)."""
    codes = {a.code for a in awards}
    texts = default_texts(codes, _achievement_year(awards, decision))
    return DecisionDocument(
        issuer=BOARD,
        reference=reference(decision),
        subject=decision.title,
        authority=f"TRƯỞNG BAN {BOARD_NAME_UPPER}",
        legal_bases=tuple(decision.legal_basis),
        proposal_basis=decision.proposal_basis or texts.proposal_basis,
        award_phrase=decision.award_phrase or texts.award_phrase,
        achievement=decision.achievement_text or texts.achievement,
        funding=f"Quỹ thi đua, khen thưởng của {BOARD_NAME}",
        payer="Văn phòng Ban",
        executors="Chánh Văn phòng Ban, Trưởng các phòng, đơn vị thuộc Ban",
        signature=signature(decision),
        copies_to=("Như Điều 3", "Lưu: VT, VP"),
        issued_by=f"Trưởng ban {BOARD_NAME}",
        list_title=texts.list_title,
        lines=tuple(
            DecisionLine(
                kind=recipient_kind(a),
                name=a.recipient_name,
                position_unit=a.unit_label,
                award=code_label(a.code),
                amount=a.prize_vnd or 0,
                note=a.prize_note,
            )
            for a in awards
        ),
    )


def render_decision(
    decision: Decision, awards: Sequence[Award], fmt: str, *, progress: Progress = _no_progress
) -> bytes:
    """Return the decision as ``docx`` or ``pdf`` bytes."""
    # The renderers load WeasyPrint (and Pango): imported when a file is made, so the web
    # app starts without them (docs/decisions/0301).
    from tdkt.documents.official import render_decision_docx, render_decision_pdf

    renderers = {"docx": render_decision_docx, "pdf": render_decision_pdf}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}")
    progress(0, 1)
    data = renderers[fmt](decision_document(decision, awards))
    progress(1, 1)
    return data


def verification_url(award: Award) -> str:
    """The absolute public URL printed as the certificate's QR code."""
    base = str(settings.TDKT_PUBLIC_URL).rstrip("/")
    return f"{base}/verify/{award.verification_token}/"


def certificate(award: Award, decision: Decision) -> Certificate:
    """The certificate of one granted line of a signed decision."""
    title = is_title(award.code)
    if title:
        achievement = f"Đạt danh hiệu “{code_label(award.code)}” năm {award.year}"
    else:
        achievement = decision.achievement_text or award.achievement
        achievement = achievement[:1].upper() + achievement[1:]
    salutation = ""
    if award.person is not None:
        salutation = {"male": "Ông", "female": "Bà"}.get(award.person.gender, "")
    return Certificate(
        kind=CertificateKind.CERTIFICATE_OF_COMMENDATION
        if award.code in COMMENDATION_CODES
        else CertificateKind.CERTIFICATE_OF_MERIT,
        recipient_kind=recipient_kind(award),
        salutation=salutation,
        name=award.recipient_name,
        position_unit=award.unit_label,
        achievement=achievement,
        decision=reference(decision),
        place=BOARD_PLACE,
        issuer_lines=("TRƯỞNG BAN", BOARD_SHORT_UPPER),
        signature=signature(decision),
        register_number=award.register_number,
        verification_url=verification_url(award),
    )


def certificate_lines(awards: Sequence[Award]) -> list[Award]:
    """The lines that get a certificate: granted ones (a revoked line has none)."""
    return [a for a in awards if a.status == AwardStatus.GRANTED and a.verification_token]


def render_certificates(
    decision: Decision,
    awards: Sequence[Award],
    output: BinaryIO,
    *,
    progress: Progress = _no_progress,
) -> int:
    """Write one page per granted line to ``output``; return the number of pages."""
    lines = certificate_lines(awards)
    if not lines:
        raise ValueError("no granted line to certify")
    total = len(lines)

    def certificates() -> Iterator[Certificate]:
        for done, award in enumerate(lines, start=1):
            yield certificate(award, decision)
            progress(done, total)

    from tdkt.documents.official import DEFAULT_LAYOUTS, render_certificates_pdf

    layouts = None
    if any(is_title(a.code) for a in lines):
        merit = CertificateKind.CERTIFICATE_OF_MERIT
        layouts = {merit: replace(DEFAULT_LAYOUTS[merit], heading=TITLE_HEADING)}
    return render_certificates_pdf(certificates(), output, layouts=layouts)


def render_certificate(award: Award, decision: Decision) -> bytes:
    """Return the PDF certificate of one granted line."""
    buffer = io.BytesIO()
    render_certificates(decision, [award], buffer)
    return buffer.getvalue()


def payment_list(decision: Decision, awards: Sequence[Award]) -> PaymentList:
    """The payment list (danh sách chi thưởng) of a signed decision: granted, paid lines."""
    return PaymentList(
        issuer=BOARD,
        decision=reference(decision),
        base_salary=decision.base_salary_vnd or 0,
        lines=tuple(
            PaymentLine(
                kind=recipient_kind(a),
                name=a.recipient_name,
                unit=a.unit_label,
                award=code_label(a.code),
                coefficient=_coefficient_text(a.prize_coefficient),
                amount=a.prize_vnd or 0,
            )
            for a in awards
            if a.status == AwardStatus.GRANTED and a.prize_vnd
        ),
    )


def _coefficient_text(value: Decimal | None) -> str:
    if value is None:
        return "0"
    return format(value.normalize(), "f")


def render_payment_list(decision: Decision, awards: Sequence[Award]) -> bytes:
    """Return the payment list as an Excel workbook."""
    from tdkt.documents.official import render_payment_list_xlsx

    return render_payment_list_xlsx(payment_list(decision, awards))
