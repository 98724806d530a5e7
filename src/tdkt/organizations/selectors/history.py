"""Audit events as the registry shows them: the latest an actor may see (the dashboard), and
the references inside recorded changes as public ids and names (timelines and the API).

They live with the registry because the registry scope decides what a user sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import scope_for
from tdkt.audit.models import AuditEvent

from .organizations import organization_list
from .people import person_list
from .zones import zone_list

# Account and security events concern administrators only; others see registry changes.
ADMIN_ONLY_PREFIXES = ("security.", "user.")
# Above this many objects in scope, a per-object event filter is not worth its cost.
MAX_SCOPED_OBJECTS = 500


def audit_events_recent(*, actor: Any, limit: int = 10) -> list[AuditEvent] | None:
    """Return the latest audit events the actor may see, or None when not shown.

    Board-wide roles see the latest changes (administrators also see account and security
    events). Other roles see changes to the organisations and people of their own scope; a
    scope too large for that filter shows nothing rather than a slow page.
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
