"""Build the downloadable XLSX template of an importer ("Tải mẫu").

The template is the easiest way to get the headers right: the data sheet has the header row
(bold, required columns marked "*") and drop-down lists; the "Hướng dẫn" sheet explains each
column in Vietnamese with its allowed values and a sample row. Every text goes through
``safe.cell_value`` so nothing written here can run as a formula.
"""

from __future__ import annotations

import io
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .importing import Importer
from .importing.columns import vietnamese_labels
from .safe import cell_value

GUIDE_TITLE = "Hướng dẫn"
LISTS_TITLE = "Danh mục"
TEMPLATE_ROWS = 1000  # rows covered by the drop-down lists
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def template_filename(importer: Importer) -> str:
    """Return the download name, e.g. ``mau-nhap-people.xlsx``."""
    return f"mau-nhap-{importer.name}.xlsx"


def build_template(importer: Importer) -> bytes:
    """Return the XLSX template of ``importer`` as bytes."""
    with translation.override("vi"):
        workbook = Workbook()
        data = workbook.active
        if data is None:  # a new workbook always has its first sheet active
            raise RuntimeError("new workbook has no active sheet")
        data.title = importer.template_sheet_title
        lists = workbook.create_sheet(LISTS_TITLE)
        lists.sheet_state = "hidden"
        _write_data_sheet(data, lists, importer)
        _write_guide(workbook.create_sheet(GUIDE_TITLE), importer)
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def _header_text(column: Any) -> str:
    return f"{column.header}*" if column.required else column.header


def _write_data_sheet(sheet: Any, lists: Any, importer: Importer) -> None:
    list_column = 0
    for index, column in enumerate(importer.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=cell_value(_header_text(column)))
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(column.header) + 6)
        if column.as_text:  # so Excel keeps the leading zeros of a CCCD or tax code
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = "@"
        if not column.options:
            continue
        # The values live on a hidden sheet: inline lists break on labels with commas.
        list_column += 1
        list_letter = get_column_letter(list_column)
        labels = vietnamese_labels(column.options)
        lists.cell(row=1, column=list_column, value=cell_value(column.header))
        for offset, label in enumerate(labels, start=2):
            lists.cell(row=offset, column=list_column, value=cell_value(label))
        validation = DataValidation(
            type="list",
            formula1=f"'{LISTS_TITLE}'!${list_letter}$2:${list_letter}${len(labels) + 1}",
            allow_blank=True,
            errorStyle="warning",
            showErrorMessage=True,
            errorTitle=_("Giá trị ngoài danh sách"),
            error=_("Nên chọn một giá trị trong danh sách."),
        )
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"


def _write_guide(sheet: Any, importer: Importer) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.append([cell_value(str(importer.title))])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([cell_value(str(importer.description))])
    sheet.append([cell_value(_("Cột có dấu * là bắt buộc. Dòng 1 của trang dữ liệu là tiêu đề."))])
    sheet.append([])
    sheet.append([_("Cột"), _("Bắt buộc"), _("Giá trị cho phép, hướng dẫn"), _("Ví dụ")])
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
    for column in importer.columns:
        allowed = str(column.help)
        if column.options:
            allowed = f"{allowed} " + _("Một trong: %(values)s.") % {
                "values": "; ".join(vietnamese_labels(column.options))
            }
        sheet.append(
            [
                cell_value(_header_text(column)),
                _("Có") if column.required else _("Không"),
                cell_value(allowed.strip()),
                cell_value(column.example),
            ]
        )
    sheet.append([])
    sheet.append([_("Dòng ví dụ (chép sang trang dữ liệu, bắt đầu từ dòng 2):")])
    sheet[sheet.max_row][0].font = _BOLD
    sheet.append([cell_value(_header_text(c)) for c in importer.columns])
    sheet.append([cell_value(c.example) for c in importer.columns])
    for letter, width in zip("ABCD", (26, 10, 70, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=6):
        for cell in row:
            cell.alignment = wrap
