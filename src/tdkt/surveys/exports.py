"""A survey's results and raw answers as Excel workbooks.

Texts go through ``tdkt.documents.safe.cell_value`` (a comment typed "=HYPERLINK(…)" stays
text and never runs as a formula); counts, averages and rates stay numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tdkt.documents.safe import cell_value
from tdkt.surveys.constants import QuestionKind, Rating
from tdkt.surveys.results import RawRow, SurveyResults

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_BOLD = Font(bold=True)
_WRAP = Alignment(vertical="top", wrap_text=True)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _row(sheet: Worksheet, values: Sequence[Any], *, bold: bool = False) -> None:
    sheet.append([cell_value(v) for v in values])
    if bold:
        for cell in sheet[sheet.max_row]:
            cell.font = _BOLD


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _local(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def render_results_xlsx(results: SurveyResults) -> bytes:
    """Return the results: summary, per question, per zone and the comments."""
    survey = results.survey
    workbook = Workbook()
    summary = workbook.active
    if summary is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    summary.title = "Tổng hợp"
    _row(summary, [f"KẾT QUẢ {survey.name.upper()}"], bold=True)
    _row(
        summary,
        [
            f"Thời gian khảo sát: {survey.opens_on:%d/%m/%Y} – {survey.closes_on:%d/%m/%Y}",
        ],
    )
    _row(summary, [])
    _row(summary, ["Doanh nghiệp thuộc phạm vi khảo sát", results.in_scope])
    _row(summary, ["Doanh nghiệp đã trả lời", results.answered])
    _row(summary, ["Tỷ lệ trả lời (%)", _number(results.rate)])
    _row(summary, ["Điểm trung bình chung (1–5)", _number(results.overall.average)])
    _row(summary, ["Chỉ số hài lòng (% đánh giá hài lòng, rất hài lòng)", _number(results.index)])
    _widths(summary, [55, 16])

    questions = workbook.create_sheet("Theo câu hỏi")
    labels = [str(Rating(r).label) for r in Rating.values]
    _row(
        questions,
        ["STT", "Nhóm", "Câu hỏi", "Số đánh giá", "Điểm trung bình", *labels, "Tỷ lệ hài lòng (%)"],
        bold=True,
    )
    for section in results.sections:
        for q in section.questions:
            if q.kind != QuestionKind.RATING:
                continue
            d = q.distribution
            _row(
                questions,
                [
                    q.number,
                    section.title,
                    q.text,
                    d.total,
                    _number(d.average),
                    *[d.counts[r] for r in Rating.values],
                    _number(d.satisfied_percent),
                ],
            )
    _widths(questions, [6, 28, 60, 12, 14, 14, 14, 14, 14, 14, 16])

    zones = workbook.create_sheet("Theo khu công nghiệp")
    _row(
        zones,
        [
            "Khu công nghiệp, khu chế xuất",
            "Doanh nghiệp trong phạm vi",
            "Đã trả lời",
            "Tỷ lệ trả lời (%)",
            "Chỉ số hài lòng (%)",
        ],
        bold=True,
    )
    for zone in results.zones:
        index: Any = (
            _number(zone.distribution.satisfied_percent)
            if zone.shown
            else f"Ẩn (dưới {results.min_zone_answers} doanh nghiệp trả lời)"
        )
        _row(zones, [zone.name, zone.in_scope, zone.answered, _number(zone.rate), index])
    _widths(zones, [40, 16, 12, 14, 30])

    comments = workbook.create_sheet("Ý kiến")
    heads = ["STT câu hỏi", "Câu hỏi", "Ý kiến"]
    if results.names_visible:
        heads.append("Doanh nghiệp")
    _row(comments, heads, bold=True)
    for c in results.comments:
        values: list[Any] = [c.number, c.question, c.text]
        if results.names_visible:
            values.append(c.enterprise)
        _row(comments, values)
        for cell in comments[comments.max_row]:
            cell.alignment = _WRAP
    _widths(comments, [10, 40, 70, 36])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def render_answers_xlsx(title: str, headings: list[str], rows: list[RawRow]) -> bytes:
    """Return one line per answering enterprise with each answer (for officers)."""
    workbook = Workbook()
    sheet = workbook.active
    if sheet is None:
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = "Phiếu trả lời"
    _row(sheet, [f"PHIẾU TRẢ LỜI {title.upper()}"], bold=True)
    _row(
        sheet,
        ["Doanh nghiệp", "Mã số thuế", "Khu công nghiệp", "Gửi lúc", "Sửa lần cuối", *headings],
        bold=True,
    )
    for row in rows:
        _row(
            sheet,
            [
                row.enterprise,
                row.tax_code,
                row.zone,
                _local(row.submitted_at),
                _local(row.updated_at),
                *row.values,
            ],
        )
    _widths(sheet, [40, 16, 30, 18, 18, *([24] * len(headings))])
    sheet.freeze_panes = "B3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
