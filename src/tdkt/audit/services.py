"""Record audit events. ``record``/``record_many`` are the only writers of AuditEvent.

Appending is done inside the caller's transaction: lock and read the chain's head, insert the
events, move the head — two statements on PostgreSQL, three on SQLite (ADR 0028). Everything
that does not need the lock (labels, canonical JSON of the changes) is prepared before it is
taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections, models, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from .chain import (
    GENESIS,
    canonical_json,
    canonical_time,
    clean_text,
    jsonable,
    keyed_hash,
    link_message,
)
from .constants import AuditEventType
from .context import current_ip
from .keys import keyring
from .models import CHAIN_COLUMNS, AuditChainHead, AuditEvent
from .verification import VerifyResult, verify

__all__ = [
    "PendingEvent",
    "PreparedEvent",
    "VerifyResult",
    "diff",
    "history_for",
    "prepare_events",
    "record",
    "record_many",
    "snapshot",
    "verify",
]

Changes = Mapping[str, Any]
INSERT_BATCH = 500
#: From this many events on, PostgreSQL appends with ``COPY`` (``_copy_rows``).
COPY_FROM = 200
_FIELDS = ("id", *CHAIN_COLUMNS)  # AuditEvent's concrete fields, in order


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
    """One event to append with ``record_many``: the arguments of ``record``, kept for later.

    ``ip_address`` is normally left out and taken from the request being served; a summary
    written later on behalf of another client (ADR 0027) names that client's address.
    """

    event_type: AuditEventType
    actor: Any = None
    obj: models.Model | None = None
    changes: Changes | None = None
    actor_label: str | None = None
    object_repr: str | None = None
    ip_address: str | None = None


@dataclass(frozen=True)
class PreparedEvent:
    """The stored values of one event, all but its place in the chain (``prepare_events``)."""

    actor_id: int | None
    actor_label: str
    event_type: str
    object_type: str
    object_id: str
    object_repr: str
    changes: Any
    changes_text: str
    ip_address: str


def _prepare(pending: PendingEvent, default_ip: str) -> PreparedEvent:
    event_type = AuditEventType(pending.event_type)  # an unknown type is a programming error
    object_type, object_id, default_repr = _object_identity(pending.obj)
    label = pending.actor_label if pending.actor_label is not None else _actor_label(pending.actor)
    repr_ = pending.object_repr if pending.object_repr is not None else default_repr
    changes = jsonable(dict(pending.changes or {}))
    ip = pending.ip_address if pending.ip_address is not None else default_ip
    return PreparedEvent(
        actor_id=getattr(pending.actor, "pk", None),
        actor_label=clean_text(label)[:200],
        event_type=event_type.value,
        object_type=clean_text(object_type)[:100],
        object_id=clean_text(object_id)[:64],
        object_repr=clean_text(repr_)[:300],
        changes=changes,
        changes_text=canonical_json(changes),
        ip_address=clean_text(ip)[:64],
    )


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


def prepare_events(events: Sequence[PendingEvent]) -> list[PreparedEvent]:
    """Compute everything ``record_many`` stores of ``events`` but their links, reading nothing.

    A bulk write (an import of 20,000 rows) calls it before its transaction opens and passes
    the result to ``record_many`` inside, so that the transaction (and the chain's head) is held
    only to chain and insert.
    """
    default_ip = current_ip.get()
    return [_prepare(pending, default_ip) for pending in events]


def record_many(events: Sequence[PendingEvent | PreparedEvent]) -> list[AuditEvent]:
    """Append ``events`` to the chain in order, locking the chain's head once for all of them.

    A bulk write (an import of thousands of rows) records its events here in one short step
    at the end of its transaction, instead of taking and updating the head once per row; it
    may pass events it prepared before the transaction (``prepare_events``).

    No savepoint is taken: if appending fails inside the caller's transaction, that whole
    transaction can only roll back, so a change is never committed without its event.
    """
    if not events:
        return []
    ring = keyring()
    key_id, secret = ring.current_id, ring.current_secret
    default_ip = current_ip.get()
    prepared = [
        event if isinstance(event, PreparedEvent) else _prepare(event, default_ip)
        for event in events
    ]
    occurred_at = timezone.now()
    time_text = canonical_time(occurred_at)
    alias = router.db_for_write(AuditEvent)
    connection = connections[alias]
    stored_time = connection.ops.adapt_datetimefield_value(occurred_at)
    rows: list[tuple[Any, ...]] = []
    sql = _statements(connection)
    with transaction.atomic(using=alias, savepoint=False), connection.cursor() as cursor:
        seq, prev_hash = _lock_head(cursor, sql)
        for item in prepared:
            seq += 1
            digest = keyed_hash(
                secret,
                link_message(
                    prev_hash=prev_hash,
                    seq=seq,
                    occurred_at=time_text,
                    actor_id=item.actor_id,
                    actor_label=item.actor_label,
                    event_type=item.event_type,
                    object_type=item.object_type,
                    object_id=item.object_id,
                    object_repr=item.object_repr,
                    changes=item.changes_text,
                    ip_address=item.ip_address,
                    key_id=key_id,
                ),
            )
            rows.append(
                (
                    seq,
                    stored_time,
                    item.actor_id,
                    item.actor_label,
                    item.event_type,
                    item.object_type,
                    item.object_id,
                    item.object_repr,
                    item.changes_text,
                    item.ip_address,
                    key_id,
                    prev_hash,
                    digest,
                )
            )
            prev_hash = digest
        ids = _append(cursor, sql, rows, (seq, prev_hash))
    return [
        _instance(alias, pk, row, item, occurred_at)
        for pk, row, item in zip(ids, rows, prepared, strict=True)
    ]


@dataclass(frozen=True)
class _Statements:
    """The statements of an append, written once per database vendor.

    On PostgreSQL the last INSERT also moves the head (a data-modifying WITH), so an append
    is two round trips; SQLite, local and without that syntax, runs the UPDATE on its own.
    """

    lock_head: str
    create_head: str
    move_head: str
    insert_prefix: str
    insert_row: str
    copy: str
    returning: str
    writable_cte: bool


_STATEMENTS: dict[str, _Statements] = {}


def _statements(connection: BaseDatabaseWrapper) -> _Statements:
    """Return the statements for this connection's database vendor (built on first use)."""
    found = _STATEMENTS.get(connection.vendor)
    if found is None:
        found = _STATEMENTS[connection.vendor] = _build_statements(connection)
    return found


def _build_statements(connection: BaseDatabaseWrapper) -> _Statements:
    quote = connection.ops.quote_name
    head = quote(AuditChainHead._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return _Statements(
        lock_head=f"SELECT last_seq, last_hash FROM {head} WHERE id = 1{lock}",  # noqa: S608
        # The head row is created on first use, e.g. after a test flushed the tables.
        create_head=f"INSERT INTO {head} (id, last_seq, last_hash) VALUES (1, 0, %s) "  # noqa: S608
        "ON CONFLICT (id) DO NOTHING",
        move_head=f"UPDATE {head} SET last_seq = %s, last_hash = %s WHERE id = 1",  # noqa: S608
        insert_prefix=f"INSERT INTO {quote(AuditEvent._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(c) for c in CHAIN_COLUMNS)}) VALUES ",
        insert_row="(" + ", ".join(["%s"] * len(CHAIN_COLUMNS)) + ")",
        copy=f"COPY {quote(AuditEvent._meta.db_table)} "
        f"({', '.join(quote(c) for c in ('id', *CHAIN_COLUMNS))}) FROM STDIN",
        returning=" RETURNING id" if connection.features.can_return_rows_from_bulk_insert else "",
        writable_cte=connection.vendor == "postgresql",
    )


def _lock_head(cursor: Any, sql: _Statements) -> tuple[int, str]:
    """Lock the head row (PostgreSQL; SQLite's IMMEDIATE transaction already holds the lock)."""
    cursor.execute(sql.lock_head)
    row = cursor.fetchone()
    if row is None:
        cursor.execute(sql.create_head, [GENESIS])
        cursor.execute(sql.lock_head)
        row = cursor.fetchone()
    return int(row[0]), str(row[1])


def _append(
    cursor: Any, sql: _Statements, rows: list[tuple[Any, ...]], head: tuple[int, str]
) -> list[int | None]:
    """Insert ``rows`` in multi-row statements, move the head to ``head``; return the ids."""
    if sql.writable_cte and len(rows) >= COPY_FROM:
        return _copy_rows(cursor, sql, rows, head)
    ids: list[int | None] = []
    batches = [rows[start : start + INSERT_BATCH] for start in range(0, len(rows), INSERT_BATCH)]
    for number, batch in enumerate(batches, start=1):
        params = [value for row in batch for value in row]
        insert = sql.insert_prefix + ", ".join([sql.insert_row] * len(batch))
        if sql.writable_cte and number == len(batches):
            cursor.execute(
                f"WITH inserted AS ({insert} RETURNING id, seq), moved AS ({sql.move_head}) "  # noqa: S608
                "SELECT id FROM inserted ORDER BY seq",
                [*params, *head],
            )
            ids.extend(int(found[0]) for found in cursor.fetchall())
            return ids
        if sql.returning:
            cursor.execute(insert + sql.returning, params)
            ids.extend(int(found[0]) for found in cursor.fetchall())
        else:
            cursor.execute(insert, params)
            ids.extend([None] * len(batch))
    cursor.execute(sql.move_head, list(head))
    return ids


def _copy_rows(
    cursor: Any, sql: _Statements, rows: list[tuple[Any, ...]], head: tuple[int, str]
) -> list[int | None]:
    """PostgreSQL, a large append (an import): draw the ids, ``COPY`` the rows, move the head.

    One more round trip than the multi-row ``INSERT`` (worth it from ``COPY_FROM`` rows on),
    and no SQL text to build and parse for thousands of rows. The head is still locked by
    the caller, so ids and ``seq`` grow together as with ``INSERT``.
    """
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [AuditEvent._meta.db_table, len(rows)],
    )
    ids: list[int | None] = [int(found[0]) for found in cursor.fetchall()]
    with cursor.cursor.copy(sql.copy) as copy:
        for pk, row in zip(ids, rows, strict=True):
            copy.write_row((pk, *row))
    cursor.execute(sql.move_head, list(head))
    return ids


def _instance(
    alias: str, pk: int | None, row: tuple[Any, ...], item: PreparedEvent, occurred_at: Any
) -> AuditEvent:
    """Return the stored event as a model instance, without reading it back."""
    seq, _, actor_id, label, etype, otype, oid, orepr, _, ip, key_id, prev_hash, digest = row
    values = (pk, seq, occurred_at, actor_id, label, etype, otype, oid, orepr, item.changes, ip)
    return AuditEvent.from_db(alias, _FIELDS, [*values, key_id, prev_hash, digest])


def history_for(obj: models.Model) -> models.QuerySet[AuditEvent]:
    """Return the events about ``obj``, newest first. Callers check access to ``obj`` first."""
    object_type, object_id, _ = _object_identity(obj)
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id).select_related(
        "actor"
    )
