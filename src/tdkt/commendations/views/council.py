"""Council screens: the councils of each year, a council's members and the sessions it plans.

Officers write (``council_access.ensure_can_manage_councils`` is checked right after the
lookup, before the input is read); board-wide readers and the council's own members read.
What happens inside a session is in ``views/council_session.py``.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.commendations.council_access import can_manage_councils, ensure_can_manage_councils
from tdkt.commendations.forms.council import CouncilForm, MemberForm, SessionForm
from tdkt.commendations.selectors.council import (
    council_get,
    council_list,
    council_page,
    member_get,
    my_sessions,
    round_choices,
    user_choices,
)
from tdkt.commendations.services.council import (
    council_create,
    council_member_add,
    council_member_remove,
    council_member_update,
    council_update,
)
from tdkt.commendations.services.council_sessions import session_create
from tdkt.core.errors import ApplicationError
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error

COUNCIL_DATA = ("name", "established_by", "quorum_percent", "series_symbol")


@web_view
def council_list_view(request: HttpRequest) -> HttpResponse:
    """The councils the user may see and, for a member, their sessions (voting ones first)."""
    return render(
        request,
        "commendations/council/council_list.html",
        {
            "councils": council_list(actor=request.user),
            "my_sessions": my_sessions(actor=request.user),
            "can_manage": can_manage_councils(request.user),
        },
    )


@web_view
def council_create_view(request: HttpRequest) -> HttpResponse:
    """Set up the council of a year through ``council_create`` (officers)."""
    ensure_can_manage_councils(request.user)
    year = timezone.localdate().year
    form = CouncilForm(
        request.POST or None,
        initial={"year": year, "name": _("Hội đồng Thi đua – Khen thưởng năm %(y)s") % {"y": year}},
    )
    if request.method == "POST" and form.is_valid():
        data = {key: form.cleaned_data[key] for key in COUNCIL_DATA}
        try:
            council = council_create(actor=request.user, year=form.cleaned_data["year"], **data)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lập %(name)s.") % {"name": council.name})
            return redirect("commendations:council-detail", uuid=council.uuid)
    return render(
        request, "commendations/council/council_form.html", {"form": form, "council": None}
    )


@web_view
def council_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """A council: its founding decision, quorum, members in order and sessions."""
    council = council_get(actor=request.user, uuid=uuid)
    return render(
        request,
        "commendations/council/council_detail.html",
        {"page": council_page(actor=request.user, council=council)},
    )


@web_view
def council_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a council's name, decision, quorum or series (officers; stale pages refused)."""
    council = council_get(actor=request.user, uuid=uuid)
    ensure_can_manage_councils(request.user)
    initial: dict[str, Any] = {key: getattr(council, key) for key in COUNCIL_DATA}
    initial |= {"year": council.year, "version": council.version}
    form = CouncilForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = {key: form.cleaned_data[key] for key in COUNCIL_DATA}
        try:
            council_update(
                actor=request.user,
                council=council,
                expected_version=form.cleaned_data["version"],
                **data,
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("commendations:council-detail", uuid=council.uuid)
    return render(
        request, "commendations/council/council_form.html", {"form": form, "council": council}
    )


@web_view
def member_add_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Give an existing account a seat on the council (officers)."""
    council = council_get(actor=request.user, uuid=uuid)
    ensure_can_manage_councils(request.user)
    form = MemberForm(request.POST or None, users=user_choices(actor=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            member = council_member_add(actor=request.user, council=council, **form.cleaned_data)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": member.full_name})
            return redirect("commendations:council-detail", uuid=council.uuid)
    return render(
        request,
        "commendations/council/member_form.html",
        {"form": form, "council": council, "member": None},
    )


@web_view
def member_update_view(request: HttpRequest, uuid: UUID, member_id: int) -> HttpResponse:
    """Change a member's role, printed name or post (officers)."""
    council = council_get(actor=request.user, uuid=uuid)
    member = member_get(actor=request.user, council=council, member_id=member_id)
    ensure_can_manage_councils(request.user)
    form = MemberForm(
        request.POST or None,
        initial={"role": member.role, "full_name": member.full_name, "title": member.title},
    )
    if request.method == "POST" and form.is_valid():
        try:
            council_member_update(actor=request.user, member=member, **form.cleaned_data)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("commendations:council-detail", uuid=council.uuid)
    return render(
        request,
        "commendations/council/member_form.html",
        {"form": form, "council": council, "member": member},
    )


@require_POST
@web_view
def member_remove_view(request: HttpRequest, uuid: UUID, member_id: int) -> HttpResponse:
    """Take a seat away (officers), unless the member already took part in a session."""
    council = council_get(actor=request.user, uuid=uuid)
    member = member_get(actor=request.user, council=council, member_id=member_id)
    ensure_can_manage_councils(request.user)
    try:
        council_member_remove(actor=request.user, member=member)
    except ApplicationError as exc:
        if exc.status != 400:
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bỏ %(name)s khỏi Hội đồng.") % {"name": member.full_name})
    return redirect("commendations:council-detail", uuid=council.uuid)


@web_view
def session_create_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Plan a session of the council for a round (officers); its agenda is every line of the
    round at the council."""
    council = council_get(actor=request.user, uuid=uuid)
    ensure_can_manage_councils(request.user)
    form = SessionForm(request.POST or None, rounds=round_choices(actor=request.user))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            session = session_create(actor=request.user, council=council, **data)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lập phiên họp."))
            return redirect("commendations:session-detail", uuid=session.uuid)
    return render(
        request,
        "commendations/council/session_form.html",
        {"form": form, "council": council, "session": None},
    )
