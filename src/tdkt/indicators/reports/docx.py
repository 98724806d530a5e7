"""A minimal Word (.docx) writer: a title, a few paragraphs and one table, in Times New Roman.

The annual report only needs a table that officers paste into the Board's report, so a
WordprocessingML package of three parts is written directly (no template engine and no
extra dependency). Text is XML-escaped; nothing in the package can run code.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
# A4 in twentieths of a point; margins 20 mm top/bottom, 30 mm left, 15 mm right (Decree 30).
_A4_SHORT, _A4_LONG = 11906, 16838
_MARGINS = (
    '<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" '
    'w:header="567" w:footer="567" w:gutter="0"/>'
)
_FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'


def _run(text: str, *, bold: bool = False, size: int = 26) -> str:
    props = f'{_FONT}{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(text: str, *, bold: bool = False, center: bool = False, size: int = 26) -> str:
    align = '<w:jc w:val="center"/>' if center else ""
    return f"<w:p><w:pPr>{align}</w:pPr>{_run(text, bold=bold, size=size)}</w:p>"


def _cell(text: str, *, bold: bool = False, right: bool = False) -> str:
    align = '<w:jc w:val="right"/>' if right else ""
    return (
        '<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>'
        f"<w:p><w:pPr>{align}</w:pPr>{_run(text, bold=bold, size=22)}</w:p></w:tc>"
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    head = "<w:tr>" + "".join(_cell(text, bold=True) for text in header) + "</w:tr>"
    body = "".join(
        "<w:tr>"
        + "".join(_cell(text, right=index > 0) for index, text in enumerate(row))
        + "</w:tr>"
        for row in rows
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{borders}'
        f"</w:tblBorders></w:tblPr>{head}{body}</w:tbl>"
    )


def build_docx(
    *,
    title: str,
    lines: Sequence[str],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    landscape: bool = False,
) -> bytes:
    """Return a .docx with a centred bold title, the ``lines``, then the table."""
    width, height = (_A4_LONG, _A4_SHORT) if landscape else (_A4_SHORT, _A4_LONG)
    orient = ' w:orient="landscape"' if landscape else ""
    body = (
        _paragraph(title, bold=True, center=True, size=28)
        + "".join(_paragraph(line) for line in lines)
        + _table(header, rows)
        + "<w:p/>"
        + f'<w:sectPr><w:pgSz w:w="{width}" w:h="{height}"{orient}/>{_MARGINS}</w:sectPr>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document)
    return buffer.getvalue()
