"""The register of petitions as an Excel workbook (sổ theo dõi đơn thư).

User text goes through ``tdkt.documents.safe.cell_value``: a summary typed "=HYPERLINK(…)"
stays text. Dates are real dates shown dd/mm/yyyy so that the sheet can be sorted.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from tdkt.core.selectors import working_calendar
from tdkt.documents.safe import cell_value

from .models import Petition
from .selectors import deadline_settings, urgency_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE = "dd/mm/yyyy"
HEADERS = (
    ("Số đơn", 10),
    ("Ngày nhận", 12),
    ("Loại đơn", 16),
    ("Người gửi", 28),
    ("Tóm tắt nội dung", 50),
    ("Người, tập thể liên quan", 30),
    ("Tình trạng", 22),
    ("Hạn thụ lý", 12),
    ("Ngày thụ lý", 12),
    ("Hạn giải quyết", 14),
    ("Thời hạn", 22),
    ("Ngày kết thúc", 13),
    ("Kết quả", 24),
    ("Số văn bản", 18),
)


def register_xlsx(petitions: Iterable[Petition], *, today: date) -> bytes:
    """Return the workbook of ``petitions`` (already scoped and filtered by the caller)."""
    book = Workbook()
    sheet = book.active
    if sheet is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = "Sổ theo dõi đơn thư"
    bold = Font(bold=True)
    for column, (title, width) in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=1, column=column, value=title)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[cell.column_letter].width = width
    calendar = working_calendar()
    settings = deadline_settings()
    for row, petition in enumerate(petitions, start=2):
        urgency = urgency_of(petition, today=today, calendar=calendar, settings=settings)
        concerned = petition.concerned_person or petition.concerned_organization
        values = (
            petition.reference,
            petition.received_on,
            petition.get_kind_display(),
            petition.sender_name,
            petition.summary,
            str(concerned) if concerned else "",
            petition.get_state_display(),
            petition.acceptance_due_on,
            petition.accepted_on,
            petition.due_on,
            urgency.text if urgency else "",
            petition.ended_on,
            petition.outcome_label,
            petition.resolution_number,
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=cell_value(value))
            if isinstance(value, date):
                cell.number_format = DATE
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
