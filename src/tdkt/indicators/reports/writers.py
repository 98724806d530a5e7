"""The reports as files for people: Excel tables and the Word table of the annual report.

They take the JSON documents of ``indicators.py`` and ``procedures.py`` so the files always
say the same as ``--format json``. Text cells pass through ``documents.safe.cell_value`` (an
indicator or field name typed as "=…" cannot run as a formula).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tdkt.documents.safe import cell_value
from tdkt.indicators.formatting import format_number, format_share

from .docx import build_docx

_BOLD = Font(bold=True)
_NUMBER = "#,##0.##"


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet(workbook: Workbook, title: str) -> Any:
    sheet = workbook.active
    if sheet is None:  # a new workbook always has its first sheet active
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = title
    return sheet


def _widths(sheet: Any, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def indicator_report_xlsx(document: dict[str, Any]) -> bytes:
    """Return the indicator report of a year as an Excel table."""
    with translation.override("vi"):
        workbook = Workbook()
        sheet = _sheet(workbook, "Chỉ tiêu")
        sheet.append([_("Báo cáo chỉ tiêu năm %(year)s") % {"year": document["year"]}])
        sheet["A1"].font = Font(bold=True, size=13)
        rates = document["exchange_rates"]
        sheet.append([rates_sentence(rates)])
        sheet.append([])
        sheet.append(
            [
                _("Mã chỉ tiêu"),
                _("Tên chỉ tiêu"),
                _("Đơn vị tính"),
                _("Đơn vị"),
                _("Kế hoạch"),
                _("Thực hiện"),
                _("Thực hiện năm trước"),
                _("% kế hoạch"),
                _("Tăng trưởng (%)"),
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.font = _BOLD
        for line in document["indicators"]:
            sheet.append(
                [
                    cell_value(line["code"]),
                    cell_value(line["name"]),
                    cell_value(line["unit"]),
                    cell_value(line["organization"] or _("Cả Ban")),
                    line["plan"],
                    line["actual"],
                    line["previous_actual"],
                    line["percent_of_plan"],
                    line["growth_percent"],
                ]
            )
            for cell in sheet[sheet.max_row][4:7]:
                cell.number_format = _NUMBER
            for cell in sheet[sheet.max_row][7:9]:
                cell.number_format = "0.0"
        _widths(sheet, [16, 34, 12, 30, 18, 18, 18, 12, 14])
        sheet.freeze_panes = "A5"
        return _save(workbook)


def rates_sentence(rates: dict[str, Any]) -> str:
    """Say which exchange rates a report used: "Tỷ giá quy đổi: 1 USD = 23.155 đồng"."""
    if not rates:
        return _("Không có tỷ giá quy đổi cho năm này.")
    parts = [
        _("1 %(currency)s = %(rate)s đồng") % {"currency": c, "rate": format_number(r)}
        for c, r in rates.items()
    ]
    return _("Tỷ giá quy đổi: %(rates)s.") % {"rates": "; ".join(parts)}


PROCEDURE_COLUMNS = (
    ("received", "count"),
    ("online", "count"),
    ("online_share", "share"),
    ("resolved", "count"),
    ("resolved_share", "share"),
    ("resolved_on_time", "count"),
    ("resolved_late", "count"),
    ("on_time_rate", "share"),
    ("pending", "count"),
    ("pending_overdue", "count"),
)


def procedure_headers() -> list[str]:
    """Return the Vietnamese column titles of the dossier table, first column included."""
    return [
        _("Lĩnh vực"),
        _("Tiếp nhận"),
        _("Trực tuyến"),
        _("Tỷ lệ trực tuyến"),
        _("Đã giải quyết"),
        _("Tỷ lệ đã giải quyết"),
        _("Đúng hạn"),
        _("Trễ hạn"),
        _("Tỷ lệ đúng hạn"),
        _("Đang giải quyết"),
        _("Đang giải quyết quá hạn"),
    ]


def procedure_lines(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Return (label, figures) per line: the total first, then each field."""
    lines = [(_("Tổng cộng"), document)]
    lines.extend(
        (group["field"] or _("Chưa phân lĩnh vực"), group) for group in document["by_field"]
    )
    return lines


def period_sentence(date_from: date, date_to: date, as_of: date) -> str:
    """Describe the period of a dossier report in Vietnamese."""
    return _("Hồ sơ tiếp nhận từ %(a)s đến %(b)s, tình trạng tại ngày %(c)s.") % {
        "a": date_from.strftime("%d/%m/%Y"),
        "b": date_to.strftime("%d/%m/%Y"),
        "c": as_of.strftime("%d/%m/%Y"),
    }


def procedure_report_xlsx(
    document: dict[str, Any], date_from: date, date_to: date, as_of: date
) -> bytes:
    """Return the dossier report as an Excel table (shares as percentages)."""
    with translation.override("vi"):
        workbook = Workbook()
        sheet = _sheet(workbook, "Hồ sơ TTHC")
        sheet.append([_("Kết quả giải quyết thủ tục hành chính")])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([period_sentence(date_from, date_to, as_of)])
        sheet.append([])
        sheet.append(procedure_headers())
        for cell in sheet[sheet.max_row]:
            cell.font = _BOLD
        for label, figures in procedure_lines(document):
            sheet.append([cell_value(label), *(figures[key] for key, _kind in PROCEDURE_COLUMNS)])
            for cell, (_key, kind) in zip(sheet[sheet.max_row][1:], PROCEDURE_COLUMNS, strict=True):
                cell.number_format = "0.00%" if kind == "share" else "#,##0"
        _widths(sheet, [28, *([13] * len(PROCEDURE_COLUMNS))])
        sheet.freeze_panes = "B5"
        return _save(workbook)


def procedure_report_docx(
    document: dict[str, Any], date_from: date, date_to: date, as_of: date
) -> bytes:
    """Return the dossier report as a Word table for the annual report (A4 landscape)."""
    with translation.override("vi"):
        rows = []
        for label, figures in procedure_lines(document):
            cells = [label]
            for key, kind in PROCEDURE_COLUMNS:
                value = figures[key]
                cells.append(format_share(value) if kind == "share" else format_number(value))
            rows.append(cells)
        return build_docx(
            title=_("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"),
            lines=[period_sentence(date_from, date_to, as_of)],
            header=procedure_headers(),
            rows=rows,
            landscape=True,
        )
