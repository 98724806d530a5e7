"""The prize list of a contest as an Excel workbook.

Texts go through ``tdkt.documents.safe.cell_value`` (a title typed "=HYPERLINK(…)" stays text
and never runs as a formula); averages and amounts stay numbers so that people can add them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from tdkt.commendations.decision_texts import BOARD_NAME_UPPER, BOARD_SUPERIOR
from tdkt.contests.constants import PrizeRank
from tdkt.contests.models import Contest
from tdkt.contests.selectors import PrizeLine
from tdkt.documents.safe import cell_value

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FONT = "Times New Roman"
_THIN = Side(style="thin")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
MONEY = "#,##0"
HEADERS = (
    ("STT", 6),
    ("Giải", 18),
    ("Tên bài viết", 40),
    ("Nhân vật được viết về", 30),
    ("Tác giả", 28),
    ("Đơn vị gửi bài", 36),
    ("Điểm trung bình", 12),
    ("Tiền thưởng (đồng)", 16),
)


def prize_list_workbook(contest: Contest, lines: Sequence[PrizeLine]) -> bytes:
    """Return the prize list of ``contest`` (its winners, best prize first) as .xlsx bytes."""
    book = Workbook()
    sheet = book.active
    if sheet is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = "Danh sách đoạt giải"
    width = len(HEADERS)
    rows = [
        (BOARD_SUPERIOR, Font(name=_FONT, size=12)),
        (BOARD_NAME_UPPER, Font(name=_FONT, size=12, bold=True)),
        (f"DANH SÁCH ĐOẠT GIẢI {contest.name.upper()}", Font(name=_FONT, size=13, bold=True)),
    ]
    if contest.plan_number:
        plan = f"Theo Kế hoạch số {contest.plan_number}"
        if contest.plan_date:
            plan += f" ngày {contest.plan_date:%d/%m/%Y}"
        rows.append((plan, Font(name=_FONT, size=12, italic=True)))
    for index, (text, font) in enumerate(rows, start=1):
        cell = sheet.cell(row=index, column=1, value=cell_value(text))
        cell.font = font
        cell.alignment = _CENTER
        sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=width)
    head = len(rows) + 2
    for column, (title, size) in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=head, column=column, value=title)
        cell.font = Font(name=_FONT, bold=True)
        cell.alignment = _CENTER
        cell.border = _GRID
        sheet.column_dimensions[get_column_letter(column)].width = size
    total = 0
    for number, line in enumerate(lines, start=1):
        entry = line.entry
        values = (
            number,
            str(PrizeRank(entry.prize).label),
            entry.title,
            entry.subject_name,
            entry.authors,
            entry.organization.name,
            float(line.average) if line.average is not None else None,
            line.amount,
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=head + number, column=column, value=cell_value(value))
            cell.font = Font(name=_FONT)
            cell.border = _GRID
            cell.alignment = _WRAP
            if column == 7:
                cell.number_format = "0.00"
            if column == 8:
                cell.number_format = MONEY
        total += line.amount
    last = head + len(lines) + 1
    label = sheet.cell(row=last, column=1, value="Tổng cộng")
    label.font = Font(name=_FONT, bold=True)
    sheet.merge_cells(start_row=last, start_column=1, end_row=last, end_column=width - 1)
    amount = sheet.cell(row=last, column=width, value=total)
    amount.font = Font(name=_FONT, bold=True)
    amount.number_format = MONEY
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
