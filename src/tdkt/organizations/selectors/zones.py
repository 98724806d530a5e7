"""Reads of industrial zones: shared reference data for every user who has a scope."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for
from tdkt.core.text import fold
from tdkt.organizations.models import IndustrialZone


def zone_list(
    *, actor: Any, search: str = "", with_counts: bool = False
) -> QuerySet[IndustrialZone]:
    """Return the industrial zones, ordered by name; none for a user with no scope at all.

    ``with_counts`` annotates each zone with ``enterprise_count``.
    """
    if scope_for(actor).is_empty:
        return IndustrialZone.objects.none()
    qs = IndustrialZone.objects.all()
    if search:
        qs = qs.filter(search_key__contains=fold(search))
    if with_counts:
        qs = qs.annotate(enterprise_count=Count("enterprises"))
    return qs.order_by("search_key", "id")


def zone_get(*, actor: Any, uuid: UUID | str, with_counts: bool = False) -> IndustrialZone:
    """Return one industrial zone; "not found" (404) for a user with no scope at all."""
    scope = scope_for(actor)
    qs = IndustrialZone.objects.all()
    if with_counts:
        qs = qs.annotate(enterprise_count=Count("enterprises"))
    return get_visible(
        qs,
        uuid=uuid,
        visible=lambda zone: not scope.is_empty,
        message=_("Không tìm thấy khu công nghiệp."),
    )
