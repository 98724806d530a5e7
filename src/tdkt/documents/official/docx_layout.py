"""Decree 30/2020 page setup and named styles for the .docx templates (python-docx).

Used only by ``docx_builder`` to make the committed templates; rendering never builds layout.
Sizes follow documents-and-forms.md §1.1–1.4 with the defaults chosen there: A4, margins
20/20/30/20 mm, Times New Roman 14 pt body, 1.27 cm first-line indent, 6 pt after, page
numbers centred in the top margin from page 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"


@dataclass(frozen=True)
class PageSetup:
    """Paper and margins in mm (each a setting of the builder, §1.1)."""

    width: float = 210
    height: float = 297
    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 20

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


A4 = PageSetup()


def setup_section(section: Section, page: PageSetup = A4, *, restart_numbering: bool) -> None:
    """A4 portrait, margins, a different first page (no number on page 1), page number header."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    if restart_numbering:
        number_type = OxmlElement("w:pgNumType")
        number_type.set(qn("w:start"), "1")
        section._sectPr.append(number_type)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "Header"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """Append a simple field (e.g. PAGE) to ``paragraph``."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_fonts(rpr_owner: object, size: float) -> None:
    font = rpr_owner.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    rpr = rpr_owner.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


@dataclass(frozen=True)
class StyleSpec:
    """A named paragraph style of the house layout."""

    name: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER
    indent_first: float = 0  # cm
    before: float = 0  # pt
    after: float = 0  # pt
    keep_with_next: bool = False


STYLES = (
    StyleSpec("TDKT Header", size=12),
    StyleSpec("TDKT Header Bold", size=12, bold=True),
    StyleSpec("TDKT Place Date", size=14, italic=True),
    StyleSpec("TDKT Type", size=14, bold=True, before=18, keep_with_next=True),
    StyleSpec("TDKT Subject", size=14, bold=True, keep_with_next=True),
    StyleSpec("TDKT Authority", size=14, bold=True, before=12, after=6),
    StyleSpec(
        "TDKT Basis", italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=1.27, after=6
    ),
    StyleSpec("TDKT Decides", size=14, bold=True, before=6, after=6),
    StyleSpec("TDKT Body", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=1.27, after=6),
    StyleSpec("TDKT Group", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, indent_first=1.27, after=6),
    StyleSpec(
        "TDKT Copies Heading", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT
    ),
    StyleSpec("TDKT Copies", size=11, align=WD_ALIGN_PARAGRAPH.LEFT),
    StyleSpec("TDKT Signature", size=14, bold=True),
    StyleSpec("TDKT Annex Title", size=14, bold=True, keep_with_next=True),
    StyleSpec("TDKT Annex Reference", size=14, italic=True, after=12),
    StyleSpec("TDKT Table Head", size=12, bold=True),
    StyleSpec("TDKT Table", size=12, align=WD_ALIGN_PARAGRAPH.LEFT),
    StyleSpec("TDKT Table Number", size=12, align=WD_ALIGN_PARAGRAPH.RIGHT),
    StyleSpec("TDKT Rule", size=2, after=0),
)


def add_styles(document: Document) -> None:
    """Set Normal (14 pt body) and add every house style."""
    normal = document.styles["Normal"]
    _set_fonts(normal, 14)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1.27)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.0
    header = document.styles["Header"]
    _set_fonts(header, 13)
    for spec in STYLES:
        style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _set_fonts(style, spec.size)
        style.font.bold = spec.bold
        style.font.italic = spec.italic
        pf = style.paragraph_format
        pf.alignment = spec.align
        pf.first_line_indent = Cm(spec.indent_first)
        pf.space_before = Pt(spec.before)
        pf.space_after = Pt(spec.after)
        pf.keep_with_next = spec.keep_with_next


def para(container: object, text: str, style: str) -> Paragraph:
    """Add a paragraph with one run of ``text`` in ``style`` to a document or cell."""
    paragraph: Paragraph = container.add_paragraph(text, style=style)  # type: ignore[attr-defined]
    return paragraph


def rule(container: object, *, indent_mm: float) -> Paragraph:
    """A short solid rule: an empty paragraph with a bottom border, narrowed by indents."""
    paragraph = para(container, "", "TDKT Rule")
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def table(container: object, rows: int, widths_mm: list[float], *, borders: bool) -> Table:
    """A fixed-layout table with the given column widths, with or without grid lines."""
    tbl: Table = container.add_table(rows=rows, cols=len(widths_mm))  # type: ignore[attr-defined]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    if borders:
        tbl.style = "Table Grid"
    for row in tbl.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(tbl.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return tbl


def cell_text(cell: _Cell, text: str, style: str) -> Paragraph:
    """Put ``text`` as the first paragraph of a cell (a new cell holds one empty paragraph)."""
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    if text:
        paragraph.add_run(text)
    return paragraph


def repeat_header_row(tbl: Table, index: int = 0) -> None:
    """Repeat row ``index`` at the top of every page the table spans."""
    tr_pr = tbl.rows[index]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
