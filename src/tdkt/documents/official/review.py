"""The review report of a movement (báo cáo sơ kết / tổng kết), rendered from plain data.

Decree 30/2020 Mẫu 1.4 (báo cáo): the header of boxes 1–4, "BÁO CÁO" and its subject, then
numbered sections of paragraphs, each with an optional five-column table (STT, a name and three
figures: units' scores, registration rates), then Nơi nhận and the signature. The movements app
maps a movement's data to ``ReviewReport``; the officer finishes the draft in Word, so the
texts the data cannot give (assessment, direction) are placeholders in square brackets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content import Header, header_for
from .docx_render import _render
from .formatting import punctuate
from .model import DocumentReference, IssuingBody, SignatureBlock

TABLE_COLUMNS = 5


@dataclass(frozen=True, kw_only=True)
class ReviewTable:
    """A table of five columns: STT, a name, three figures (texts as printed)."""

    title: str
    """The caption above the table, e.g. "Kết quả chấm điểm theo tiêu chí"."""
    headings: tuple[str, str, str, str, str]
    rows: tuple[tuple[str, str, str, str, str], ...]


@dataclass(frozen=True, kw_only=True)
class ReviewSection:
    """A numbered part of the report: its heading (without the Roman number), paragraphs and
    an optional table."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    table: ReviewTable | None = None


@dataclass(frozen=True, kw_only=True)
class ReviewReport:
    """Everything a review report prints."""

    issuer: IssuingBody
    reference: DocumentReference
    """"BC-BQL"; a draft has no number (the officer numbers it after signing)."""
    subject: str
    """E.g. "Sơ kết phong trào thi đua “An toàn thực phẩm” năm 2019"."""
    sections: tuple[ReviewSection, ...]
    signature: SignatureBlock
    copies_to: tuple[str, ...]


@dataclass(frozen=True)
class _SectionView:
    heading: str
    paragraphs: list[str]
    table: ReviewTable | None


@dataclass(frozen=True)
class ReviewView:
    """What the template prints."""

    header: Header
    subject: str
    sections: list[_SectionView]
    signature: SignatureBlock
    copies: list[str]


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def review_view(doc: ReviewReport) -> ReviewView:
    """Number the sections and punctuate the copies: the texts the template places."""
    if len(doc.sections) > len(_ROMAN):
        raise ValueError("a review report has at most ten sections")
    return ReviewView(
        header=header_for(doc.issuer, doc.reference),
        subject=doc.subject,
        sections=[
            _SectionView(f"{_ROMAN[i]}. {s.heading.upper()}", list(s.paragraphs), s.table)
            for i, s in enumerate(doc.sections)
        ],
        signature=doc.signature,
        copies=punctuate(list(doc.copies_to)),
    )


def render_review_docx(doc: ReviewReport) -> bytes:
    """Return the review report as a .docx file (Decree 30/2020 layout) for the officer."""
    return _render("review", review_view(doc))
