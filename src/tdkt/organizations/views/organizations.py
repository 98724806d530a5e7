"""The organisation tree, organisation detail and the create/edit forms."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, StaleVersionError
from tdkt.organizations.forms import OrganizationForm
from tdkt.organizations.forms.organizations import ENTERPRISE_FIELDS, ORG_FIELDS
from tdkt.organizations.models import Enterprise, Organization
from tdkt.organizations.permissions import (
    can_add_records,
    can_change_organization,
    changeable_fields,
    ensure_can_add_records,
    ensure_can_change_organization,
    offered_kinds,
)
from tdkt.organizations.selectors import (
    history_page,
    organization_get,
    organization_list,
    person_page,
    zone_list,
)
from tdkt.organizations.services import organization_create, organization_update
from tdkt.organizations.structure import compatible_kinds
from tdkt.organizations.versions import state_of
from tdkt.web.audit_display import history_position, timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.forms.versions import seen_initial, show_stale

PEOPLE_LIMIT = 50
HISTORY_PAGE = 20


@dataclass
class Node:
    """An organisation with its visible children, for the nested tree."""

    org: Organization
    children: list[Node] = field(default_factory=list)


def build_tree(orgs: list[Organization]) -> list[Node]:
    """Nest organisations (in path order) under their parents; out-of-scope parents are roots."""
    nodes = {org.pk: Node(org) for org in orgs}
    roots: list[Node] = []
    for org in orgs:
        parent = nodes.get(org.parent_id) if org.parent_id is not None else None
        (parent.children if parent else roots).append(nodes[org.pk])
    return roots


@web_view
def organization_tree(request: HttpRequest) -> HttpResponse:
    """Show the organisations the user may see as a collapsible tree."""
    show_inactive = request.GET.get("inactive") == "1"
    orgs = list(organization_list(actor=request.user, include_inactive=show_inactive))
    return render(
        request,
        "organizations/organization_tree.html",
        {
            "roots": build_tree(orgs),
            "count": len(orgs),
            "show_inactive": show_inactive,
            "can_add": can_add_records(request.user),
        },
    )


@web_view
def organization_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show an organisation, its children, its people, enterprise profile and history."""
    org = organization_get(actor=request.user, uuid=uuid)
    children = organization_list(actor=request.user, include_inactive=True, parent=org)
    people = person_page(actor=request.user, organization=org, size=PEOPLE_LIMIT)
    history = history_page(obj=org, before=history_position(request), size=HISTORY_PAGE)
    return render(
        request,
        "organizations/organization_detail.html",
        {
            "org": org,
            "can_edit": can_change_organization(request.user, org),
            "children": children,
            "people": people.people,
            "more_people": people.next_after is not None,
            "people_count": people.count,
            "timeline": timeline(history.events, actor=request.user),
            "history": history,
        },
    )


def _form(
    request: HttpRequest,
    *,
    kinds: Collection[str],
    initial: dict | None = None,
    editing: bool = False,
    editable: Collection[str] | None = None,
    lock_parent: bool = False,
) -> OrganizationForm:
    return OrganizationForm(
        request.POST or None,
        initial=initial,
        parents=organization_list(actor=request.user),
        zones=zone_list(actor=request.user),
        kinds=kinds,
        editing=editing,
        editable=editable,
        lock_parent=lock_parent,
    )


def _values(org: Organization) -> dict[str, object]:
    """Return the organisation's fields and enterprise profile as the form's initial data."""
    values = {name: getattr(org, name) for name in [*ORG_FIELDS, "is_active"]}
    profile = getattr(org, "enterprise", None)
    if profile is not None:
        values |= {name: getattr(profile, name) for name in ENTERPRISE_FIELDS}
    return values


def _locked(org: Organization, form: OrganizationForm) -> list[tuple[str, str]]:
    """Return (label, value) of the organisation's fields the user may see but not change, so
    the form shows them as text instead of as inputs."""
    profile = getattr(org, "enterprise", None)
    shown: list[tuple[str, str]] = []
    for name, value in (
        ("name", org.name),
        ("kind", org.get_kind_display()),
        ("parent", org.parent.name if org.parent else ""),
        ("is_active", _("Có") if org.is_active else _("Không")),
        ("tax_code", profile.tax_code if profile else ""),
        ("investment_type", profile.get_investment_type_display() if profile else ""),
        ("registered_capital", _capital(profile) if profile else ""),
    ):
        if name not in form.fields and value:
            shown.append((str(form.base_fields[name].label), value))
    return shown


def _capital(profile: Enterprise) -> str:
    if profile.registered_capital is None:
        return ""
    # As the organisation's page shows it: grouped by the locale, then the currency.
    return f"{floatformat(profile.registered_capital, '0g')} {profile.capital_currency}"


@web_view
def organization_create_view(request: HttpRequest) -> HttpResponse:
    """Add an organisation (and its enterprise profile) through ``organization_create``."""
    ensure_can_add_records(request.user)
    initial = {}
    if parent_uuid := request.GET.get("parent"):
        initial["parent"] = organization_get(actor=request.user, uuid=parent_uuid)
    form = _form(request, initial=initial, kinds=offered_kinds(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            org = organization_create(
                actor=request.user, enterprise=form.enterprise_data(), **form.organization_data()
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": org.name})
            return redirect("organizations:organization-detail", uuid=org.uuid)
    return render(
        request,
        "organizations/organization_form.html",
        {"form": form, "org": None, "enterprise_fields": ENTERPRISE_FIELDS},
    )


@web_view
def organization_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change an organisation through ``organization_update``."""
    org = organization_get(actor=request.user, uuid=uuid)
    ensure_can_change_organization(request.user, org)
    initial = _values(org) | seen_initial(state_of(org))
    profile = getattr(org, "enterprise", None)
    lock_parent = org.parent is not None and not can_change_organization(request.user, org.parent)
    form = _form(
        request,
        initial=initial,
        kinds=compatible_kinds(org.kind),
        editing=True,
        editable=changeable_fields(request.user, org),
        lock_parent=lock_parent,
    )
    if request.method == "POST" and form.is_valid():
        try:
            organization_update(
                actor=request.user,
                organization=org,
                enterprise=form.enterprise_data() if profile is not None else None,
                expected_version=form.expected_version(),
                **form.organization_data(),
            )
        except StaleVersionError as exc:
            current = organization_get(actor=request.user, uuid=uuid)
            show_stale(form, exc, current_state=state_of(current), current_values=_values(current))
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("organizations:organization-detail", uuid=org.uuid)
    return render(
        request,
        "organizations/organization_form.html",
        {
            "form": form,
            "org": org,
            "enterprise_fields": ENTERPRISE_FIELDS,
            "locked": _locked(org, form),
        },
    )
