"""Files of the reports for the interfaces (web, command line): one call each."""

from __future__ import annotations

from datetime import date
from typing import Any

from tdkt.documents.official.annual import render_annual_report_docx, render_annual_report_pdf
from tdkt.documents.official.statistics import render_statistics_xlsx

from .selectors import annual_report, statistics_sheet


def statistics_xlsx(*, actor: Any, form: str, year_from: int, year_to: int) -> bytes:
    """Form ``form`` (0601–0605) filled for the years, as .xlsx (board-wide readers)."""
    sheet = statistics_sheet(actor=actor, form=form, year_from=year_from, year_to=year_to)
    return render_statistics_xlsx(sheet)


def annual_report_file(*, actor: Any, year: int, fmt: str, as_of: date | None = None) -> bytes:
    """The year's report as "docx" or "pdf" (board-wide readers)."""
    report = annual_report(actor=actor, year=year, as_of=as_of)
    return render_annual_report_docx(report) if fmt == "docx" else render_annual_report_pdf(report)
