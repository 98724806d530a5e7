"""Reads of people and their posts: a person is in scope through a current post.

Lists that a user pages through use ``person_page`` (``people_pages``); ``person_list`` is the
queryset behind it, for reads that take every row (imports, admin, counts of a scope).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.organizations.models import Employment, Organization, Person

from .people_search import NameQuery


def _today() -> date:
    return timezone.localdate()


def current_employment_q(on: date, prefix: str = "") -> Q:
    """Return the filter of posts held on ``on`` (``prefix`` reaches them from another model).

    An open post's end is read as the last day there is, rather than "no end or an end after
    ``on``": SQLite plans that OR as two scans of every post instead of using the index that
    the other conditions select (issue #8's 450 ms for a unit head).
    """
    until = Coalesce(F(f"{prefix}end_date"), Value(date.max))
    return Q(**{f"{prefix}start_date__lte": on}) & Q(GreaterThanOrEqual(until, on))


def posts_on(on: date, organizations: QuerySet[Organization]) -> QuerySet[Employment]:
    """Return the posts held on ``on`` in ``organizations``.

    The organisations are a subquery of ids, so the database walks the posts of each through
    the (organisation, end date, start date, person) index instead of testing every person's
    posts against a path pattern (issue #8: 450 ms for a unit head on SQLite).
    """
    # No ordering: the model's (person, start date) order would lead SQLite away from the
    # organisation index into a scan of every post.
    return Employment.objects.filter(
        current_employment_q(on), organization__in=organizations.values("pk")
    ).order_by()


def people_working_in(on: date, organizations: QuerySet[Organization]) -> Q:
    """Return the filter of people holding a post in ``organizations`` on ``on``."""
    return Q(pk__in=posts_on(on, organizations).values("person_id"))


def holds_post_in(on: date, organizations: QuerySet[Organization]) -> Exists:
    """Return the test, person by person, of a post in ``organizations`` on ``on``.

    The same people as ``people_working_in``, asked the other way round: a page walking the
    people in order looks each one's posts up through the person index and stops at the end
    of the page, where ``people_working_in`` gathers every post of the organisations first
    (8,000 for a large enterprise) before the first row can be given.
    """
    return Exists(posts_on(on, organizations).filter(person_id=OuterRef("pk")))


def scope_q(actor: Any, on: date) -> Q:
    """Return the filter of the people the actor may see on ``on`` (``Q()`` for everyone).

    Board-wide roles see everyone, including people with no current post (a retired person's
    record); others see the people working in their organisation's subtree.
    """
    if scope_for(actor).everything:
        return Q()
    return people_working_in(on, scoped(Organization.objects.all(), actor))


def current_posts(on: date | None = None) -> Prefetch[Any]:
    """Prefetch the posts held on ``on`` (default today) as ``current_posts``."""
    current = Employment.objects.filter(current_employment_q(on or _today())).select_related(
        "organization"
    )
    return Prefetch("employments", queryset=current, to_attr="current_posts")


def person_list(
    *,
    actor: Any,
    search: str = "",
    organization: Organization | None = None,
    category: str = "",
    on: date | None = None,
) -> QuerySet[Person]:
    """Return the people the actor may see, found by an accent- and case-insensitive name
    (see ``people_search``) or an exact CCCD number, in Vietnamese order.

    A person belongs to the actor's scope when, on ``on`` (default today), they work in an
    organisation of that scope. ``organization`` keeps those working in its subtree.
    """
    on = on or _today()
    qs = Person.objects.filter(scope_q(actor, on))
    if organization is not None:
        subtree = Organization.objects.filter(path__startswith=organization.path)
        qs = qs.filter(people_working_in(on, subtree))
    if search:
        qs = qs.filter(NameQuery.parse(search).for_reader(actor).q())
    if category:
        qs = qs.filter(category=category)
    return qs.prefetch_related(current_posts(on)).order_by("sort_key")


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
    scope = scope_for(actor)
    if scope.everything:
        return True
    posts = Employment.objects.filter(current_employment_q(on or _today()), person_id=person.pk)
    paths = posts.values_list("organization__path", flat=True)
    return any(scope.covers_path(path) for path in paths)


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
