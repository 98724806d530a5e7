"""One page of a people list, in Vietnamese order, at a cost that does not grow with the registry.

Pages are keyset pages: a page starts after (or ends before) the sort key of a person
(``Person.sort_key``, unique), so page 5,000 costs what page 1 costs and a person added while
someone pages is neither shown twice nor skipped over (issue #8: an OFFSET walk took 4–6 s).

Each filter either names few people or many, and the two cases take different roads
(docs/decisions/0047):

* **Few.** A filter that yields at most ``FEW`` people through its index (a name search, a
  unit's posts, one CCCD) gives their ids; the database sorts those and cuts the page, and
  counts them exactly. When only the name is common (a unit head searching "duc"), SQLite
  reads the few people's names and Python tests, sorts and cuts them instead.
* **Many.** When every filter yields more (a common name, a large enterprise, everybody),
  people are taken in order from the covering order index of ``Person`` until the page is
  full; with at least ``FEW`` matches among the registry, that is a short walk. SQLite tests
  where each person works as it walks (an ``EXISTS`` on their posts), and for a name keeps
  the rows holding every word, a few pages at a time, for Python to apply the exact rule.
  PostgreSQL tests a name's pattern inside its own index walk, and a large scope is read a
  chunk at a time, each chunk's people looked up among the scope's posts at once. The count
  shown is then "more than ``FEW``", except for board-wide readers with no filter but the
  category, who get the exact figure from ``PersonCount``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from tdkt.accounts.scopes import scope_for, scoped
from tdkt.organizations.derived import SEARCH_TABLE
from tdkt.organizations.models import Employment, Organization, Person, PersonCount

from .people import current_employment_q, holds_post_in, people_working_in, posts_on
from .people_search import NameQuery

#: A filter naming at most this many people is sorted and counted directly.
FEW = 1000
#: People read per step of PostgreSQL's walk through a large scope.
CHUNK = 1000
#: Steps of a walk (a name search on SQLite, a large scope on PostgreSQL) before the
#: database's own plan finds the rest.
MAX_CHUNKS = 40
#: Rows read per step of SQLite's name walk, in pages (its steps are counted by
#: ``MAX_CHUNKS``): the database has kept only the rows holding every word, and most of them
#: match, so a few pages' worth finds the page.
WALK_PAGES = 4

_CURSOR = re.compile(r"[0-9a-f]{1,600}")


def valid_cursor(value: str | None) -> str | None:
    """Return ``value`` when it can be a sort key (a page position), else None."""
    return value if value and _CURSOR.fullmatch(value) else None


@dataclass(frozen=True)
class PersonPage:
    """A page of people with the positions of the pages around it and what is known of the
    total.

    ``next_after`` starts the next page (None on the last), ``previous_before`` ends the
    previous one (None on the first). ``count`` is exact when known; otherwise there are more
    than ``more_than`` people.
    """

    people: list[Person]
    next_after: str | None
    previous_before: str | None
    count: int | None
    more_than: int = 0


@dataclass
class _Filters:
    """A people list's filters, each able to say which people it names or to test one."""

    on: date
    everything: bool
    scope_orgs: QuerySet[Organization] | None
    subtree: QuerySet[Organization] | None
    query: NameQuery | None
    category: str
    ids: set[int] | None = None  # people named by the filters that name few
    dense: list[str] = field(default_factory=list)  # filters left to test row by row

    def q(self, names: Iterable[str]) -> Q:
        """Return the SQL filter of the named filters (for the database's own plan).

        Where people work is tested as each database plans it best (``_working_in``): on
        SQLite person by person, so the walk in order stops at the end of the page.
        """
        condition = Q()
        for name in names:
            if name == "scope" and self.scope_orgs is not None:
                condition &= _working_in(self.on, self.scope_orgs)
            elif name == "organization" and self.subtree is not None:
                condition &= _working_in(self.on, self.subtree)
            elif name == "search" and self.query is not None:
                condition &= self.query.q()
        return condition


def _working_in(on: date, organizations: QuerySet[Organization]) -> Q:
    """Return the test of a post in ``organizations`` as each database plans it best.

    SQLite runs an ``EXISTS`` per person as it walks the order index and stops at the end of
    the page (a large enterprise's first page: 1 ms). PostgreSQL turns either form into a
    join, estimates an organisation's posts from the average one (57 where a large
    enterprise has 8,000) and sorts them all, so it gets the list of ids, which the chunked
    walk (``_many_postgresql``) avoids for large scopes anyway.
    """
    if connection.vendor == "sqlite":
        return Q(holds_post_in(on, organizations))
    return people_working_in(on, organizations)


def person_page(
    *,
    actor: Any,
    search: str = "",
    organization: Organization | None = None,
    category: str = "",
    after: str | None = None,
    before: str | None = None,
    size: int = 25,
) -> PersonPage:
    """Return a page of the people ``person_list`` would list, after or before a position.

    ``after`` / ``before`` are sort keys (see ``valid_cursor``); without either, the first page.
    """
    on = timezone.localdate()
    scope = scope_for(actor)
    filters = _Filters(
        on=on,
        everything=scope.everything,
        scope_orgs=None if scope.everything else scoped(Organization.objects.all(), actor),
        subtree=(
            Organization.objects.filter(path__startswith=organization.path)
            if organization is not None
            else None
        ),
        query=NameQuery.parse(search).for_reader(actor) if search else None,
        category=category,
    )
    if filters.query is not None and filters.query.is_empty:
        return PersonPage([], None, None, 0)
    _probe(filters)
    descending = before is not None and after is None
    cursor = before if descending else after
    count: int | None
    if filters.ids is not None:
        keys, count = _few(filters, cursor, descending, size)
    else:
        keys, count = _many(filters, cursor, descending, size), _count_many(filters)
    more = len(keys) > size
    keys = keys[:size]
    if descending:
        keys.reverse()
    people = _people(keys, on)
    first, last = (keys[0], keys[-1]) if keys else (cursor, cursor)
    if descending:
        next_after, previous_before = last, first if more else None
    else:
        next_after, previous_before = (last if more else None), (first if cursor else None)
    return PersonPage(people, next_after, previous_before, count, FEW if count is None else 0)


def _probe(filters: _Filters) -> None:
    """Ask each filter for the people it names, up to ``FEW`` + 1: those that name few
    intersect into ``filters.ids``; the others are tested row by row (``filters.dense``)."""
    probes: dict[str, list[int]] = {}
    if filters.query is not None:
        probes["search"] = _search_ids(filters.query)
    for name, orgs in (("scope", filters.scope_orgs), ("organization", filters.subtree)):
        if orgs is not None:
            posts = posts_on(filters.on, orgs).values_list("person_id", flat=True)
            probes[name] = list(posts[: FEW + 1])
    for name, found in probes.items():
        ids = set(found)
        if len(ids) <= FEW:
            filters.ids = ids if filters.ids is None else filters.ids & ids
        else:
            filters.dense.append(name)


def _search_ids(query: NameQuery) -> list[int]:
    """Return the ids of up to ``FEW`` + 1 people a search names, through the name index."""
    if connection.vendor == "sqlite" and not query.citizen_id:
        sql = f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH %s LIMIT %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [query.fts_phrase(), FEW + 1])
            return [row[0] for row in cursor.fetchall()]
    return list(Person.objects.filter(query.q()).order_by().values_list("pk", flat=True)[: FEW + 1])


_Rows = TypeVar("_Rows", bound=QuerySet[Any, Any])


def _keyset(qs: _Rows, cursor: str | None, descending: bool) -> _Rows:
    if cursor:
        qs = qs.filter(sort_key__lt=cursor) if descending else qs.filter(sort_key__gt=cursor)
    return qs.order_by("-sort_key" if descending else "sort_key")


def _few(
    filters: _Filters, cursor: str | None, descending: bool, size: int
) -> tuple[list[str], int]:
    """Sort the few people the filters named (with the other filters in SQL), cut a page and
    count them all."""
    names = _names_to_test(filters)
    if names is not None:
        return _cut(names, cursor, descending, size), len(names)
    qs = _few_qs(filters, filters.dense)
    return _first(qs, cursor, descending, size), qs.count()


def _few_qs(filters: _Filters, names: Iterable[str]) -> QuerySet[Person]:
    qs = Person.objects.filter(pk__in=filters.ids or [], **_category(filters))
    return qs.filter(filters.q(names))


def _names_to_test(filters: _Filters) -> list[str] | None:
    """Return, in order, the sort keys of the few people named who match a common name, with
    the name tested here; None when the database should test it.

    On SQLite the name index gives every match of a common word ("duc": 10,000 of 170,000)
    before the few people can be picked out of them (8 ms, twice: page and count), where
    reading the few people's names and testing them here costs a fraction of that, and gives
    the page and its count at once.
    """
    query = filters.query
    if "search" not in filters.dense or query is None or not query.words:
        return None
    if connection.vendor != "sqlite":
        return None
    places = [name for name in filters.dense if name != "search"]
    rows = _few_qs(filters, places).values_list("sort_key", "search_key")
    return sorted(key for key, name in rows if query.matches(name))


def _cut(keys: list[str], cursor: str | None, descending: bool, size: int) -> list[str]:
    """Return what ``_keyset`` and a limit of ``size`` + 1 would give of sorted ``keys``."""
    if descending:
        before = [key for key in reversed(keys) if cursor is None or key < cursor]
        return before[: size + 1]
    return [key for key in keys if cursor is None or key > cursor][: size + 1]


def _category(filters: _Filters) -> dict[str, str]:
    return {"category": filters.category} if filters.category else {}


def _many(filters: _Filters, cursor: str | None, descending: bool, size: int) -> list[str]:
    """Return the sort keys of a page when some filter names many people."""
    base = Person.objects.filter(**_category(filters))
    if not filters.dense:  # everybody (of a category): the index gives the page at once
        return _first(base, cursor, descending, size)
    if connection.vendor == "postgresql":
        return _many_postgresql(filters, base, cursor, descending, size)
    return _many_sqlite(filters, base, cursor, descending, size)


def _many_sqlite(
    filters: _Filters, base: QuerySet[Person], cursor: str | None, descending: bool, size: int
) -> list[str]:
    """SQLite walks the people in order and tests each against the filters, stopping at the
    end of the page: where they work through an ``EXISTS`` on their posts (``_working_in``).
    It cannot test a name's exact rule, so a name search walks a few pages at a time, the
    database keeping the rows holding every word and Python those that match
    (``_walk_names``)."""
    query = filters.query if "search" in filters.dense else None
    planned = base.filter(filters.q(name for name in filters.dense if name != "search"))
    if query is None:
        return _first(planned, cursor, descending, size)
    if not query.words:  # a CCCD: an exact test the database makes itself
        return _first(planned.filter(query.q()), cursor, descending, size)
    return _walk_names(planned, query, cursor, descending, size)


def _many_postgresql(
    filters: _Filters, base: QuerySet[Person], cursor: str | None, descending: bool, size: int
) -> list[str]:
    """PostgreSQL tests a name's pattern while it walks the order index (or reads the trigram
    index and sorts, when it expects few rows): 1-10 ms for the commonest names of 170,000,
    where reading the rows out in chunks took 20-30 ms. A large scope alone is read in
    chunks, each chunk's people looked up among the scope's posts at once, because its
    planner would sort every person of the scope (``_working_in``)."""
    if "search" in filters.dense:
        return _first(base.filter(filters.q(filters.dense)), cursor, descending, size)
    rows = base.values_list("sort_key", "pk")
    rest = base.filter(filters.q(filters.dense))
    return _walk(
        rows, CHUNK, lambda chunk: _in_places(filters, chunk), rest, cursor, descending, size
    )


def _in_places(filters: _Filters, chunk: list[tuple[str, int]]) -> list[str]:
    """Return the sort keys of the rows of ``chunk`` whose people work in the dense scope or
    organisation filters today, in order."""
    for name in ("scope", "organization"):
        orgs = filters.scope_orgs if name == "scope" else filters.subtree
        if name in filters.dense and orgs is not None and chunk:
            posts = posts_on(filters.on, orgs).filter(person_id__in=[row[1] for row in chunk])
            present = set(posts.values_list("person_id", flat=True))
            chunk = [row for row in chunk if row[1] in present]
    return [row[0] for row in chunk]


def _first(qs: QuerySet[Person], cursor: str | None, descending: bool, size: int) -> list[str]:
    """Return the sort keys of the first ``size`` + 1 people of ``qs`` after ``cursor``."""
    return list(_keyset(qs, cursor, descending).values_list("sort_key", flat=True)[: size + 1])


def _walk_names(
    planned: QuerySet[Person], query: NameQuery, cursor: str | None, descending: bool, size: int
) -> list[str]:
    """Walk ``planned`` in order a few pages at a time, the database keeping the rows that
    hold every word and Python those that match the name exactly (word starts, order,
    adjacency); after ``MAX_CHUNKS`` steps the database's own plan finds the rest.

    Reading every row of the walk out to test it in Python cost 10 ms of the 14 ms of
    "nguyen van" at 170,000 people.
    """
    walked = planned
    for word in query.words:
        walked = walked.filter(search_key__contains=word)
    rows = walked.values_list("sort_key", "search_key")
    step = WALK_PAGES * (size + 1)

    def exact(chunk: list[tuple[str, str]]) -> list[str]:
        return [key for key, search_key in chunk if query.matches(search_key)]

    return _walk(rows, step, exact, planned.filter(query.q()), cursor, descending, size)


def _walk(
    rows: QuerySet[Person, Any],
    step: int,
    keep: Callable[[list[Any]], list[str]],
    rest: QuerySet[Person],
    cursor: str | None,
    descending: bool,
    size: int,
) -> list[str]:
    """Read ``rows`` (sort key first) in order, ``step`` at a time, gathering the sort keys
    ``keep`` keeps until the page is full; after ``MAX_CHUNKS`` steps the matches are far
    apart, and the database's own plan (``rest``) finds the rest of the page."""
    keys: list[str] = []
    position = cursor
    for _ in range(MAX_CHUNKS):
        chunk = list(_keyset(rows, position, descending)[:step])
        keys += keep(chunk)
        if len(keys) > size or len(chunk) < step:
            return keys
        position = chunk[-1][0]
    return keys + _first(rest, position, descending, size - len(keys))


def _count_many(filters: _Filters) -> int | None:
    """Return the exact number of people when the kept counts know it (board-wide, no filter
    but the category), else None (more than ``FEW``)."""
    if filters.dense or not filters.everything:
        return None
    counts = PersonCount.objects.all()
    if filters.category:
        counts = counts.filter(category=filters.category)
    return int(counts.aggregate(total=Sum("count"))["total"] or 0)


#: What a page shows of a post and of its organisation (the list and the API's list).
_POST_FIELDS = (
    "person_id",
    "position",
    "start_date",
    "end_date",
    "organization__uuid",
    "organization__name",
    "organization__short_name",
)


def _people(keys: list[str], on: date) -> list[Person]:
    """Read the people of a page with their current posts (``current_posts``), in page order.

    The posts are read by one plain query rather than a ``Prefetch``, and only the columns a
    page shows: this runs on every page of the busiest list.
    """
    if not keys:
        return []
    people = list(Person.objects.filter(sort_key__in=keys).order_by("sort_key"))
    posts: dict[int, list[Employment]] = {person.pk: [] for person in people}
    current = (
        Employment.objects.filter(current_employment_q(on), person_id__in=list(posts))
        .select_related("organization")
        .only(*_POST_FIELDS)
    )
    for post in current:
        posts[post.person_id].append(post)
    for person in people:
        person.current_posts = posts[person.pk]  # type: ignore[attr-defined]
    return people


__all__ = ["FEW", "PersonPage", "person_page", "valid_cursor"]
