"""Record audit events and verify the chain. ``record`` is the only writer of AuditEvent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from tdkt.core.bulk import bulk_insert

from .chain import GENESIS, event_content, jsonable, link_hash
from .constants import AuditEventType
from .context import current_ip
from .models import AuditChainHead, AuditEvent

Changes = Mapping[str, Any]


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Return the JSON-safe values of ``fields`` on ``instance`` (foreign keys as their id)."""
    values: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        values[name] = jsonable(getattr(instance, attname))
    return values


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Return ``{field: [old, new]}`` for the fields whose value changed."""
    keys = sorted(set(before) | set(after))
    return {
        key: [before.get(key), after.get(key)] for key in keys if before.get(key) != after.get(key)
    }


def _actor_label(actor: Any) -> str:
    if actor is None:
        return "system"
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return f"{actor.get_username()} ({full})" if full else actor.get_username()


def _object_identity(obj: Any) -> tuple[str, str, str]:
    if obj is None:
        return "", "", ""
    if isinstance(obj, models.Model):
        public_id = getattr(obj, "uuid", None) or obj.pk
        return obj._meta.label_lower, str(public_id), str(obj)[:300]
    raise TypeError("audit objects must be model instances or None")


@dataclass(frozen=True)
class PendingEvent:
    """One event to append with ``record_many``: the arguments of ``record``, kept for later."""

    event_type: AuditEventType
    actor: Any = None
    obj: models.Model | None = None
    changes: Changes | None = None
    actor_label: str | None = None
    object_repr: str | None = None


def record(
    *,
    event_type: AuditEventType,
    actor: Any = None,
    obj: models.Model | None = None,
    changes: Changes | None = None,
    actor_label: str | None = None,
    object_repr: str | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction.

    Called inside a service's ``transaction.atomic`` the event commits or rolls back with the
    change it describes. Called outside one (security events) it commits on its own.
    """
    pending = PendingEvent(event_type, actor, obj, changes, actor_label, object_repr)
    return record_many([pending])[0]


#: The columns an append writes (all but the primary key).
_STORED = [f.name for f in AuditEvent._meta.concrete_fields if not f.primary_key]


@dataclass(frozen=True)
class PreparedEvent:
    """The stored values of one event but its place in the chain (``prepare_events``)."""

    actor_id: int | None
    actor_label: str
    event_type: str
    object_type: str
    object_id: str
    object_repr: str
    changes: Any


def prepare_events(events: Sequence[PendingEvent]) -> list[PreparedEvent]:
    """Compute everything ``record_many`` stores of ``events`` but their links, reading nothing.

    A bulk write (an import of 20,000 rows) calls it before its transaction opens and passes
    the result to ``record_many`` inside, so that the transaction (and the chain's head) is held
    only to chain and insert.
    """
    prepared = []
    for pending in events:
        object_type, object_id, default_repr = _object_identity(pending.obj)
        label = (
            pending.actor_label if pending.actor_label is not None else _actor_label(pending.actor)
        )
        repr_ = pending.object_repr if pending.object_repr is not None else default_repr
        prepared.append(
            PreparedEvent(
                actor_id=getattr(pending.actor, "pk", None),
                actor_label=label,
                event_type=str(pending.event_type),
                object_type=object_type,
                object_id=object_id,
                object_repr=repr_[:300],
                changes=jsonable(dict(pending.changes or {})),
            )
        )
    return prepared


def record_many(events: Sequence[PendingEvent | PreparedEvent]) -> list[AuditEvent]:
    """Append ``events`` to the chain in order, locking the chain's head once for all of them.

    A bulk write (an import of thousands of rows) records its events here in one short step
    at the end of its transaction, instead of taking and updating the head once per row; it
    may pass events it prepared before the transaction (``prepare_events``).
    """
    if not events:
        return []
    occurred_at = timezone.now()
    ip = current_ip.get()
    pending = [e for e in events if isinstance(e, PendingEvent)]
    ready = iter(prepare_events(pending))
    prepared = [e if isinstance(e, PreparedEvent) else next(ready) for e in events]
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        prev_hash, seq = head.last_hash, head.last_seq
        rows: list[AuditEvent] = []
        for event in prepared:
            seq += 1
            content = event_content(
                seq=seq,
                occurred_at=occurred_at,
                actor_id=event.actor_id,
                actor_label=event.actor_label,
                event_type=event.event_type,
                object_type=event.object_type,
                object_id=event.object_id,
                object_repr=event.object_repr,
                changes=event.changes,
                ip_address=ip,
            )
            digest = link_hash(prev_hash, content)
            rows.append(
                AuditEvent(
                    seq=seq,
                    occurred_at=occurred_at,
                    actor_id=event.actor_id,
                    actor_label=event.actor_label,
                    event_type=event.event_type,
                    object_type=event.object_type,
                    object_id=event.object_id,
                    object_repr=event.object_repr,
                    changes=event.changes,
                    ip_address=ip,
                    prev_hash=prev_hash,
                    hash=digest,
                )
            )
            prev_hash = digest
        bulk_insert(AuditEvent, rows, _STORED)
        created = rows
        head.last_seq = seq
        head.last_hash = prev_hash
        head.save(update_fields=["last_seq", "last_hash"])
    return created


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a chain check; ``broken_seq`` names the first bad link."""

    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""


def verify(*, chunk_size: int = 2000) -> VerifyResult:
    """Walk the chain in ``seq`` order and report the first link that does not hold."""
    expected_seq = 1
    prev = GENESIS
    checked = 0
    rows = AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size)
    for event in rows:
        if event.seq != expected_seq:
            return VerifyResult(
                False, checked, expected_seq, f"missing event #{expected_seq} (found #{event.seq})"
            )
        if event.prev_hash != prev:
            return VerifyResult(False, checked, event.seq, "previous-hash link does not match")
        content = event_content(
            seq=event.seq,
            occurred_at=event.occurred_at,
            actor_id=event.actor_id,
            actor_label=event.actor_label,
            event_type=event.event_type,
            object_type=event.object_type,
            object_id=event.object_id,
            object_repr=event.object_repr,
            changes=event.changes,
            ip_address=event.ip_address,
        )
        if link_hash(prev, content) != event.hash:
            return VerifyResult(False, checked, event.seq, "content does not match its hash")
        prev = event.hash
        expected_seq += 1
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    last_seq = head.last_seq if head else 0
    if last_seq != checked or (head and head.last_hash != prev):
        return VerifyResult(
            False, checked, checked + 1, f"chain ends at #{checked} but head says #{last_seq}"
        )
    return VerifyResult(True, checked)


def history_for(obj: models.Model) -> models.QuerySet[AuditEvent]:
    """Return the events about ``obj``, newest first. Callers check access to ``obj`` first."""
    object_type, object_id, _ = _object_identity(obj)
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id).select_related(
        "actor"
    )
