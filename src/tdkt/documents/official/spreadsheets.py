"""Payment list (danh sách chi thưởng, §7) and the decision archive as Excel workbooks.

Numbers stay numbers so finance can add them up: amounts use the "#,##0" format, which Excel
and LibreOffice show with the reader's grouping sign (a dot on Vietnamese systems), dates are
real dates shown dd/mm/yyyy. Every text passes ``tdkt.documents.safe.cell_value``, so a name
typed as "=HYPERLINK(…)" stays text and never runs as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from tdkt.core.vnwords import amount_in_words
from tdkt.documents.safe import cell_value

from .formatting import KIND_LABELS, number_symbol, roman, short_date
from .model import ArchivedDecision, PaymentList, RecipientKind, ordered_groups

MONEY = "#,##0"
COEFFICIENT = "0.0#"
DATE = "dd/mm/yyyy"
_FONT = "Times New Roman"
_THIN = Side(style="thin")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)

STATUS_LABELS = {"draft": "Dự thảo", "signed": "Đã ký", "revoked": "Đã thu hồi"}
LINE_STATUS = {False: "Đã khen thưởng", True: "Đã thu hồi"}

PAYMENT_HEADERS = (
    ("STT", 6),
    ("Họ tên / Tập thể", 28),
    ("Đơn vị", 32),
    ("Danh hiệu / Hình thức", 18),
    ("Hệ số", 8),
    ("Mức lương cơ sở (đồng)", 14),
    ("Số tiền (đồng)", 14),
    ("Ký nhận", 14),
)


def _font(*, bold: bool = False, italic: bool = False, size: float = 12) -> Font:
    return Font(name=_FONT, bold=bold, italic=italic, size=size)


def _put(sheet: Worksheet, row: int, column: int, value: Any, **style: Any) -> None:
    cell = sheet.cell(row=row, column=column, value=cell_value(value))
    for name, setting in style.items():
        setattr(cell, name, setting)


def _title(sheet: Worksheet, row: int, text: str, width: int, font: Font) -> None:
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    _put(sheet, row, 1, text, font=font, alignment=_CENTER)


def render_payment_list_xlsx(payment: PaymentList) -> bytes:
    """Return the payment list of one decision as an .xlsx workbook."""
    workbook = Workbook()
    sheet = workbook.active
    if sheet is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = "Danh sách chi thưởng"
    width = len(PAYMENT_HEADERS)
    _put(sheet, 1, 1, payment.issuer.superior, font=_font())
    _put(sheet, 2, 1, payment.issuer.name, font=_font(bold=True))
    _title(sheet, 4, "DANH SÁCH CHI TIỀN THƯỞNG", width, _font(bold=True, size=14))
    ref = payment.decision
    dated = f" ngày {short_date(ref.issued_on)}" if ref.issued_on and not ref.is_draft else ""
    _title(sheet, 5, f"(Kèm theo Quyết định số {number_symbol(ref)}{dated})", width,
           _font(italic=True))  # fmt: skip
    header_row = 7
    for column, (text, col_width) in enumerate(PAYMENT_HEADERS, start=1):
        _put(sheet, header_row, column, text, font=_font(bold=True), alignment=_CENTER,
             border=_GRID)  # fmt: skip
        sheet.column_dimensions[get_column_letter(column)].width = col_width
    row = header_row + 1
    total = 0
    for g, (kind, lines) in enumerate(ordered_groups(payment.lines, payment.group_order), 1):
        _grid_row(sheet, row, width, [f"{roman(g)}. {KIND_LABELS[kind]} ({len(lines)})"], bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="left")
        row += 1
        for i, line in enumerate(lines, start=1):
            values = [i, line.name, line.unit, line.award, Decimal(line.coefficient),
                      payment.base_salary, line.amount, None]  # fmt: skip
            _grid_row(sheet, row, width, values)
            row += 1
        subtotal = sum(line.amount for line in lines)
        total += subtotal
        _grid_row(sheet, row, width, ["Cộng", *[None] * 5, subtotal], bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        row += 1
    _grid_row(sheet, row, width, ["Tổng cộng", *[None] * 5, total], bold=True)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    row += 1
    _put(sheet, row + 1, 1, f"Bằng chữ: {amount_in_words(total)}.", font=_font(italic=True))
    for column, caption in zip((2, 4, 7), payment.signatures, strict=False):
        _put(sheet, row + 3, column, caption, font=_font(bold=True), alignment=_CENTER)
        _put(sheet, row + 4, column, "(Ký, ghi rõ họ tên)", font=_font(italic=True),
             alignment=_CENTER)  # fmt: skip
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.freeze_panes = f"A{header_row + 1}"
    return _save(workbook)


def _grid_row(
    sheet: Worksheet, row: int, width: int, values: list[Any], *, bold: bool = False
) -> None:
    """Write ``values`` (padded to ``width``) with borders and the number formats by column."""
    for column in range(1, width + 1):
        value = values[column - 1] if column <= len(values) else None
        _put(sheet, row, column, value, font=_font(bold=bold), border=_GRID,
             alignment=_CENTER if column == 1 else _WRAP)  # fmt: skip
        cell = sheet.cell(row=row, column=column)
        if column == 5:
            cell.number_format = COEFFICIENT
        elif column in (6, 7):
            cell.number_format = MONEY


def _save(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


DECISION_HEADERS = (
    ("Số quyết định", 16), ("Ngày ký", 12), ("Trạng thái", 12), ("Người ký", 24),
    ("Trích yếu", 60), ("Số tập thể", 10), ("Số cá nhân", 10), ("Số hộ gia đình", 10),
    ("Tổng tiền thưởng (đồng)", 16),
)  # fmt: skip
LINE_HEADERS = (
    ("Số quyết định", 16), ("Ngày ký", 12), ("STT", 6), ("Đối tượng", 12),
    ("Họ tên / Tập thể", 28), ("Chức vụ, đơn vị", 40), ("Danh hiệu / Hình thức", 18),
    ("Số tiền (đồng)", 14), ("Trạng thái", 16),
)  # fmt: skip


def render_archive_xlsx(decisions: Iterable[ArchivedDecision]) -> bytes:
    """Return the archive of decisions: one sheet of decisions, one of all their lines.

    Written in openpyxl's streaming mode, so a decade of decisions does not sit in memory as
    cell objects.
    """
    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet("Quyết định")
    lines_sheet = workbook.create_sheet("Danh sách khen thưởng")
    for sheet, headers in ((summary, DECISION_HEADERS), (lines_sheet, LINE_HEADERS)):
        for column, (_, col_width) in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = col_width
        sheet.freeze_panes = "A2"
        sheet.append([_styled(sheet, text, font=_font(bold=True)) for text, _ in headers])
    for archived in decisions:
        doc = archived.decision
        ref = doc.reference
        number = None if ref.is_draft else number_symbol(ref)
        signed_on = None if ref.is_draft else ref.issued_on
        counts = {kind: sum(1 for line in doc.lines if line.kind == kind) for kind in RecipientKind}
        summary.append([
            _styled(summary, number),
            _styled(summary, signed_on, number_format=DATE),
            _styled(summary, STATUS_LABELS.get(archived.status, archived.status)),
            _styled(summary, f"{doc.signature.title.capitalize()} {doc.signature.name}"),
            _styled(summary, doc.subject),
            counts[RecipientKind.COLLECTIVE],
            counts[RecipientKind.INDIVIDUAL],
            counts[RecipientKind.HOUSEHOLD],
            _styled(summary, sum(line.amount for line in doc.lines), number_format=MONEY),
        ])  # fmt: skip
        for i, line in enumerate(doc.lines):
            lines_sheet.append([
                _styled(lines_sheet, number),
                _styled(lines_sheet, signed_on, number_format=DATE),
                i + 1,
                _styled(lines_sheet, KIND_LABELS[line.kind]),
                _styled(lines_sheet, line.name),
                _styled(lines_sheet, line.position_unit),
                _styled(lines_sheet, line.award),
                _styled(lines_sheet, line.amount, number_format=MONEY),
                _styled(lines_sheet, LINE_STATUS[i in archived.revoked_lines]),
            ])  # fmt: skip
    return _save(workbook)


def _styled(
    sheet: Any, value: Any, *, font: Font | None = None, number_format: str | None = None
) -> Any:
    """A streaming-mode cell (openpyxl's ``WriteOnlyCell`` is a factory, not a type)."""
    cell = WriteOnlyCell(sheet, value=cell_value(value))
    cell.font = font or _font()
    if number_format:
        cell.number_format = number_format
    return cell
