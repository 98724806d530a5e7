"""The archive: search with Excel export, and the history sections of people and units."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from tdkt.commendations.exports import export_awards
from tdkt.commendations.forms.archive import AwardSearchForm
from tdkt.commendations.permissions import can_record_archive
from tdkt.commendations.selectors import award_list, organization_archive, person_archive
from tdkt.organizations.selectors import organization_get, organization_list, person_get
from tdkt.rules.labels import CODE_LABELS
from tdkt.web.decorators import HtmxHttpRequest, web_view

PAGE_SIZE = 30
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _search(request: HttpRequest) -> tuple[AwardSearchForm, Any]:
    form = AwardSearchForm(request.GET or None, organizations=organization_list(actor=request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    awards = award_list(
        actor=request.user,
        search=filters.get("q") or "",
        organization=filters.get("unit"),
        code=filters.get("code") or "",
        year=filters.get("year"),
        decision_number=filters.get("decision") or "",
    )
    return form, awards


@require_GET
@web_view
def award_search(request: HtmxHttpRequest) -> HttpResponse:
    """Search the archive by name (without accents), unit, code, year, decision number."""
    form, awards = _search(request)
    page = Paginator(awards, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "labels": CODE_LABELS["vi"],
        "can_import": can_record_archive(request.user),
        "query": request.GET.urlencode(),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    template = (
        "commendations/archive/_award_results.html"
        if partial
        else "commendations/archive/award_list.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
@web_view
def award_export(request: HttpRequest) -> HttpResponse:
    """Download the search result as the archive workbook (formula-safe)."""
    _form, awards = _search(request)
    response = HttpResponse(export_awards(awards), content_type=XLSX)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="luu-tru-khen-thuong-{stamp}.xlsx"'
    return response


@require_GET
@web_view
def person_archive_view(request: HtmxHttpRequest, uuid: UUID) -> HttpResponse:
    """A person's awards, ratings, initiatives and disciplines (a section of their page)."""
    person = person_get(actor=request.user, uuid=uuid)
    history = person_archive(actor=request.user, person=person)
    return _section(request, {"person": person, "history": history})


@require_GET
@web_view
def organization_archive_view(request: HtmxHttpRequest, uuid: UUID) -> HttpResponse:
    """A collective's awards and ratings (a section of the organisation's page)."""
    organization = organization_get(actor=request.user, uuid=uuid)
    history = organization_archive(actor=request.user, organization=organization)
    return _section(request, {"organization": organization, "history": history})


def _section(request: HtmxHttpRequest, context: dict[str, Any]) -> HttpResponse:
    """The section alone for htmx (loaded into the registry page), else a page of its own."""
    context["labels"] = CODE_LABELS["vi"]
    partial = request.htmx and not request.htmx.history_restore_request
    template = (
        "commendations/archive/_history.html" if partial else "commendations/archive/history.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
