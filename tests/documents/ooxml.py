"""Write XLSX packages part by part: files as Excel saves them (shared strings, date styles)
and hostile ones (a row of millions of cells, a huge shared-string table) that openpyxl
would never write.

openpyxl writes every text as an inline string; Excel writes a shared-string table and real
dates as numbers with a date style. ``excel_like`` writes what Excel writes, so the reader and
the benchmark see the usual shape of an uploaded file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
PARTS = {
    "/xl/workbook.xml": f"{SML}.sheet.main+xml",
    "/xl/worksheets/sheet1.xml": f"{SML}.worksheet+xml",
    "/xl/sharedStrings.xml": f"{SML}.sharedStrings+xml",
    "/xl/styles.xml": f"{SML}.styles+xml",
}
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in PARTS.items())
    + "</Types>"
)
ROOT_RELS = (
    f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
# Style 0 is General, style 1 a dd/mm/yyyy date (custom format 164), style 2 Text ("@").
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1">'
    '<fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/>'
    '</borders><cellStyleXfs count="1"><xf/>'
    '</cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/>'
    '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
EPOCH = date(1899, 12, 30)


def workbook_xml(*, sheet_name: str = "Dữ liệu", date1904: bool = False) -> str:
    flag = ' date1904="1"' if date1904 else ""
    return (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr{flag}/><sheets>'
        f'<sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def package(
    sheet: bytes | str,
    shared: bytes | str = f'<sst xmlns="{MAIN}" count="0" uniqueCount="0"/>',
    *,
    workbook: str | None = None,
) -> bytes:
    """Return an .xlsx holding ``sheet`` (the worksheet part) and ``shared`` (the string table)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook or workbook_xml())
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def excel_like(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, text_columns: Iterable[int] = ()
) -> bytes:
    """Return the .xlsx Excel would save: texts in the shared-string table, numbers as numbers,
    dates as serial numbers with a dd/mm/yyyy style; ``text_columns`` (0-based) get the Text
    format, like the CCCD and phone columns of the templates."""
    as_text = set(text_columns)
    strings: dict[str, int] = {}
    parts = [f'<worksheet xmlns="{MAIN}"><sheetData>']
    for number, values in enumerate([list(headers), *map(list, rows)], start=1):
        parts.append(f'<row r="{number}">')
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            ref = f"{_letters(index + 1)}{number}"
            style = ' s="2"' if index in as_text else ""
            if isinstance(value, bool):
                parts.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, datetime | date):
                day = value.date() if isinstance(value, datetime) else value
                parts.append(f'<c r="{ref}" s="1"><v>{(day - EPOCH).days}</v></c>')
            elif isinstance(value, int | float):
                parts.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
            else:
                key = strings.setdefault(str(value), len(strings))
                parts.append(f'<c r="{ref}"{style} t="s"><v>{key}</v></c>')
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    shared = (
        f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )
    return package("".join(parts), shared)
