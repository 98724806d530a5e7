"""Presentation aggregates for the dashboard, built only on the actor-scoped selectors.

Nothing here widens what a user may see: every count starts from a selector's queryset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import scope_for
from tdkt.audit.models import AuditEvent
from tdkt.organizations.constants import (
    InvestmentType,
    OrganizationKind,
    PersonnelCategory,
    ZoneStatus,
)
from tdkt.organizations.models import EmulationGroup, GroupLeadership, IndustrialZone
from tdkt.organizations.selectors import group_list, organization_list, person_list, zone_list

# Account and security events concern administrators only; others see registry changes.
ADMIN_ONLY_PREFIXES = ("security.", "user.")
# Above this many objects in scope, a per-object event filter is not worth its cost.
MAX_SCOPED_OBJECTS = 500


@dataclass(frozen=True)
class Tally:
    """One labelled count of a dashboard table."""

    value: str
    label: str
    count: int


def _tally(rows: QuerySet, field: str, choices: Any) -> list[Tally]:
    counts = {row[field]: row["n"] for row in rows.values(field).annotate(n=Count("pk"))}
    return [Tally(value, str(label), counts.get(value, 0)) for value, label in choices.choices]


def organizations_by_kind(*, actor: Any) -> list[Tally]:
    """Count the active organisations in scope per kind."""
    qs = organization_list(actor=actor).select_related(None).order_by()
    return _tally(qs, "kind", OrganizationKind)


def people_by_category(*, actor: Any) -> list[Tally]:
    """Count the people in scope per personnel category."""
    qs = person_list(actor=actor).prefetch_related(None).order_by()
    return _tally(qs, "category", PersonnelCategory)


def enterprises_by_investment(*, actor: Any) -> list[Tally]:
    """Count the enterprises in scope as FDI and DDI."""
    qs = (
        organization_list(actor=actor, kind=OrganizationKind.ENTERPRISE)
        .select_related(None)
        .filter(enterprise__isnull=False)
        .order_by()
    )
    return _tally(qs, "enterprise__investment_type", InvestmentType)


def zones_by_status(*, actor: Any) -> list[Tally]:
    """Count industrial zones as operating and planned."""
    return _tally(zone_list(actor=actor).order_by(), "status", ZoneStatus)


def zones_with_counts(*, actor: Any, search: str = "") -> QuerySet[IndustrialZone]:
    """Return the zones (``zone_list``) each with ``enterprise_count``."""
    return zone_list(actor=actor, search=search).annotate(enterprise_count=Count("enterprises"))


def zone_with_count(*, actor: Any, zone: IndustrialZone) -> IndustrialZone:
    """Return ``zone`` as read again through ``zones_with_counts`` (one table row)."""
    return zones_with_counts(actor=actor).get(pk=zone.pk)


def groups_of_year(*, actor: Any, year: int | None = None) -> Sequence[EmulationGroup]:
    """Return the blocks/clusters with members in ``year``, each with ``year_leadership``."""
    year = year or timezone.localdate().year
    leaderships = GroupLeadership.objects.filter(year=year).select_related("leader", "deputy")
    groups = list(
        group_list(actor=actor, year=year)
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__year=year), distinct=True)
        )
        .prefetch_related(Prefetch("leaderships", queryset=leaderships, to_attr="year_leaderships"))
    )
    for group in groups:
        group.year_leadership = group.year_leaderships[0] if group.year_leaderships else None
    return groups


def groups_without_members(
    *, actor: Any, listed: Sequence[EmulationGroup]
) -> QuerySet[EmulationGroup]:
    """Return the visible blocks/clusters other than ``listed`` (a year's groups with members).

    A block just added has no members yet; listing it keeps it reachable from the groups page.
    """
    return group_list(actor=actor).exclude(pk__in=[group.pk for group in listed])


def recent_events(*, actor: Any, limit: int = 10) -> list[AuditEvent] | None:
    """Return the latest audit events the actor may see, or None when not shown.

    Board-wide roles see the latest registry changes (administrators also see account and
    security events). Other roles see changes to the organisations and people of their own scope; a
    scope too large for that filter shows nothing rather than a slow page.
    """
    scope = scope_for(actor)
    qs = AuditEvent.objects.select_related("actor").order_by("-seq")
    if scope.everything:
        if not (actor.is_superuser or actor.role == Role.ADMIN):
            for prefix in ADMIN_ONLY_PREFIXES:
                qs = qs.exclude(event_type__startswith=prefix)
        return list(qs[:limit])
    org_ids = [str(u) for u in organization_list(actor=actor).values_list("uuid", flat=True)]
    person_ids = [
        str(u)
        for u in person_list(actor=actor)
        .prefetch_related(None)
        .values_list("uuid", flat=True)[: MAX_SCOPED_OBJECTS + 1]
    ]
    if len(org_ids) + len(person_ids) > MAX_SCOPED_OBJECTS:
        return None
    qs = qs.filter(
        Q(object_type="organizations.organization", object_id__in=org_ids)
        | Q(object_type="organizations.person", object_id__in=person_ids)
    )
    return list(qs[:limit])
