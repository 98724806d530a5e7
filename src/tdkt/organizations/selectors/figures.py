"""Dashboard figures: counts of what the actor may see, each built on a scoped selector.

Nothing here widens what a user may see: every count starts from a selector's queryset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from tdkt.organizations.constants import (
    InvestmentType,
    OrganizationKind,
    PersonnelCategory,
    ZoneStatus,
)

from .organizations import organization_list
from .people import person_list
from .zones import zone_list


@dataclass(frozen=True)
class Tally:
    """One labelled count of a dashboard table."""

    value: str
    label: str
    count: int


def _tally(rows: QuerySet[Any], field: str, choices: Any) -> list[Tally]:
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
