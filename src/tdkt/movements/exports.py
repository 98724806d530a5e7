"""Registration lists as Excel workbooks (one unit's sheet; the whole year for the Board).

Texts go through ``tdkt.documents.safe.cell_value`` (a name typed "=HYPERLINK(…)" stays text
and never runs as a formula); counts and rates stay numbers so that people can add them up.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tdkt.commendations.decision_texts import BOARD_NAME_UPPER, BOARD_SUPERIOR
from tdkt.documents.safe import cell_value
from tdkt.movements.codes import code_label
from tdkt.movements.constants import SheetState
from tdkt.movements.models import RegistrationLine, RegistrationSheet
from tdkt.movements.selectors.registrations import UnitRegistration, reference_date, sheet_lines
from tdkt.organizations.models import Employment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FONT = "Times New Roman"
_THIN = Side(style="thin")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
PERCENT = "0.0"

LINE_HEADERS = (
    ("STT", 6),
    ("Họ và tên / Tên tập thể", 32),
    ("Tập thể / Cá nhân", 12),
    ("Chức vụ", 24),
    ("Danh hiệu, hình thức đăng ký", 34),
    ("Ghi chú", 30),
)
SUMMARY_HEADERS = (
    ("STT", 6),
    ("Đơn vị", 40),
    ("Tình trạng bản đăng ký", 22),
    ("Phải đăng ký", 12),
    ("Đã đăng ký", 12),
    ("Tỷ lệ (%)", 10),
    ("Chưa đăng ký", 50),
)


@dataclass(frozen=True)
class LineRow:
    """One printed line: who, their kind and position, the title, the note."""

    name: str
    kind: str
    position: str
    title: str
    note: str


def _put(sheet: Worksheet, row: int, column: int, value: Any, **style: Any) -> None:
    cell = sheet.cell(row=row, column=column, value=cell_value(value))
    for name, setting in style.items():
        setattr(cell, name, setting)


def _font(*, bold: bool = False, italic: bool = False, size: float = 12) -> Font:
    return Font(name=_FONT, bold=bold, italic=italic, size=size)


def _head(sheet: Worksheet, title: str, subtitle: str, headers: Sequence[tuple[str, int]]) -> int:
    width = len(headers)
    _put(sheet, 1, 1, BOARD_SUPERIOR, font=_font())
    _put(sheet, 2, 1, BOARD_NAME_UPPER, font=_font(bold=True))
    for row, text, font in (
        (4, title, _font(bold=True, size=14)),
        (5, subtitle, _font(italic=True)),
    ):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        _put(sheet, row, 1, text, font=font, alignment=_CENTER)
    for column, (label, size) in enumerate(headers, start=1):
        _put(sheet, 7, column, label, font=_font(bold=True), alignment=_CENTER, border=_GRID)
        sheet.column_dimensions[get_column_letter(column)].width = size
    sheet.freeze_panes = "A8"
    return 8


def _positions(lines: Iterable[RegistrationLine], unit_id: int, on: date) -> dict[int, str]:
    people = [line.person_id for line in lines if line.person_id]
    posts = (
        Employment.objects.filter(person_id__in=people, organization_id=unit_id, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .values_list("person_id", "position")
    )
    return dict(posts)


def line_rows(sheet: RegistrationSheet, today: date | None = None) -> list[LineRow]:
    """Return the sheet's lines as printed: names, kinds, positions, labels of the titles."""
    lines = list(sheet_lines(sheet))
    positions = _positions(lines, sheet.organization_id, reference_date(sheet.campaign.year, today))
    return [
        LineRow(
            name=str(line.person or line.organization),
            kind="Cá nhân" if line.person_id else "Tập thể",
            position=positions.get(line.person_id or 0, ""),
            title=code_label(line.code, "vi"),
            note=line.note,
        )
        for line in lines
    ]


def render_sheet_xlsx(sheet: RegistrationSheet, today: date | None = None) -> bytes:
    """Return one unit's registration list for the year as an .xlsx workbook."""
    workbook = Workbook()
    ws = workbook.active
    if ws is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    ws.title = "Đăng ký thi đua"
    state = SheetState(sheet.state).label
    row = _head(
        ws,
        f"DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM {sheet.campaign.year}",
        f"{sheet.organization.name} — {state}",
        LINE_HEADERS,
    )
    for index, line in enumerate(line_rows(sheet, today), start=1):
        values = (index, line.name, line.kind, line.position, line.title, line.note)
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value, font=_font(), alignment=_WRAP, border=_GRID)
        row += 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def render_summary_xlsx(year: int, units: Sequence[UnitRegistration], target: int) -> bytes:
    """Return the year's registration rates per unit, with who has not registered."""
    workbook = Workbook()
    ws = workbook.active
    if ws is None:
        raise RuntimeError("new workbook has no active sheet")
    ws.title = "Tổng hợp"
    row = _head(
        ws,
        f"TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM {year}",
        f"Chỉ tiêu: {target}% tập thể, cá nhân đăng ký thi đua",
        SUMMARY_HEADERS,
    )
    for index, unit in enumerate(units, start=1):
        missing = [p.full_name for p in unit.missing_people]
        if not unit.collective_registered:
            missing.insert(0, f"Tập thể {unit.organization.name}")
        state = str(SheetState(unit.sheet.state).label) if unit.sheet else "Chưa lập"
        values: tuple[Any, ...] = (
            index,
            unit.organization.name,
            state,
            unit.eligible,
            unit.registered,
            float(unit.rate),
            "; ".join(missing),
        )
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value, font=_font(), alignment=_WRAP, border=_GRID)
        ws.cell(row=row, column=6).number_format = PERCENT
        row += 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
