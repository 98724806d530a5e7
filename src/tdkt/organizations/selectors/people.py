"""Reads of people and their posts: a person is in scope through a current post."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Collate
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.core.text import fold, normalize_identifier
from tdkt.organizations.models import Employment, Organization, Person


def _today() -> date:
    return timezone.localdate()


def current_employment_q(on: date, prefix: str = "") -> Q:
    """Return the filter of posts held on ``on`` (``prefix`` reaches them from another model)."""
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on})
    )


def _in_scope(qs: QuerySet[Person], actor: Any, on: date) -> QuerySet[Person]:
    """Keep the people with a post on ``on`` in an organisation of the actor's scope.

    Board-wide roles also keep people with no current post (a retired person's record).
    """
    if scope_for(actor).everything:
        return qs
    posts = scoped(
        Employment.objects.filter(current_employment_q(on), person=OuterRef("pk")),
        actor,
        path_field="organization__path",
    )
    return qs.filter(Exists(posts))


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
    organisation of that scope. ``organization`` keeps those working in its subtree.
    """
    on = on or _today()
    qs = _in_scope(Person.objects.all(), actor, on)
    if organization is not None:
        at_org = Employment.objects.filter(
            current_employment_q(on),
            organization__path__startswith=organization.path,
            person=OuterRef("pk"),
        )
        qs = qs.filter(Exists(at_org))
    if search:
        key = fold(search)
        qs = qs.filter(Q(search_key__contains=key) | Q(citizen_id=normalize_identifier(search)))
    if category:
        qs = qs.filter(category=category)
    current = Employment.objects.filter(current_employment_q(on)).select_related("organization")
    qs = qs.prefetch_related(Prefetch("employments", queryset=current, to_attr="current_posts"))
    return _order_people(qs)


def _order_people(qs: QuerySet[Person]) -> QuerySet[Person]:
    """Sort by name in Vietnamese order on PostgreSQL (ICU), by the folded key elsewhere."""
    if connection.vendor == "postgresql":
        return qs.order_by(Collate("full_name", "vi-x-icu"), "id")
    return qs.order_by("search_key", "id")


def person_get(*, actor: Any, uuid: UUID | str) -> Person:
    """Return one person with the whole employment history (newest first) in
    ``employments``; a person outside the actor's scope is "not found" (404)."""
    history = Employment.objects.select_related("organization").order_by("-start_date")
    return get_visible(
        Person.objects.prefetch_related(Prefetch("employments", queryset=history)),
        uuid=uuid,
        visible=lambda person: person_in_scope(actor=actor, person=person),
        message=_("Không tìm thấy cá nhân."),
    )


def person_in_scope(*, actor: Any, person: Person, on: date | None = None) -> bool:
    """Return True when the actor may see ``person`` (see ``person_list``)."""
    if scope_for(actor).everything:
        return True
    return _in_scope(Person.objects.filter(pk=person.pk), actor, on or _today()).exists()


def person_unit_on(*, person: Person, on: date) -> Organization | None:
    """Return the organisation a person worked in on a date (the latest post if several).

    The caller has already read ``person`` through a scoped selector.
    """
    employment = (
        Employment.objects.filter(current_employment_q(on), person=person)
        .select_related("organization")
        .order_by("-start_date")
        .first()
    )
    return employment.organization if employment else None


def employment_list(*, actor: Any) -> QuerySet[Employment]:
    """Return the posts held in organisations of the actor's scope (past ones included)."""
    qs = Employment.objects.select_related("person", "organization")
    return scoped(qs, actor, path_field="organization__path").order_by("-start_date", "id")
