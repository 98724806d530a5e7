"""The error report of a rejected import: the user's own sheet with the bad cells marked.

A newcomer fixes a file faster in the file than from a table on a page (issue #8): the report
is the uploaded sheet again, every row at its own row number, each bad cell filled red with the
messages in a comment, a last column "Lỗi" with the row's messages, and a second sheet listing
every error (file-level ones included). Texts pass through ``safe.cell_value`` so that nothing
a user typed runs as a formula when the report is opened. Written in openpyxl's write-only mode:
memory stays flat whatever the size of the file.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from .importing import Importer, ImportResult
from .safe import cell_value
from .xlsx import match_headers, read_table

BAD = PatternFill("solid", fgColor="FFC7CE")
BOLD = Font(bold=True)
ERROR_HEADER = "Lỗi"
AUTHOR = "tdkt"


def report_filename(importer: Importer) -> str:
    """Return the report's file name, e.g. ``loi-nhap-people.xlsx``."""
    return f"loi-nhap-{importer.name}.xlsx"


def build_error_report(
    *, data: bytes, filename: str, importer: Importer, result: ImportResult
) -> bytes:
    """Return the report workbook of ``result`` for the uploaded ``data`` (an .xlsx)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(importer.template_sheet_title[:31] or "Dữ liệu")
    errors_sheet = workbook.create_sheet("Danh sách lỗi")
    _marked_copy(sheet, data, filename, importer, result)
    _error_list(errors_sheet, result)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _marked_copy(
    sheet: Worksheet, data: bytes, filename: str, importer: Importer, result: ImportResult
) -> None:
    try:
        table = read_table(data, filename=filename, sheet=importer.sheet_name)
    except Exception:
        return
    match = match_headers(table.headers, {c.header: c.headers for c in importer.columns}, [])
    by_cell: dict[tuple[int, int], list[str]] = defaultdict(list)
    by_row: dict[int, list[str]] = defaultdict(list)
    for error in result.errors:
        if error.row is None:
            continue
        index = match.positions.get(error.column)
        if index is None:
            by_row[error.row].append(
                f"{error.column}: {error.message}" if error.column else error.message
            )
        else:
            by_cell[(error.row, index)].append(error.message)
            by_row[error.row].append(f"{error.column}: {error.message}")
    text_columns = {
        match.positions[c.header]
        for c in importer.columns
        if c.as_text and c.header in match.positions
    }
    width = len(table.headers)
    sheet.append(
        [
            _cell(sheet, 1, i, text, by_cell, text_columns, header=True)
            for i, text in enumerate(table.headers)
        ]
        + [_header(sheet, ERROR_HEADER)]
    )
    written = 1
    for raw in table.rows:
        while written < raw.number - 1:
            sheet.append([])
            written += 1
        values = list(raw.values[:width]) + [None] * (width - len(raw.values[:width]))
        cells = [
            _cell(sheet, raw.number, i, v, by_cell, text_columns) for i, v in enumerate(values)
        ]
        sheet.append([*cells, cell_value("; ".join(by_row.get(raw.number, [])) or None)])
        written = raw.number


def _header(sheet: Worksheet, text: str) -> Cell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = BOLD
    return cell


def _cell(
    sheet: Worksheet,
    row: int,
    index: int,
    value: Any,
    marks: dict[tuple[int, int], list[str]],
    text_columns: set[int],
    *,
    header: bool = False,
) -> Cell:
    cell = WriteOnlyCell(sheet, value=cell_value(value))
    if header:
        cell.font = BOLD
    if index in text_columns and not header:
        cell.number_format = "@"
    messages = marks.get((row, index))
    if messages:
        cell.fill = BAD
        cell.comment = Comment("\n".join(messages), AUTHOR)
    return cell


def _error_list(sheet: Worksheet, result: ImportResult) -> None:
    sheet.append([_header(sheet, text) for text in ("Dòng", "Cột", "Giá trị", "Lỗi")])
    for error in result.sorted_errors():
        sheet.append(
            [
                error.row if error.row is not None else "—",
                cell_value(error.column),
                cell_value(error.value),
                cell_value(error.message),
            ]
        )
