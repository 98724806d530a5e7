"""Screens of council sessions: list, set up, criteria, the chair's closing, the decision, Excel."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError
from tdkt.initiatives import permissions as perms
from tdkt.initiatives.constants import CouncilState
from tdkt.initiatives.exports import XLSX, render_results_xlsx
from tdkt.initiatives.forms import CouncilForm, CriteriaForm, DecisionForm
from tdkt.initiatives.parameters import DEFAULT_PASS_MARK
from tdkt.initiatives.selectors import (
    council_get,
    council_list,
    council_results,
    criteria_of,
    seats_of,
    user_choices,
)
from tdkt.initiatives.services import (
    council_close,
    council_create,
    council_decide,
    council_update,
    criteria_set,
)
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.shortcuts import posted_version, show_error

from .common import form_errors, on_form

HISTORY_LIMIT = 30


@web_view
def council_list_view(request: HttpRequest) -> HttpResponse:
    """The sessions the user runs or sits on, newest first."""
    return render(
        request,
        "initiatives/council_list.html",
        {
            "councils": list(council_list(actor=request.user)[:100]),
            "can_create": perms.is_officer(request.user),
        },
    )


def _members_and_chair(form: CouncilForm) -> tuple[list[object], object]:
    return list(form.cleaned_data["members"]), form.cleaned_data["chair"]


@web_view
def council_create_view(request: HttpRequest) -> HttpResponse:
    """Open a yearly session: its members and chair; criteria and pass mark start as defaults."""
    perms.ensure_officer(request.user)
    users = user_choices(actor=request.user)
    year = timezone.localdate().year
    if request.method == "POST":
        form = CouncilForm(request.POST, users=users)
        if form.is_valid():
            members, chair = _members_and_chair(form)
            try:
                council = council_create(
                    actor=request.user,
                    year=form.cleaned_data["year"],
                    name=form.cleaned_data["name"],
                    members=members,
                    chair=chair,
                    meeting_date=form.cleaned_data["meeting_date"],
                    pass_mark=form.cleaned_data["pass_mark"],
                )
            except ApplicationError as exc:
                on_form(form, exc)
            else:
                messages.success(request, _("Đã lập phiên xét sáng kiến."))
                return redirect("initiatives:council-detail", uuid=council.uuid)
    else:
        form = CouncilForm(
            users=users,
            initial={
                "year": year,
                "name": _("Hội đồng xét sáng kiến năm %(year)s") % {"year": year},
                "pass_mark": DEFAULT_PASS_MARK,
            },
        )
    return render(request, "initiatives/council_form.html", {"form": form})


@web_view
def council_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change an open session's name, date, pass mark and members (a stale form is refused)."""
    council = council_get(actor=request.user, uuid=uuid)
    perms.ensure_officer(request.user)
    users = user_choices(actor=request.user, council=council)
    if request.method == "POST":
        form = CouncilForm(request.POST, users=users, editing=True)
        if form.is_valid():
            members, chair = _members_and_chair(form)
            try:
                council_update(
                    actor=request.user,
                    council=council,
                    name=form.cleaned_data["name"],
                    members=members,
                    chair=chair,
                    meeting_date=form.cleaned_data["meeting_date"],
                    pass_mark=form.cleaned_data["pass_mark"],
                    version=form.cleaned_data["version"],
                )
            except ApplicationError as exc:
                on_form(form, exc)
            else:
                messages.success(request, _("Đã lưu thay đổi."))
                return redirect("initiatives:council-detail", uuid=council.uuid)
    else:
        seats = seats_of(council)
        form = CouncilForm(
            users=users,
            editing=True,
            initial={
                "version": council.version,
                "name": council.name,
                "meeting_date": council.meeting_date,
                "pass_mark": council.pass_mark,
                "chair": next((s.user_id for s in seats if s.is_chair), None),
                "members": [s.user_id for s in seats if not s.is_chair],
            },
        )
    return render(request, "initiatives/council_form.html", {"form": form, "council": council})


@web_view
def council_criteria_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Replace the scoring criteria of an open session before anyone scores."""
    council = council_get(actor=request.user, uuid=uuid)
    perms.ensure_officer(request.user)
    if request.method == "POST":
        form = CriteriaForm(request.POST)
        if form.is_valid():
            try:
                criteria_set(
                    actor=request.user,
                    council=council,
                    criteria=form.to_input(),
                    version=form.cleaned_data["version"],
                )
            except ApplicationError as exc:
                on_form(form, exc)
            else:
                messages.success(request, _("Đã lưu tiêu chí chấm điểm."))
                return redirect("initiatives:council-detail", uuid=council.uuid)
    else:
        form = CriteriaForm(
            initial={"version": council.version, **CriteriaForm.initial_for(criteria_of(council))}
        )
    return render(request, "initiatives/criteria_form.html", {"form": form, "council": council})


@web_view
def council_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Members, criteria, pass mark, the applications with their averages, and the actions."""
    actor = request.user
    council = council_get(actor=actor, uuid=uuid)
    officer = perms.is_officer(actor)
    is_open = council.state == CouncilState.OPEN
    rows = council_results(actor=actor, council=council)
    return render(
        request,
        "initiatives/council_detail.html",
        {
            "council": council,
            "seats": seats_of(council),
            "criteria": criteria_of(council),
            "rows": rows,
            "can_manage": officer and is_open,
            "can_edit_criteria": officer and is_open and not any(r.reviews for r in rows),
            "can_close": is_open and perms.is_chair(actor, council),
            "decision_form": DecisionForm(initial={"version": council.version})
            if officer and council.state == CouncilState.CLOSED
            else None,
            "timeline": timeline(history_for(council)[:HISTORY_LIMIT], actor=actor)
            if officer
            else None,
        },
    )


@require_POST
@web_view
def council_close_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    council = council_get(actor=request.user, uuid=uuid)
    perms.ensure_chair(request.user, council)
    try:
        council_close(actor=request.user, council=council, version=posted_version(request))
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã kết thúc phiên xét; kết quả đã chuyển cán bộ thi đua."))
    return redirect("initiatives:council-detail", uuid=council.uuid)


@require_POST
@web_view
def council_decide_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    council = council_get(actor=request.user, uuid=uuid)
    perms.ensure_officer(request.user)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form, _("Hãy ghi đủ số, ngày và người ký quyết định.")))
    else:
        try:
            council_decide(
                actor=request.user,
                council=council,
                decision_number=form.cleaned_data["decision_number"],
                decision_date=form.cleaned_data["decision_date"],
                signer=form.cleaned_data["signer"],
                version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(
                request,
                _("Đã ghi quyết định; các sáng kiến được công nhận đã vào hồ sơ lưu trữ."),
            )
    return redirect("initiatives:council-detail", uuid=council.uuid)


@web_view
def council_export(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The session's results as an Excel workbook."""
    council = council_get(actor=request.user, uuid=uuid)
    response = HttpResponse(
        render_results_xlsx(council, council_results(actor=request.user, council=council)), XLSX
    )
    response["Content-Disposition"] = (
        f'attachment; filename="ket-qua-xet-sang-kien-{council.year}.xlsx"'
    )
    return response
