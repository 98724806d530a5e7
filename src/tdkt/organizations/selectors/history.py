"""Audit events as the registry shows them: the latest an actor may see (the dashboard), and
the references inside recorded changes as public ids and names (timelines and the API).

They live with the registry because the registry scope decides what a user sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import scope_for, scoped
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import history_for
from tdkt.organizations.models import Employment, Organization

from .organizations import organization_list
from .people import current_employment_q, person_list, posts_on
from .zones import zone_list

# Account and security events concern administrators only; others see registry changes.
# Notifications sent and read are each user's inbox, not changes of the registry.
# Petitions name their senders and whom they accuse: only their handlers and leaders read
# them, in the register (decision 0832), never in the recent changes of every board reader.
# A writing contest's entries, marks, conflicts and prizes are private until its results
# (docs/contests.md, decisions 0803, 0804): a leader or council member who reads every
# change may sit on the jury, and must not read the other jurors' marks here, nor who sits
# on a jury (the jury is the organisers' to know).
# An enterprise's survey answers are the officers' to read (decision 0813): leaders and council
# members, who see the other latest changes, do not see who answered what.
# An initiative application, its drafts and who scored it are for its filer, authors, session
# members and the officer (decisions 0823, 0824); the session's events name the scorers.
ADMIN_ONLY_PREFIXES = (
    "security.",
    "user.",
    "notification.",
    "petition.",
    "contest.entry_",
    "contest.jury_set",
    "contest.score_",
    "contest.conflict_",
    "contest.prize_",
    "survey_response.",
    "initiative_application.",
    "initiative_council.",
)
PERSON, ORGANIZATION = "organizations.person", "organizations.organization"
#: A scope of at most this many people is matched against the events by their ids.
FEW_OBJECTS = 500
#: Otherwise the latest registry events are read this many at a time, newest first ...
WALK_CHUNK = 500
#: ... for at most this many chunks, before the scope's people are looked up in turn.
WALK_CHUNKS = 20


def audit_events_recent(*, actor: Any, limit: int = 10) -> list[AuditEvent]:
    """Return the latest audit events the actor may see, newest first.

    Board-wide roles see the latest changes (administrators also see account and security
    events). Other roles see the changes to the organisations and people of their scope,
    however many there are (issue #8: above 500 records they saw none): a small scope is
    matched by its ids; a large one reads the registry's latest events, newest first, and keeps
    those of its people (a large scope has a share of them), and only if those are too few
    looks each of its people up.
    """
    scope = scope_for(actor)
    if scope.is_empty:
        return []
    qs = AuditEvent.objects.select_related("actor").order_by("-seq")
    if scope.everything:
        if not (actor.is_superuser or actor.role == Role.ADMIN):
            for prefix in ADMIN_ONLY_PREFIXES:
                qs = qs.exclude(event_type__startswith=prefix)
        return list(qs[:limit])
    in_scope = scoped(Organization.objects.all(), actor)
    orgs = [str(u) for u in in_scope.values_list("uuid", flat=True)]
    people_ids = posts_on(timezone.localdate(), in_scope).values_list("person__uuid", flat=True)
    people = [str(u) for u in people_ids[: FEW_OBJECTS + 1]]
    if len(orgs) + len(people) <= FEW_OBJECTS:
        return list(qs.filter(_about(orgs, people))[:limit])
    found = _walk(actor, qs, set(orgs), limit)
    if len(found) >= limit:
        return found[:limit]
    return _by_object(qs, orgs, [str(u) for u in people_ids.iterator()], limit)


def _about(orgs: list[str], people: list[str]) -> Q:
    return Q(object_type=ORGANIZATION, object_id__in=orgs) | Q(
        object_type=PERSON, object_id__in=people
    )


def _walk(actor: Any, qs: Any, orgs: set[str], limit: int) -> list[AuditEvent]:
    """Keep, from the registry's latest events, those about the actor's scope.

    The walk reads only each event's number and object, in ``seq`` order (filtering the type
    in SQL would lead SQLite to the object index and a sort of every event); the events kept
    are read in full.
    """
    registry = qs.values_list("seq", "object_type", "object_id")
    kept: list[int] = []
    chunk: list[tuple[int, str, str]] = []
    for _ in range(WALK_CHUNKS):
        older = registry.filter(seq__lt=chunk[-1][0]) if chunk else registry
        chunk = list(older[:WALK_CHUNK])
        seen = _people_in_scope(
            actor, {object_id for _, kind, object_id in chunk if kind == PERSON}
        )
        kept += [
            seq
            for seq, kind, object_id in chunk
            if (kind == PERSON and object_id in seen)
            or (kind == ORGANIZATION and object_id in orgs)
        ]
        if len(kept) >= limit or len(chunk) < WALK_CHUNK:
            break
    return list(qs.filter(seq__in=kept[:limit]))


def _people_in_scope(actor: Any, uuids: set[str]) -> set[str]:
    """Return those of ``uuids`` (people's public ids) whose post today is in the scope: one
    lookup per person through their posts, not a list of the whole scope."""
    scope = scope_for(actor)
    posts = Employment.objects.filter(
        current_employment_q(timezone.localdate()), person__uuid__in=uuids
    ).values_list("person__uuid", "organization__path")
    return {str(uuid) for uuid, path in posts.order_by() if scope.covers_path(path)}


def _by_object(qs: Any, orgs: list[str], people: list[str], limit: int) -> list[AuditEvent]:
    """Look the scope's objects up, 500 at a time, and keep the latest events of them all."""
    events = list(qs.filter(_about(orgs, []))[:limit])
    remaining = iter(people)
    while batch := list(islice(remaining, FEW_OBJECTS)):
        events += list(qs.filter(_about([], batch))[:limit])
    events.sort(key=lambda event: event.seq, reverse=True)
    return events[:limit]


@dataclass(frozen=True)
class HistoryPage:
    """The latest changes of one record, and where the older ones continue (``older``: the
    ``seq`` to read before; None when these are the oldest)."""

    events: list[AuditEvent]
    older: int | None


def history_page(*, obj: models.Model, before: int | None = None, size: int = 20) -> HistoryPage:
    """Return a page of a record's audit history, newest first, before ``before`` (a seq).

    A record's page shows a page of its history, not all of it, so that a person with
    hundreds of changes opens as fast as a new one. The caller has read ``obj`` through a
    scoped selector.
    """
    qs = history_for(obj)
    if before is not None:
        qs = qs.filter(seq__lt=before)
    events = list(qs[: size + 1])
    return HistoryPage(events[:size], events[size - 1].seq if len(events) > size else None)


#: Keys of recorded changes whose values are database ids (``audit.services.snapshot`` stores
#: a foreign key by its id). A post (``employment``, ``closed``) nests an ``organization``.
ORGANIZATION_KEYS = frozenset({"organization", "parent", "leader", "deputy"})
ZONE_KEYS = frozenset({"zone"})
PERSON_KEYS = frozenset({"person"})
#: A reference the reader may not see: neither its public id nor its name (and never its id).
HIDDEN: dict[str, str | None] = {"uuid": None, "name": None}


@dataclass
class HistoryReferences:
    """``{id: {"uuid", "name"}}`` of the organisations, zones and people an actor may see
    among those referenced by some audit events."""

    organizations: dict[int, dict[str, str | None]] = field(default_factory=dict)
    zones: dict[int, dict[str, str | None]] = field(default_factory=dict)
    people: dict[int, dict[str, str | None]] = field(default_factory=dict)

    def public(self, key: str, value: Any) -> Any:
        """Return ``value`` (recorded under ``key``) with every id replaced by a reference."""
        if isinstance(value, Mapping):
            return {name: self.public(name, item) for name, item in value.items()}
        if isinstance(value, list):
            return [self.public(key, item) for item in value]
        if type(value) is not int:  # bool is an int too, and never an id
            return value
        for keys, table in (
            (ORGANIZATION_KEYS, self.organizations),
            (ZONE_KEYS, self.zones),
            (PERSON_KEYS, self.people),
        ):
            if key in keys:
                return dict(table.get(value, HIDDEN))
        return value


def _ids(value: Any, keys: frozenset[str], key: str = "") -> set[int]:
    if isinstance(value, Mapping):
        return {i for name, item in value.items() for i in _ids(item, keys, name)}
    if isinstance(value, list):
        return {i for item in value for i in _ids(item, keys, key)}
    return {value} if key in keys and type(value) is int else set()


def history_references(*, actor: Any, events: Iterable[AuditEvent]) -> HistoryReferences:
    """Return the public ids and names of what ``events`` reference and ``actor`` may see.

    Recorded changes keep database ids; these never leave the server (issue #7): a reader
    gets ``{"uuid", "name"}`` for what they may see, and ``HIDDEN`` for the rest.
    """
    changes = [event.changes or {} for event in events]
    refs = HistoryReferences()
    if org_ids := _ids(changes, ORGANIZATION_KEYS):
        rows = organization_list(actor=actor, include_inactive=True).filter(pk__in=org_ids)
        refs.organizations = _table(rows.values_list("pk", "uuid", "name"))
    if zone_ids := _ids(changes, ZONE_KEYS):
        rows_ = zone_list(actor=actor).filter(pk__in=zone_ids)
        refs.zones = _table(rows_.values_list("pk", "uuid", "name"))
    if person_ids := _ids(changes, PERSON_KEYS):
        people = person_list(actor=actor).prefetch_related(None).filter(pk__in=person_ids)
        refs.people = _table(people.values_list("pk", "uuid", "full_name"))
    return refs


def _table(rows: Iterable[tuple[int, Any, str]]) -> dict[int, dict[str, str | None]]:
    return {pk: {"uuid": str(uuid), "name": name} for pk, uuid, name in rows}
