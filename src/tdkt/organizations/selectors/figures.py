"""Dashboard figures: counts of what the actor may see, each built on a scoped selector.

Nothing here widens what a user may see: every count starts from a selector's queryset. No
count grows with the whole registry: organisations and zones are few, and people are counted
either from the counts the database keeps (``PersonCount``, for board-wide readers) or through
the posts of the reader's own organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from tdkt.accounts.scopes import scope_for, scoped
from tdkt.organizations.constants import (
    InvestmentType,
    OrganizationKind,
    PersonnelCategory,
    ZoneStatus,
)
from tdkt.organizations.models import Organization, PersonCount

from .organizations import organization_list
from .people import posts_on
from .zones import zone_list


@dataclass(frozen=True)
class Tally:
    """One labelled count of a dashboard table."""

    value: str
    label: str
    count: int


def _tally(rows: QuerySet[Any], field: str, choices: Any) -> list[Tally]:
    counts = {row[field]: row["n"] for row in rows.values(field).annotate(n=Count("pk"))}
    return _labelled(counts, choices)


def _labelled(counts: dict[str, int], choices: Any) -> list[Tally]:
    return [Tally(value, str(label), counts.get(value, 0)) for value, label in choices.choices]


def organizations_by_kind(*, actor: Any) -> list[Tally]:
    """Count the active organisations in scope per kind."""
    qs = organization_list(actor=actor).select_related(None).order_by()
    return _tally(qs, "kind", OrganizationKind)


def people_by_category(*, actor: Any) -> list[Tally]:
    """Count the people in scope per personnel category."""
    if scope_for(actor).everything:
        counts = dict(PersonCount.objects.values_list("category", "count"))
        return _labelled(counts, PersonnelCategory)
    posts = posts_on(timezone.localdate(), scoped(Organization.objects.all(), actor))
    return _tally(posts.order_by(), "person__category", PersonnelCategory)


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
