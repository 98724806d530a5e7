"""Reads of the registry, always scoped to what the actor may see."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Collate
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import Scope, scope_for
from tdkt.core.errors import NotFoundError, PermissionDeniedError
from tdkt.core.text import fold

from .models import Employment, EmulationGroup, IndustrialZone, Organization, Person


def _today() -> date:
    return timezone.localdate()


def _org_filter(scope: Scope, prefix: str = "") -> Q:
    if scope.everything:
        return Q()
    if not scope.path_prefixes:
        return Q(pk__in=[])
    q = Q()
    for path in scope.path_prefixes:
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def organization_list(
    *, actor: Any, search: str = "", kind: str = "", include_inactive: bool = False
) -> QuerySet[Organization]:
    """Return the organisations the actor may see, optionally filtered, in tree order."""
    qs = Organization.objects.filter(_org_filter(scope_for(actor))).select_related(
        "parent", "enterprise", "enterprise__zone"
    )
    if search:
        qs = qs.filter(search_key__contains=fold(search))
    if kind:
        qs = qs.filter(kind=kind)
    if not include_inactive:
        qs = qs.filter(is_active=True)
    return qs.order_by("path")


def organization_get(*, actor: Any, uuid: UUID | str) -> Organization:
    """Return one organisation, refusing those outside the actor's scope."""
    org = (
        Organization.objects.select_related("parent", "enterprise", "enterprise__zone")
        .filter(uuid=uuid)
        .first()
    )
    if org is None:
        raise NotFoundError(_("Không tìm thấy tổ chức."))
    if not scope_for(actor).covers_path(org.path):
        raise PermissionDeniedError(_("Bạn không có quyền xem tổ chức này."))
    return org


def _current_employment_q(on: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on})
    )


def person_list(
    *,
    actor: Any,
    search: str = "",
    organization: Organization | None = None,
    category: str = "",
    on: date | None = None,
) -> QuerySet[Person]:
    """Return the people the actor may see, found by an accent- and case-insensitive name.

    A person belongs to the actor's scope when, on ``on`` (default today), they work in an
    organisation of that scope. Board-wide roles also see people with no current post.
    """
    on = on or _today()
    scope = scope_for(actor)
    qs = Person.objects.all()
    if not scope.everything:
        in_scope = Employment.objects.filter(
            _current_employment_q(on), _org_filter(scope, "organization__"), person=OuterRef("pk")
        )
        qs = qs.filter(Exists(in_scope))
    if organization is not None:
        at_org = Employment.objects.filter(
            _current_employment_q(on),
            organization__path__startswith=organization.path,
            person=OuterRef("pk"),
        )
        qs = qs.filter(Exists(at_org))
    if search:
        key = fold(search)
        qs = qs.filter(Q(search_key__contains=key) | Q(citizen_id=search.strip()))
    if category:
        qs = qs.filter(category=category)
    current = Employment.objects.filter(_current_employment_q(on)).select_related("organization")
    qs = qs.prefetch_related(Prefetch("employments", queryset=current, to_attr="current_posts"))
    return _order_people(qs)


def _order_people(qs: QuerySet[Person]) -> QuerySet[Person]:
    """Sort by name in Vietnamese order on PostgreSQL (ICU), by the folded key elsewhere."""
    if connection.vendor == "postgresql":
        return qs.order_by(Collate("full_name", "vi-x-icu"), "id")
    return qs.order_by("search_key", "id")


def person_get(*, actor: Any, uuid: UUID | str) -> Person:
    """Return one person with the whole employment history, if the actor may see them."""
    person = (
        Person.objects.filter(uuid=uuid)
        .prefetch_related(
            Prefetch(
                "employments",
                queryset=Employment.objects.select_related("organization").order_by("-start_date"),
            )
        )
        .first()
    )
    if person is None:
        raise NotFoundError(_("Không tìm thấy cá nhân."))
    if not person_in_scope(actor=actor, person=person):
        raise PermissionDeniedError(_("Bạn không có quyền xem cá nhân này."))
    return person


def person_in_scope(*, actor: Any, person: Person, on: date | None = None) -> bool:
    """Return True when the actor may see ``person`` (see ``person_list``)."""
    scope = scope_for(actor)
    if scope.everything:
        return True
    on = on or _today()
    return Employment.objects.filter(
        _current_employment_q(on), _org_filter(scope, "organization__"), person=person
    ).exists()


def person_unit_on(*, person: Person, on: date) -> Organization | None:
    """Return the organisation a person worked in on a date (the latest post if several)."""
    employment = (
        Employment.objects.filter(_current_employment_q(on), person=person)
        .select_related("organization")
        .order_by("-start_date")
        .first()
    )
    return employment.organization if employment else None


def zone_list(*, actor: Any, search: str = "") -> QuerySet[IndustrialZone]:
    """Return industrial zones: public reference data, visible to every signed-in user."""
    if not scope_for(actor).everything and not scope_for(actor).path_prefixes:
        return IndustrialZone.objects.none()
    qs = IndustrialZone.objects.all()
    if search:
        qs = qs.filter(search_key__contains=fold(search))
    return qs.order_by("search_key", "id")


def group_list(*, actor: Any, year: int | None = None) -> QuerySet[EmulationGroup]:
    """Return blocks/clusters the actor may see: all for board-wide roles, else their own."""
    scope = scope_for(actor)
    qs = EmulationGroup.objects.all()
    if not scope.everything:
        members = Q()
        for path in scope.path_prefixes:
            members |= Q(memberships__organization__path__startswith=path)
        qs = qs.filter(members).distinct() if scope.path_prefixes else qs.none()
    if year is not None:
        qs = qs.filter(memberships__year=year).distinct()
    return qs.order_by("search_key", "id")


def group_get(*, actor: Any, uuid: UUID | str) -> EmulationGroup:
    """Return one block/cluster with memberships and leaderships, if visible to the actor."""
    group = group_list(actor=actor).filter(uuid=uuid).first()
    if group is None:
        if EmulationGroup.objects.filter(uuid=uuid).exists():
            raise PermissionDeniedError(_("Bạn không có quyền xem khối/cụm này."))
        raise NotFoundError(_("Không tìm thấy khối/cụm thi đua."))
    return group


def zone_get(*, actor: Any, uuid: UUID | str) -> IndustrialZone:
    """Return one industrial zone (reference data) if the actor may see zones at all."""
    zone = zone_list(actor=actor).filter(uuid=uuid).first()
    if zone is None:
        if IndustrialZone.objects.filter(uuid=uuid).exists():
            raise PermissionDeniedError(_("Bạn không có quyền xem khu công nghiệp này."))
        raise NotFoundError(_("Không tìm thấy khu công nghiệp."))
    return zone
