"""A session's results as an Excel workbook (one line per application).

Texts go through ``tdkt.documents.safe.cell_value`` (a title typed "=HYPERLINK(…)" stays text
and never runs as a formula); scores stay numbers so that people can sort and add them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tdkt.commendations.decision_texts import BOARD_NAME_UPPER, BOARD_SUPERIOR
from tdkt.documents.safe import cell_value
from tdkt.initiatives.constants import ApplicationState
from tdkt.initiatives.models import InitiativeCouncil
from tdkt.initiatives.selectors import ResultRow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FONT = "Times New Roman"
_THIN = Side(style="thin")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
HEADERS = (
    ("STT", 6),
    ("Tên sáng kiến", 44),
    ("Tác giả (tỷ lệ đóng góp)", 36),
    ("Đơn vị", 30),
    ("Số phiếu chấm", 10),
    ("Điểm trung bình", 12),
    ("Kết quả", 24),
)


def _put(sheet: Worksheet, row: int, column: int, value: Any, **style: Any) -> None:
    cell = sheet.cell(row=row, column=column, value=cell_value(value))
    for name, setting in style.items():
        setattr(cell, name, setting)


def _share(value: Any) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def render_results_xlsx(council: InitiativeCouncil, rows: Sequence[ResultRow]) -> bytes:
    """Return the workbook of a session's results, best average first."""
    book = Workbook()
    sheet = book.active
    if sheet is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = "Kết quả xét sáng kiến"
    width = len(HEADERS)
    _put(sheet, 1, 1, BOARD_SUPERIOR, font=Font(name=_FONT, size=12))
    _put(sheet, 2, 1, BOARD_NAME_UPPER, font=Font(name=_FONT, bold=True, size=12))
    subtitle = f"Điểm đạt: {_share(council.pass_mark)}"
    if council.decision_number and council.decision_date:
        subtitle += (
            f" · Quyết định công nhận số {council.decision_number}"
            f" ngày {council.decision_date:%d/%m/%Y}"
        )
    for row, text, font in (
        (
            4,
            f"KẾT QUẢ XÉT SÁNG KIẾN — {council.name.upper()}",
            Font(name=_FONT, bold=True, size=14),
        ),
        (5, subtitle, Font(name=_FONT, italic=True, size=12)),
    ):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        _put(sheet, row, 1, text, font=font, alignment=_CENTER)
    for column, (label, size) in enumerate(HEADERS, start=1):
        _put(
            sheet,
            7,
            column,
            label,
            font=Font(name=_FONT, bold=True),
            alignment=_CENTER,
            border=_GRID,
        )
        sheet.column_dimensions[get_column_letter(column)].width = size
    sheet.freeze_panes = "A8"
    body = Font(name=_FONT, size=12)
    for index, result in enumerate(rows, start=1):
        application = result.application
        values = (
            index,
            application.title,
            "; ".join(f"{a.person.full_name} ({_share(a.share)}%)" for a in result.authors),
            application.organization.name,
            result.reviews,
            float(result.average) if result.average is not None else None,
            str(ApplicationState(application.state).label),
        )
        for column, value in enumerate(values, start=1):
            _put(sheet, 7 + index, column, value, font=body, alignment=_WRAP, border=_GRID)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
