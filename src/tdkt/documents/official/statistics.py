"""Statutory statistics forms (biểu mẫu thống kê) as Excel grids, rendered from plain data.

Circular 02/2023/TT-BNV forms 0601–0605 (documents-and-forms §8) share one frame, which this
module draws; the rows, columns and figures of each form come from the caller
(``tdkt.reports.statistics``):

* top left: the form's number ("Biểu số: 0601.N/BNV-TĐKT"), the circular, the receipt date;
  top right: the reporting and the receiving unit;
* the UPPERCASE title, the period and the unit of measure;
* the grid: column A (label), B (row code, "mã số"), C (unit, when the form has one), then the
  numbered figure columns; a figure column may be split (TT / CN) under its number;
* the footer: the place and date line, "Người lập biểu" on the left and "Thủ trưởng đơn vị"
  on the right.

Figures stay numbers (a sum in Excel works); ``None`` leaves a cell blank for the officer to
fill in. Every text passes ``tdkt.documents.safe.cell_value`` (formula injection).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from tdkt.documents.safe import cell_value

_FONT = "Times New Roman"
_THIN = Side(style="thin")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_NUMBER = "#,##0"


@dataclass(frozen=True, kw_only=True)
class StatColumn:
    """One figure column: the number printed under the headings, the heading, and the split
    label (``"TT"``/``"CN"``) when the numbered column is divided."""

    number: str
    heading: str
    split: str = ""


@dataclass(frozen=True, kw_only=True)
class StatRow:
    """One line of the grid. A row without ``code`` is a group heading (no figures)."""

    label: str
    code: str = ""
    unit: str = ""
    values: tuple[int | None, ...] = ()
    indent: int = 0
    bold: bool = False


@dataclass(frozen=True, kw_only=True)
class StatisticsSheet:
    """Everything one statistics form prints."""

    form_number: str
    """E.g. "0601.N/BNV-TĐKT"."""
    legal_basis: str
    """"Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"."""
    receipt_date: str
    """"Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo"."""
    reporting_unit: str
    receiving_unit: str
    title: str
    period: str
    unit_of_measure: str
    columns: tuple[StatColumn, ...]
    rows: tuple[StatRow, ...]
    has_unit_column: bool = False
    place_date: str = "…, ngày … tháng … năm …"
    note: str = ""
    """A line under the grid (e.g. which figures the officer fills in)."""


def _font(*, bold: bool = False, italic: bool = False, size: float = 12) -> Font:
    return Font(name=_FONT, bold=bold, italic=italic, size=size)


def _put(
    sheet: Worksheet,
    row: int,
    column: int,
    value: object,
    *,
    font: Font | None = None,
    alignment: Alignment | None = None,
    border: Border | None = None,
) -> None:
    cell = sheet.cell(row=row, column=column, value=cell_value(value))
    cell.font = font or _font()
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border


def _merge(sheet: Worksheet, row: int, first: int, last: int, *, rows: int = 1) -> None:
    if last > first or rows > 1:
        sheet.merge_cells(
            start_row=row, start_column=first, end_row=row + rows - 1, end_column=last
        )


def _grid_box(sheet: Worksheet, top: int, bottom: int, left: int, right: int) -> None:
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            sheet.cell(row=r, column=c).border = _GRID


def _groups(columns: tuple[StatColumn, ...]) -> list[tuple[int, int, StatColumn]]:
    """Consecutive columns sharing a number: (first index, last index, first column)."""
    groups: list[tuple[int, int, StatColumn]] = []
    for index, column in enumerate(columns):
        if groups and groups[-1][2].number == column.number:
            first, _last, head = groups[-1]
            groups[-1] = (first, index, head)
        else:
            groups.append((index, index, column))
    return groups


def render_statistics_xlsx(form: StatisticsSheet) -> bytes:
    """Return the statistics form as an .xlsx workbook in the circular's frame."""
    workbook = Workbook()
    sheet = workbook.active
    if sheet is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = f"Biểu {form.form_number.split('.')[0]}"
    label_cols = 3 if form.has_unit_column else 2
    width = label_cols + len(form.columns)
    half = max(label_cols, width // 2)

    # Header block: form number on the left, units on the right.
    left_lines = (f"Biểu số: {form.form_number}", form.legal_basis, form.receipt_date)
    right_lines = (
        f"Đơn vị báo cáo: {form.reporting_unit}",
        f"Đơn vị nhận báo cáo: {form.receiving_unit}",
    )
    for offset, text in enumerate(left_lines):
        _put(sheet, 1 + offset, 1, text, font=_font(bold=offset == 0, italic=offset > 0, size=11))
        _merge(sheet, 1 + offset, 1, half)
        sheet.cell(row=1 + offset, column=1).alignment = _LEFT
    for offset, text in enumerate(right_lines):
        _put(sheet, 1 + offset, half + 1, text, font=_font(size=11), alignment=_LEFT)
        _merge(sheet, 1 + offset, half + 1, width)

    # Title block.
    row = 5
    for text, font in (
        (form.title.upper(), _font(bold=True, size=13)),
        (form.period, _font(italic=True)),
        (f"Đơn vị tính: {form.unit_of_measure}", _font(italic=True, size=11)),
    ):
        _put(sheet, row, 1, text, font=font, alignment=_CENTER)
        _merge(sheet, row, 1, width)
        row += 1
    row += 1

    # Column headings: two heading rows (a split column shows its split on the second), then
    # the row of column letters and numbers.
    top = row
    labels = ["", "Mã số", "Đơn vị tính"][:label_cols]
    labels[0] = "Chỉ tiêu"
    for index, text in enumerate(labels):
        _put(sheet, top, index + 1, text, font=_font(bold=True, size=11), alignment=_CENTER)
        _merge(sheet, top, index + 1, index + 1, rows=2)
        _put(
            sheet,
            top + 2,
            index + 1,
            "ABC"[index],
            font=_font(bold=True, size=11),
            alignment=_CENTER,
        )
    for first, last, head in _groups(form.columns):
        c1, c2 = label_cols + first + 1, label_cols + last + 1
        _put(sheet, top, c1, head.heading, font=_font(bold=True, size=11), alignment=_CENTER)
        if head.split:
            _merge(sheet, top, c1, c2)
            for index in range(first, last + 1):
                split = form.columns[index].split
                _put(
                    sheet,
                    top + 1,
                    label_cols + index + 1,
                    split,
                    font=_font(bold=True, size=11),
                    alignment=_CENTER,
                )
        else:
            _merge(sheet, top, c1, c2, rows=2)
        _put(sheet, top + 2, c1, head.number, font=_font(bold=True, size=11), alignment=_CENTER)
        _merge(sheet, top + 2, c1, c2)
    row = top + 3

    # Rows.
    for line in form.rows:
        indent = "    " * line.indent
        _put(
            sheet,
            row,
            1,
            indent + line.label,
            font=_font(bold=line.bold or not line.code, italic=not line.code, size=11),
            alignment=_LEFT,
        )
        _put(sheet, row, 2, line.code, font=_font(size=11), alignment=_CENTER)
        if form.has_unit_column:
            _put(sheet, row, 3, line.unit, font=_font(size=11), alignment=_CENTER)
        if line.code:
            for index, value in enumerate(line.values):
                cell = sheet.cell(row=row, column=label_cols + index + 1, value=value)
                cell.font = _font(bold=line.bold, size=11)
                cell.number_format = _NUMBER
        row += 1
    _grid_box(sheet, top, row - 1, 1, width)

    # Footer.
    row += 1
    if form.note:
        _put(sheet, row, 1, form.note, font=_font(italic=True, size=10), alignment=_LEFT)
        _merge(sheet, row, 1, width)
        row += 2
    _put(sheet, row, half + 1, form.place_date, font=_font(italic=True), alignment=_CENTER)
    _merge(sheet, row, half + 1, width)
    row += 1
    _put(sheet, row, 1, "Người lập biểu", font=_font(bold=True), alignment=_CENTER)
    _merge(sheet, row, 1, half)
    _put(sheet, row, half + 1, "Thủ trưởng đơn vị", font=_font(bold=True), alignment=_CENTER)
    _merge(sheet, row, half + 1, width)
    row += 1
    _put(sheet, row, 1, "(Ký, họ tên)", font=_font(italic=True), alignment=_CENTER)
    _merge(sheet, row, 1, half)
    _put(sheet, row, half + 1, "(Ký, họ tên, đóng dấu)", font=_font(italic=True), alignment=_CENTER)
    _merge(sheet, row, half + 1, width)

    # Page: landscape A4, fit to one page wide (stat forms may be landscape, §1.1).
    sheet.column_dimensions["A"].width = 46
    sheet.column_dimensions["B"].width = 8
    if form.has_unit_column:
        sheet.column_dimensions["C"].width = 11
    for index in range(len(form.columns)):
        sheet.column_dimensions[get_column_letter(label_cols + index + 1)].width = 11
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{top}:{top + 2}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
