"""Reads of emulation blocks/clusters: their yearly members and elected leadership."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.core.text import fold
from tdkt.organizations.models import (
    EmulationGroup,
    GroupLeadership,
    GroupMembership,
    Organization,
)

# Members and leaders of the groups read "with years", loaded in two extra queries.
_YEAR_PREFETCHES = (
    Prefetch(
        "memberships",
        queryset=GroupMembership.objects.select_related("organization").order_by(
            "-year", "organization__path"
        ),
    ),
    Prefetch(
        "leaderships",
        queryset=GroupLeadership.objects.select_related("leader", "deputy").order_by("-year"),
    ),
)


@dataclass
class GroupYear:
    """A block/cluster in one year: its members, elected leader (khối trưởng) and deputy."""

    year: int
    members: list[Organization] = field(default_factory=list)
    leader: Organization | None = None
    deputy: Organization | None = None


def _in_scope(qs: QuerySet[EmulationGroup], actor: Any) -> QuerySet[EmulationGroup]:
    """Keep all groups for board-wide roles, else those with a member in the actor's scope."""
    if scope_for(actor).everything:
        return qs
    members = scoped(
        GroupMembership.objects.filter(group=OuterRef("pk")),
        actor,
        path_field="organization__path",
    )
    return qs.filter(Exists(members))


def group_list(
    *, actor: Any, search: str = "", year: int | None = None, with_years: bool = False
) -> QuerySet[EmulationGroup]:
    """Return the blocks/clusters the actor may see: all for board-wide roles, else their own.

    ``search`` matches the name without accents; ``year`` keeps the groups with members that
    year; ``with_years`` prefetches what ``group_years`` reads.
    """
    qs = _in_scope(EmulationGroup.objects.all(), actor)
    if search:
        qs = qs.filter(search_key__contains=fold(search))
    if year is not None:
        qs = qs.filter(Exists(GroupMembership.objects.filter(group=OuterRef("pk"), year=year)))
    if with_years:
        qs = qs.prefetch_related(*_YEAR_PREFETCHES)
    return qs.order_by("search_key", "id")


def group_get(*, actor: Any, uuid: UUID | str, with_years: bool = False) -> EmulationGroup:
    """Return one block/cluster; one the actor may not see is "not found" (404)."""
    qs = EmulationGroup.objects.all()
    if with_years:
        qs = qs.prefetch_related(*_YEAR_PREFETCHES)
    everything = scope_for(actor).everything
    return get_visible(
        qs,
        uuid=uuid,
        visible=lambda group: (
            everything or _in_scope(EmulationGroup.objects.filter(pk=group.pk), actor).exists()
        ),
        message=_("Không tìm thấy khối/cụm thi đua."),
    )


def group_years(group: EmulationGroup) -> list[GroupYear]:
    """Return the group's years, newest first, members in tree order.

    Read the group ``with_years`` (``group_get``/``group_list``): this uses the prefetched rows.
    """
    years: dict[int, GroupYear] = {}
    for membership in group.memberships.all():
        years.setdefault(membership.year, GroupYear(membership.year)).members.append(
            membership.organization
        )
    for leadership in group.leaderships.all():
        entry = years.setdefault(leadership.year, GroupYear(leadership.year))
        entry.leader, entry.deputy = leadership.leader, leadership.deputy
    for entry in years.values():
        entry.members.sort(key=lambda org: org.path)
    return [years[y] for y in sorted(years, reverse=True)]


def group_year(group: EmulationGroup, year: int) -> GroupYear:
    """Return the members and leadership of ``group`` in ``year`` (empty when none)."""
    return next((y for y in group_years(group) if y.year == year), GroupYear(year))


def groups_of_year(*, actor: Any, year: int | None = None) -> Sequence[EmulationGroup]:
    """Return the blocks/clusters with members in ``year`` (default this year), each with
    ``member_count`` and ``year_leadership`` (or None)."""
    year = year or timezone.localdate().year
    leaderships = GroupLeadership.objects.filter(year=year).select_related("leader", "deputy")
    groups = list(
        group_list(actor=actor, year=year)
        .annotate(member_count=Count("memberships", filter=Q(memberships__year=year)))
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
