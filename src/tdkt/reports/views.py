"""Report screens: the dashboard, the statistics forms, the annual report and its texts."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer, is_board_writer, scope_for
from tdkt.core.errors import ApplicationError, ConflictError, NotFoundError
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.shortcuts import file_response

from .constants import MAX_YEAR, MIN_YEAR, ReportSection, StatisticsForm
from .exports import annual_report_file, statistics_xlsx
from .forms import AsOfForm, NarrativeForm, StatisticsChoiceForm
from .selectors import (
    annual_report,
    check_period,
    dashboard_data,
    ensure_board_reader,
    narrative_texts,
)
from .selectors.years import report_years
from .services import narrative_save

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def _year(value: str | None, default: int) -> int:
    """A year from the query string; anything else is "not found", never a 500."""
    if value is None or value == "":
        return default
    if not value.isdecimal() or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise NotFoundError(_("Không có số liệu của năm này."))
    return int(value)


@web_view
def dashboard_view(request: HttpRequest) -> HttpResponse:
    """Charts and their tables for a year, with the actor's own figures only."""
    years = report_years(actor=request.user)
    year = _year(request.GET.get("year"), years[0] if years else timezone.localdate().year)
    board = dashboard_data(actor=request.user, year=year)
    scope = scope_for(request.user)
    return render(
        request,
        "reports/dashboard.html",
        {
            "board": board,
            "chart_data": board.chart_data(),
            "years": years,
            "year": year,
            "board_wide": scope.everything,
        },
    )


@web_view
def statistics_view(request: HttpRequest) -> HttpResponse:
    """Choose a statistics form and a period; the download is a separate link."""
    ensure_board_reader(request.user)
    last = timezone.localdate().year - 1
    form = StatisticsChoiceForm(
        request.GET or None, initial={"form": "0601", "year_from": last, "year_to": last}
    )
    link = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            check_period(data["year_from"], data["year_to"])
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            link = {
                "form": data["form"],
                "year_from": data["year_from"],
                "year_to": data["year_to"],
                "label": StatisticsForm(data["form"]).label,
            }
    return render(
        request,
        "reports/statistics.html",
        {"form": form, "link": link, "forms": StatisticsForm.choices, "year": last},
    )


@web_view
def statistics_download_view(request: HttpRequest, form: str) -> HttpResponse:
    """The filled form as Excel (board-wide readers; refused before the input is read)."""
    ensure_board_reader(request.user)
    default = timezone.localdate().year - 1
    start = _year(request.GET.get("year_from"), default)
    end = _year(request.GET.get("year_to"), start)
    if form not in StatisticsForm.values:
        raise NotFoundError(_("Không có biểu thống kê này."))
    data = statistics_xlsx(actor=request.user, form=form, year_from=start, year_to=end)
    period = str(start) if start == end else f"{start}-{end}"
    return file_response(
        data,
        filename=f"bieu-{form}-{period}.xlsx",
        content_type=XLSX,
    )


@web_view
def annual_view(request: HttpRequest, year: int) -> HttpResponse:
    """The year's report as it will print, each section with its officer's text."""
    ensure_board_reader(request.user)
    as_of_form = AsOfForm(request.GET or None)
    as_of = _as_of(as_of_form)
    report = annual_report(actor=request.user, year=year, as_of=as_of)
    stored = narrative_texts(actor=request.user, year=year)
    sections = [
        {"key": key, "section": section, "narrative": stored.get(key)}
        for key, section in zip(ReportSection.values, report.sections, strict=True)
    ]
    return render(
        request,
        "reports/annual.html",
        {
            "year": year,
            "report": report,
            "sections": sections,
            "as_of_form": as_of_form,
            "as_of": as_of,
            "can_edit": is_board_writer(request.user),
        },
    )


def _as_of(form: AsOfForm) -> date | None:
    if form.is_bound and form.is_valid():
        value = form.cleaned_data.get("as_of")
        return value if isinstance(value, date) else None
    return None


@web_view
def annual_file_view(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """The year's report as .docx or PDF, generated now from the data and the stored texts."""
    ensure_board_reader(request.user)
    if fmt not in ("docx", "pdf"):
        raise NotFoundError(_("Không có định dạng này."))
    as_of = _as_of(AsOfForm(request.GET))
    data = annual_report_file(actor=request.user, year=year, fmt=fmt, as_of=as_of)
    content_type = DOCX if fmt == "docx" else PDF
    return file_response(
        data, filename=f"bao-cao-thi-dua-khen-thuong-{year}.{fmt}", content_type=content_type
    )


@web_view
def narrative_edit_view(request: HttpRequest, year: int, section: str) -> HttpResponse:
    """Edit the officer's text of one section; a save on a stale page is refused."""
    # Only the Board's writers edit (403 before the input is read); readers see the report.
    ensure_board_writer(request.user, _("Chỉ cán bộ thi đua – khen thưởng được sửa báo cáo năm."))
    if section not in ReportSection.values:
        raise NotFoundError(_("Không có phần báo cáo này."))
    check_period(year, year)
    narrative = narrative_texts(actor=request.user, year=year).get(section)
    initial = {
        "text": narrative.text if narrative else "",
        "version": narrative.version if narrative else 0,
    }
    form = NarrativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            narrative_save(
                actor=request.user,
                year=year,
                section=section,
                text=form.cleaned_data["text"],
                expected_version=form.cleaned_data["version"],
            )
        except ConflictError as exc:
            form.add_error(None, exc.message)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu nội dung báo cáo."))
            return redirect("reports:annual", year=year)
    return render(
        request,
        "reports/narrative_form.html",
        {
            "form": form,
            "year": year,
            "section_label": ReportSection(section).label,
            "narrative": narrative,
        },
    )
