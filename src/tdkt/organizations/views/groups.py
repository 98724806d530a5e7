"""Emulation blocks/clusters: list, detail per year with history, add/edit, members and
leadership forms (all writes for board-wide writers only)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError, StaleVersionError
from tdkt.organizations.forms import GroupForm, GroupLeadershipForm, GroupMembersForm
from tdkt.organizations.models import EmulationGroup
from tdkt.organizations.permissions import (
    can_change_reference_data,
    ensure_can_change_reference_data,
)
from tdkt.organizations.selectors import (
    group_get,
    group_year,
    group_years,
    groups_of_year,
    groups_without_members,
    organization_list,
)
from tdkt.organizations.services import (
    group_create,
    group_leadership_set,
    group_members_set,
    group_update,
)
from tdkt.organizations.services.groups import GROUP_FIELDS
from tdkt.organizations.versions import state_of
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.forms.versions import seen_initial, show_stale

HISTORY_LIMIT = 100


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


@web_view
def group_list_view(request: HttpRequest) -> HttpResponse:
    """List the blocks/clusters with members in a year, with that year's leadership."""
    year = _year(request)
    groups = groups_of_year(actor=request.user, year=year)
    others = groups_without_members(actor=request.user, listed=groups)
    return render(
        request,
        "organizations/group_list.html",
        {
            "groups": groups,
            "others": others,
            "year": year,
            "can_edit": can_change_reference_data(request.user),
        },
    )


@web_view
def group_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show a block/cluster year by year (members, leader and deputy) and its history."""
    group = group_get(actor=request.user, uuid=uuid, with_years=True)
    events = history_for(group)[:HISTORY_LIMIT]
    return render(
        request,
        "organizations/group_detail.html",
        {
            "group": group,
            "years": group_years(group),
            "can_edit": can_change_reference_data(request.user),
            "timeline": timeline(events, actor=request.user),
        },
    )


@web_view
def group_create_view(request: HttpRequest) -> HttpResponse:
    """Add a block or cluster through ``group_create`` (board-wide writers)."""
    ensure_can_change_reference_data(request.user)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = group_create(actor=request.user, **form.service_data())
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": group.name})
            return redirect("organizations:group-detail", uuid=group.uuid)
    return render(request, "organizations/group_form.html", {"form": form, "group": None})


def _values(group: EmulationGroup) -> dict[str, object]:
    """Return the block/cluster's fields as the edit form's initial data."""
    return {name: getattr(group, name) for name in GROUP_FIELDS}


@web_view
def group_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a block/cluster's name, kind, organiser or description through ``group_update``."""
    group = group_get(actor=request.user, uuid=uuid)
    ensure_can_change_reference_data(request.user)
    initial = _values(group) | seen_initial(state_of(group))
    form = GroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            group_update(
                actor=request.user,
                group=group,
                expected_version=form.expected_version(),
                **form.service_data(),
            )
        except StaleVersionError as exc:
            current = group_get(actor=request.user, uuid=uuid)
            show_stale(form, exc, current_state=state_of(current), current_values=_values(current))
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("organizations:group-detail", uuid=group.uuid)
    return render(request, "organizations/group_form.html", {"form": form, "group": group})


@web_view
def group_members_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Replace a year's member list through ``group_members_set`` (board-wide writers)."""
    group = group_get(actor=request.user, uuid=uuid, with_years=True)
    ensure_can_change_reference_data(request.user)
    year = _year(request)
    form = GroupMembersForm(
        request.POST or None,
        initial={"year": year, "members": group_year(group, year).members},
        organizations=organization_list(actor=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            group_members_set(
                actor=request.user,
                group=group,
                year=form.cleaned_data["year"],
                members=form.cleaned_data["members"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã cập nhật thành viên."))
            return redirect("organizations:group-detail", uuid=group.uuid)
    return render(request, "organizations/group_members_form.html", {"form": form, "group": group})


@web_view
def group_leadership_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record a year's leader and deputy through ``group_leadership_set``."""
    group = group_get(actor=request.user, uuid=uuid, with_years=True)
    ensure_can_change_reference_data(request.user)
    year = _year(request)
    existing = group_year(group, year)
    initial: dict[str, Any] = {"year": year, "leader": existing.leader, "deputy": existing.deputy}
    form = GroupLeadershipForm(
        request.POST or None,
        initial=initial,
        organizations=organization_list(actor=request.user, member_of=group),
    )
    if request.method == "POST" and form.is_valid():
        try:
            group_leadership_set(actor=request.user, group=group, **form.cleaned_data)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận khối trưởng, khối phó."))
            return redirect("organizations:group-detail", uuid=group.uuid)
    return render(
        request, "organizations/group_leadership_form.html", {"form": form, "group": group}
    )
