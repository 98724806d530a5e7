"""Publication screens: publish a round's voted list, record and settle comments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.services import history_for
from tdkt.commendations.decision_access import can_manage_decisions, ensure_can_manage_decisions
from tdkt.commendations.decision_texts import code_label
from tdkt.commendations.forms.decisions import CommentForm, PublicationForm, ResolveForm
from tdkt.commendations.selectors.decisions import round_for_decisions
from tdkt.commendations.selectors.publication import (
    publication_comment_get,
    publication_get,
    publication_line_get,
    publication_lines,
    publication_list,
    publishable_rounds,
)
from tdkt.commendations.services import (
    publication_comment_add,
    publication_comment_resolve,
    publication_open,
)
from tdkt.commendations.services.publication import PUBLICATION_WORKING_DAYS, default_period
from tdkt.core.errors import ApplicationError
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error

HISTORY_LIMIT = 50


@web_view
def publication_list_view(request: HttpRequest) -> HttpResponse:
    """List the publications and the rounds whose voted list waits to be published."""
    return render(
        request,
        "commendations/decisions/publication_list.html",
        {
            "publications": publication_list(actor=request.user),
            "rounds": publishable_rounds(actor=request.user),
            "can_manage": can_manage_decisions(request.user),
            "today": timezone.localdate(),
        },
    )


@web_view
def publication_create_view(request: HttpRequest, round_uuid: UUID) -> HttpResponse:
    """Publish the voted list of a round for a period (default 10 working days)."""
    ensure_can_manage_decisions(request.user)
    round_ = round_for_decisions(actor=request.user, uuid=round_uuid)
    starts_on, ends_on = default_period(timezone.localdate())
    initial = {"starts_on": starts_on, "ends_on": ends_on}
    form = PublicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            publication = publication_open(actor=request.user, round=round_, **form.cleaned_data)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã công khai danh sách."))
            return redirect("commendations:publication-detail", uuid=publication.uuid)
    return render(
        request,
        "commendations/decisions/publication_form.html",
        {"round": round_, "form": form, "days": PUBLICATION_WORKING_DAYS},
    )


def _line_choices(lines: Iterable[Any]) -> list[tuple[str, str]]:
    return [
        (str(line.uuid), f"{line.person or line.organization} — {code_label(line.code)}")
        for line in lines
        if not line.withdrawn
    ]


@web_view
def publication_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show the published list with its comments; officers record comments here."""
    publication = publication_get(actor=request.user, uuid=uuid)
    lines = publication_lines(publication)
    form = CommentForm(lines=_line_choices(lines), initial={"received_on": timezone.localdate()})
    return render(
        request,
        "commendations/decisions/publication_detail.html",
        {
            "publication": publication,
            "lines": lines,
            "labels": {line.code: code_label(line.code) for line in lines},
            "form": form,
            "resolve_form": ResolveForm(),
            "can_manage": can_manage_decisions(request.user),
            "running": publication.ends_on >= timezone.localdate(),
            "timeline": timeline(history_for(publication)[:HISTORY_LIMIT], actor=request.user),
        },
    )


@web_view
def comment_create_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record a comment or an objection against a line of the published list."""
    publication = publication_get(actor=request.user, uuid=uuid)
    ensure_can_manage_decisions(request.user)
    lines = publication_lines(publication)
    form = CommentForm(request.POST or None, lines=_line_choices(lines))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            line = publication_line_get(
                actor=request.user, publication=publication, uuid=data["line"]
            )
            publication_comment_add(
                actor=request.user,
                publication=publication,
                line=line,
                kind=data["kind"],
                author_name=data["author_name"],
                text=data["text"],
                received_on=data["received_on"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận ý kiến."))
            return redirect("commendations:publication-detail", uuid=publication.uuid)
    return render(
        request,
        "commendations/decisions/comment_form.html",
        {"publication": publication, "form": form},
    )


@web_view
def comment_resolve_view(request: HttpRequest, uuid: UUID, comment_id: int) -> HttpResponse:
    """Record how a comment or objection was settled."""
    publication = publication_get(actor=request.user, uuid=uuid)
    comment = publication_comment_get(
        actor=request.user, publication=publication, comment_id=comment_id
    )
    ensure_can_manage_decisions(request.user)
    form = ResolveForm(request.POST or None, initial={"resolution": comment.resolution})
    if request.method == "POST" and form.is_valid():
        try:
            publication_comment_resolve(
                actor=request.user, comment=comment, resolution=form.cleaned_data["resolution"]
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã ghi kết quả xử lý."))
            return redirect("commendations:publication-detail", uuid=publication.uuid)
    return render(
        request,
        "commendations/decisions/comment_resolve.html",
        {"publication": publication, "comment": comment, "form": form},
    )
