"""Reads of the organisation tree, scoped to the organisations the actor may see."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.core.text import fold, is_uuid
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.models import EmulationGroup, Organization


def organization_list(
    *,
    actor: Any,
    search: str = "",
    kind: str = "",
    include_inactive: bool = False,
    parent: Organization | None = None,
    member_of: EmulationGroup | None = None,
) -> QuerySet[Organization]:
    """Return the organisations the actor may see, optionally filtered, in tree order
    (siblings by kind, departments before enterprises, then by name in Vietnamese order).

    ``parent`` keeps its direct children; ``member_of`` keeps the members of a block/cluster
    in any year.
    """
    qs = scoped(Organization.objects.all(), actor).select_related(
        "parent", "enterprise", "enterprise__zone"
    )
    if search:
        qs = qs.filter(search_key__contains=fold(search))
    if kind:
        qs = qs.filter(kind=kind)
    if not include_inactive:
        qs = qs.filter(is_active=True)
    if parent is not None:
        qs = qs.filter(parent=parent)
    if member_of is not None:
        qs = qs.filter(group_memberships__group=member_of).distinct()
    return qs.order_by("tree_key")


def organization_options(*, actor: Any) -> QuerySet[Organization]:
    """Return the active organisations the actor may see, in tree order, reading only what a
    picker shows (a city has over a thousand: each option must cost little)."""
    return (
        organization_list(actor=actor)
        .select_related(None)
        .only("id", "uuid", "name", "path", "tree_key")
    )


#: Above this many organisations in scope, a picker lists the units but not every enterprise.
PICKER_LIMIT = 300


def organization_choices(*, actor: Any, selected: str = "") -> list[tuple[str, str]]:
    """Return ``(uuid, label)`` of the active organisations the actor may see, in tree order,
    each name indented by its depth, for a filter's picker (values only: no model rows).

    A city's Board sees over a thousand: past ``PICKER_LIMIT`` the picker keeps the units
    (departments, centres, offices, other bodies) and the ``selected`` one, and an enterprise's
    people are reached from the enterprise's page ("see all") or by name.
    """
    visible = organization_list(actor=actor).select_related(None)
    # A bounded count: the filter is decided by the database, so a city's thousand enterprises
    # are never read to be thrown away (this runs on every people-list page).
    if visible.values("pk")[: PICKER_LIMIT + 1].count() > PICKER_LIMIT:
        keep = ~Q(kind=OrganizationKind.ENTERPRISE)
        if is_uuid(selected):
            keep |= Q(uuid=selected)
        visible = visible.filter(keep)
    rows = visible.values_list("uuid", "name", "path")
    return [(str(uuid), f"{'— ' * max(path.count('/') - 2, 0)}{name}") for uuid, name, path in rows]


def organization_get(*, actor: Any, uuid: UUID | str) -> Organization:
    """Return one organisation; one outside the actor's scope is "not found" (404)."""
    scope = scope_for(actor)
    return get_visible(
        Organization.objects.select_related("parent", "enterprise", "enterprise__zone"),
        uuid=uuid,
        visible=lambda org: scope.covers_path(org.path),
        message=_("Không tìm thấy tổ chức."),
    )
