"""Pages of key indicators and administrative-procedure dossiers.

Every page reads through the scoped selectors and reports; uploads call the import services.
Board-wide writers see the upload forms; everyone else sees only the figures they may read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tdkt.accounts.scopes import ensure_board_writer, is_board_writer, scope_for
from tdkt.core.calendar import WorkingCalendar
from tdkt.core.selectors import working_calendar
from tdkt.web.decorators import web_view

from .forms import PeriodForm, UploadForm
from .importing import template
from .reports.indicators import indicator_history, indicator_report, indicator_report_lines
from .reports.procedures import procedure_report
from .reports.writers import (
    indicator_report_xlsx,
    procedure_lines,
    procedure_report_docx,
    procedure_report_xlsx,
    rates_sentence,
)
from .selectors import (
    ensure_procedure_reader,
    indicator_get,
    indicator_years,
    procedure_overdue_list,
    procedure_years,
)
from .services import indicators_import, procedures_import

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ERRORS_SHOWN = 500  # a page lists this many errors; the command prints all of them
OVERDUE_PER_PAGE = 50


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pick_year(raw: str | None, years: list[int]) -> int:
    """Return the year asked for (1900–2100), else the latest with figures, else this year."""
    if raw and raw.isdecimal() and 1900 <= int(raw) <= 2100:
        return int(raw)
    return years[0] if years else timezone.localdate().year


# --- indicators -------------------------------------------------------------------------------


@require_GET
@web_view
def indicator_list(request: HttpRequest) -> HttpResponse:
    """The indicators of a year: plan, actual, % of plan and growth, one line per unit."""
    years = indicator_years(actor=request.user)
    year = _pick_year(request.GET.get("year"), years)
    lines, rates = indicator_report_lines(actor=request.user, year=year)
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "year": year,
            "years": sorted({*years, year}, reverse=True),
            "lines": lines,
            "rates": rates_sentence({c: rates[c] for c in sorted(rates)}) if rates else "",
            "can_import": is_board_writer(request.user),
            "form": UploadForm(),
            "can_see_procedures": scope_for(request.user).everything,
        },
    )


@require_GET
@web_view
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One indicator over the years, for the Board and each unit the user may read."""
    indicator = indicator_get(actor=request.user, code=code)
    series = indicator_history(actor=request.user, indicator=indicator)
    return render(
        request, "indicators/indicator_detail.html", {"indicator": indicator, "series": series}
    )


@require_GET
@web_view
def indicator_report_download(request: HttpRequest) -> HttpResponse:
    """The year's table as Excel, with the user's figures only."""
    year = _pick_year(request.GET.get("year"), indicator_years(actor=request.user))
    document = indicator_report(actor=request.user, year=year)
    return _attachment(indicator_report_xlsx(document), XLSX_TYPE, f"chi-tieu-{year}.xlsx")


@require_POST
@web_view
def indicator_import(request: HttpRequest) -> HttpResponse:
    """Run the indicator import on an uploaded file and show its report."""
    ensure_board_writer(request.user, _("Chỉ cán bộ thi đua – khen thưởng được nhập chỉ tiêu."))
    return _upload(request, indicators_import, reverse("indicators:indicator-list"))


@require_GET
@web_view
def indicator_template(request: HttpRequest) -> HttpResponse:
    """The indicator template, with its second sheet "Tỷ giá"."""
    ensure_board_writer(request.user, _("Chỉ cán bộ thi đua – khen thưởng được nhập chỉ tiêu."))
    return _attachment(template.indicator_template(), XLSX_TYPE, "mau-nhap-chi-tieu.xlsx")


def _upload(request: HttpRequest, run: Any, back: str) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request, "indicators/import_form.html", {"form": form, "back": back}, status=400
        )
    upload = form.cleaned_data["file"]
    result = run(
        actor=request.user,
        data=upload.read(),
        filename=upload.name,
        dry_run=form.cleaned_data["dry_run"],
    )
    errors = result.sorted_errors()
    return render(
        request,
        "indicators/import_result.html",
        {
            "result": result,
            "errors": errors[:ERRORS_SHOWN],
            "hidden_errors": max(len(errors) - ERRORS_SHOWN, 0),
            "back": back,
        },
    )


# --- dossiers ---------------------------------------------------------------------------------


def _period(request: HttpRequest) -> tuple[PeriodForm, date, date, date]:
    """Read the period from the query string; default to the latest year with dossiers."""
    years = procedure_years(actor=request.user)
    today = timezone.localdate()
    year = years[0] if years else today.year
    start, end = date(year, 1, 1), date(year, 12, 31)
    initial = {"date_from": start, "date_to": end, "as_of": min(end, today)}
    asked = any(key in request.GET for key in ("date_from", "date_to", "as_of"))
    form = PeriodForm(request.GET if asked else None, initial=initial)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return form, data["date_from"], data["date_to"], data["as_of"]
    return form, initial["date_from"], initial["date_to"], initial["as_of"]


def _overdue_rows(dossiers: Any, as_of: date, calendar: WorkingCalendar) -> list[dict[str, Any]]:
    rows = []
    for dossier in dossiers:
        try:
            late = calendar.working_days_between(dossier.due_on, as_of)
        except ValueError:  # outside the calendar's years: show no count rather than fail
            late = None
        rows.append({"dossier": dossier, "late": late})
    return rows


@require_GET
@web_view
def procedure_page(request: HttpRequest) -> HttpResponse:
    """The one-stop statistics of a period and the dossiers overdue on the chosen day."""
    ensure_procedure_reader(request.user)
    form, date_from, date_to, as_of = _period(request)
    document = procedure_report(
        actor=request.user, date_from=date_from, date_to=date_to, as_of=as_of
    )
    overdue = procedure_overdue_list(
        actor=request.user, date_from=date_from, date_to=date_to, as_of=as_of
    )
    page = Paginator(overdue, OVERDUE_PER_PAGE).get_page(request.GET.get("page"))
    query = f"date_from={date_from}&date_to={date_to}&as_of={as_of}"
    return render(
        request,
        "indicators/procedure_report.html",
        {
            "form": form,
            "document": document,
            "lines": procedure_lines(document),
            "date_from": date_from,
            "date_to": date_to,
            "as_of": as_of,
            "page": page,
            "overdue": _overdue_rows(page.object_list, as_of, working_calendar()),
            "query": query,
            "can_import": is_board_writer(request.user),
            "upload_form": UploadForm(),
        },
    )


@require_GET
@web_view
def procedure_report_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The period's table as Excel or Word, for the annual report."""
    ensure_procedure_reader(request.user)
    _form, date_from, date_to, as_of = _period(request)
    document = procedure_report(
        actor=request.user, date_from=date_from, date_to=date_to, as_of=as_of
    )
    name = f"thu-tuc-hanh-chinh-{date_from:%Y%m%d}-{date_to:%Y%m%d}"
    if fmt == "docx":
        content = procedure_report_docx(document, date_from, date_to, as_of)
        return _attachment(content, DOCX_TYPE, f"{name}.docx")
    content = procedure_report_xlsx(document, date_from, date_to, as_of)
    return _attachment(content, XLSX_TYPE, f"{name}.xlsx")


@require_POST
@web_view
def procedure_import(request: HttpRequest) -> HttpResponse:
    """Run the dossier import on an uploaded export and show its report."""
    ensure_board_writer(
        request.user, _("Chỉ cán bộ thi đua – khen thưởng được nhập hồ sơ thủ tục.")
    )
    return _upload(request, procedures_import, reverse("indicators:procedure-report"))


@require_GET
@web_view
def procedure_template(request: HttpRequest) -> HttpResponse:
    """The dossier template (the columns of the one-stop system's export)."""
    ensure_board_writer(
        request.user, _("Chỉ cán bộ thi đua – khen thưởng được nhập hồ sơ thủ tục.")
    )
    return _attachment(template.procedure_template(), XLSX_TYPE, "mau-nhap-ho-so-tthc.xlsx")
