"""The Board's annual report on emulation and commendation, rendered from plain data.

Decree 30/2020 Mẫu 1.4 (báo cáo), like the review report: the header of boxes 1–4, "BÁO CÁO"
and its subject, then numbered sections. Each section holds the sentences composed from the
data (figures), the officer's own paragraphs and any number of tables of any width, then Nơi
nhận and the signature. The reports app maps a year's data and the stored texts to
``AnnualReport``; this module imports no model.

The .docx fills the committed ``annual.docx`` template (header, title and signature, built by
``docx_builder``), then builds the body with python-docx in the template's own named styles
where the template marks it, because the tables differ in width from section to section. The PDF
is the same text laid out by WeasyPrint.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx.document import Document
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from .content import Header, header_for
from .docx_layout import A4, cell_text, para, repeat_header_row, table
from .docx_render import TEMPLATES
from .formatting import punctuate
from .model import DocumentReference, IssuingBody, SignatureBlock
from .pdf_render import html_to_pdf, render_html

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
STT_WIDTH = 12.0  # mm
BODY_MARKER = "\u2063TDKT-ANNUAL-BODY\u2063"  # what ``{{ body }}`` renders to, then replaced


@dataclass(frozen=True, kw_only=True)
class ReportTable:
    """A table of a section: headings, rows of printed texts, which columns are figures."""

    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    """True for a right-aligned figure column; by default every column after STT and the
    name."""

    def is_numeric(self, index: int) -> bool:
        """Tell whether column ``index`` holds figures (right-aligned)."""
        if self.numeric:
            return self.numeric[index]
        return index > 1


@dataclass(frozen=True, kw_only=True)
class ReportSection:
    """A numbered part: the data's sentences, the officer's paragraphs, the tables."""

    heading: str
    figures: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    tables: tuple[ReportTable, ...] = ()


@dataclass(frozen=True, kw_only=True)
class AnnualReport:
    """Everything the annual report prints."""

    issuer: IssuingBody
    reference: DocumentReference
    """"BC-BQL"; without a number it is a draft to be numbered after signing."""
    subject: str
    sections: tuple[ReportSection, ...]
    signature: SignatureBlock
    copies_to: tuple[str, ...]


@dataclass(frozen=True)
class _SectionView:
    heading: str
    figures: list[str]
    text: list[str]
    tables: list[ReportTable]


@dataclass(frozen=True)
class AnnualView:
    """What the templates print."""

    header: Header
    subject: str
    sections: list[_SectionView]
    signature: SignatureBlock
    copies: list[str]


def annual_view(doc: AnnualReport) -> AnnualView:
    """Number the sections and punctuate the copies."""
    if len(doc.sections) > len(_ROMAN):
        raise ValueError("an annual report has at most twelve sections")
    return AnnualView(
        header=header_for(doc.issuer, doc.reference),
        subject=doc.subject,
        sections=[
            _SectionView(
                f"{_ROMAN[i]}. {s.heading.upper()}", list(s.figures), list(s.text), list(s.tables)
            )
            for i, s in enumerate(doc.sections)
        ],
        signature=doc.signature,
        copies=punctuate(list(doc.copies_to)),
    )


def _widths(tbl: ReportTable) -> list[float]:
    """STT stays narrow, the name column takes what the figures leave (text width 160 mm)."""
    count = len(tbl.headings)
    figures = max(count - 2, 0)
    figure_width = min(26.0, (A4.text_width - STT_WIDTH - 50) / figures) if figures else 0
    name = A4.text_width - STT_WIDTH - figure_width * figures
    return [STT_WIDTH, name] + [figure_width] * figures if count > 1 else [A4.text_width]


def _docx_table(document: Document, marker: Paragraph, tbl: ReportTable) -> None:
    marker._p.addprevious(para(document, tbl.title, "TDKT Basis")._p)
    grid = table(document, 1 + len(tbl.rows), _widths(tbl), borders=True)
    for index, heading in enumerate(tbl.headings):
        cell_text(grid.rows[0].cells[index], heading, "TDKT Table Head")
    repeat_header_row(grid)
    for r, row in enumerate(tbl.rows, start=1):
        for index, text in enumerate(row):
            style = "TDKT Table Number" if tbl.is_numeric(index) else "TDKT Table"
            cell_text(grid.rows[r].cells[index], text, style)
    marker._p.addprevious(grid._tbl)
    spacer = para(document, "", "TDKT Rule")
    spacer.paragraph_format.space_after = Mm(2)
    marker._p.addprevious(spacer._p)


def render_annual_report_docx(doc: AnnualReport) -> bytes:
    """Return the annual report as a .docx file (Decree 30/2020 layout)."""
    view = annual_view(doc)
    template = DocxTemplate(TEMPLATES / "annual.docx")
    template.render({"v": view, "body": BODY_MARKER}, autoescape=True)
    document = template.docx
    marker = next(p for p in document.paragraphs if p.text == BODY_MARKER)

    def add(text: str, style: str) -> None:
        marker._p.addprevious(para(document, text, style)._p)

    for section in view.sections:
        add(section.heading, "TDKT Group")
        for text in section.figures:
            add(text, "TDKT Body")
        for tbl in section.tables:
            _docx_table(document, marker, tbl)
        for text in section.text:
            add(text, "TDKT Body")
    marker._p.getparent().remove(marker._p)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def render_annual_report_pdf(doc: AnnualReport) -> bytes:
    """Return the annual report as PDF (the same texts as the .docx)."""
    return html_to_pdf(render_html("annual.html", annual_view(doc)))
