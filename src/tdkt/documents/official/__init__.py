"""Official documents of the commendation workflow, rendered from plain data.

Inputs are the frozen dataclasses of ``model``; renderers return bytes (or write a stream):

* decision with its attached list: ``render_decision_docx`` / ``render_decision_pdf``;
* tờ trình and council minutes: ``render_proposal_docx|pdf``, ``render_minutes_docx|pdf``;
* certificates: ``render_certificate_pdf`` (one) and ``render_certificates_pdf`` (a batch);
* payment list and archive: ``render_payment_list_xlsx``, ``render_archive_xlsx``.

Nothing here imports models, requests or interface code: the workflow maps its records to these
inputs. See docs/documents.md.
"""

from .certificates import (
    DEFAULT_LAYOUTS,
    Box,
    CertificateLayout,
    render_certificate_pdf,
    render_certificates_pdf,
)
from .docx_render import render_decision_docx, render_minutes_docx, render_proposal_docx
from .model import (
    ArchivedDecision,
    Awardee,
    BallotResult,
    BallotSummary,
    Certificate,
    CertificateKind,
    CouncilMember,
    CouncilMinutes,
    DecisionDocument,
    DecisionLine,
    DocumentReference,
    IssuingBody,
    PaymentLine,
    PaymentList,
    ProposalLetter,
    RecipientKind,
    SignatureBlock,
)
from .pdf_render import render_decision_pdf, render_minutes_pdf, render_proposal_pdf
from .spreadsheets import render_archive_xlsx, render_payment_list_xlsx

__all__ = [
    "DEFAULT_LAYOUTS",
    "ArchivedDecision",
    "Awardee",
    "BallotResult",
    "BallotSummary",
    "Box",
    "Certificate",
    "CertificateKind",
    "CertificateLayout",
    "CouncilMember",
    "CouncilMinutes",
    "DecisionDocument",
    "DecisionLine",
    "DocumentReference",
    "IssuingBody",
    "PaymentLine",
    "PaymentList",
    "ProposalLetter",
    "RecipientKind",
    "SignatureBlock",
    "render_archive_xlsx",
    "render_certificate_pdf",
    "render_certificates_pdf",
    "render_decision_docx",
    "render_decision_pdf",
    "render_minutes_docx",
    "render_minutes_pdf",
    "render_payment_list_xlsx",
    "render_proposal_docx",
    "render_proposal_pdf",
]
