"""Verify the audit chain, and publish checkpoints that a rewritten chain can no longer reach.

Verification streams the rows as plain tuples in ``seq`` order (keyset pages, no model
instances) from one consistent snapshot, and for a keyed event hashes exactly the stored
values (ADR 0025, 0028). A checkpoint is one line naming a sequence number and the keyed hash
there; kept outside the database, it catches what the chain alone cannot: a deleted tail with
the head rolled back, or a whole chain rewritten by someone holding the key (ADR 0026).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from .chain import (
    GENESIS,
    LINK_FIELDS,
    SEPARATOR,
    canonical_time,
    keyed_hash,
    legacy_event_content,
    legacy_link_hash,
)
from .keys import keyring
from .models import CHAIN_COLUMNS, AuditChainHead, AuditEvent

CHUNK = 10_000
_CHECKPOINT = re.compile(r"^tdkt-audit-checkpoint seq=(\d+) hash=([0-9a-f]{64})(?:\s.*)?$")


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a chain check; ``broken_seq`` names the first bad link.

    ``head_seq``/``head_hash`` are the chain's last link as verified: what a checkpoint records.
    """

    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""
    head_seq: int = 0
    head_hash: str = GENESIS


@dataclass(frozen=True)
class Checkpoint:
    """A link of the chain recorded outside the database: its sequence number and hash."""

    seq: int
    hash: str

    def line(self) -> str:
        """Return the one line ``tdkt audit checkpoint`` prints."""
        return f"tdkt-audit-checkpoint seq={self.seq} hash={self.hash}"


def parse_checkpoints(text: str) -> list[Checkpoint]:
    """Read checkpoint lines (blank lines and ``#`` comments skipped); refuse anything else.

    A file may collect many checkpoints over time (``tdkt audit checkpoint >> FILE``); the
    chain must reach every one of them.
    """
    found: list[Checkpoint] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _CHECKPOINT.match(line)
        if match is None:
            raise ValueError(f"line {number} is not a checkpoint line: {line[:80]!r}")
        found.append(Checkpoint(int(match.group(1)), match.group(2)))
    return found


def verify(*, chunk_size: int = CHUNK, checkpoints: Sequence[Checkpoint] = ()) -> VerifyResult:
    """Walk the chain in ``seq`` order; report the first link that does not hold.

    Every keyed link must carry a known key id and its HMAC; unkeyed (legacy) links are
    accepted only before the first keyed one, which vouches for them. The chain must end at
    the head row and reach every checkpoint with the same hash.
    """
    alias = router.db_for_read(AuditEvent)
    connection = connections[alias]
    with _read_snapshot(connection, alias), connection.cursor() as cursor:
        head = _read_head(cursor, connection)
        walk = _Walk(checkpoints)
        failure = walk.start()
        if failure is not None:
            return failure
        for rows in _pages(cursor, connection, chunk_size):
            failure = walk.feed(rows)
            if failure is not None:
                return failure
        return walk.finish(head)


@contextmanager
def _read_snapshot(connection: BaseDatabaseWrapper, alias: str) -> Iterator[None]:
    """Read the head and every page from one snapshot, so concurrent appends cannot confuse it.

    Inside a caller's transaction that transaction is the snapshot. On PostgreSQL a
    read-only REPEATABLE READ transaction; on SQLite a deferred read transaction (Django's
    IMMEDIATE mode would block every writer for the whole walk).
    """
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
            try:
                yield
            finally:
                cursor.execute("ROLLBACK")
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        with transaction.atomic(using=alias):
            yield


def _read_head(cursor: Any, connection: BaseDatabaseWrapper) -> tuple[int, str]:
    table = connection.ops.quote_name(AuditChainHead._meta.db_table)
    cursor.execute(f"SELECT last_seq, last_hash FROM {table} WHERE id = 1")  # noqa: S608
    row = cursor.fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def _pages(cursor: Any, connection: BaseDatabaseWrapper, size: int) -> Iterator[list[Any]]:
    """Yield the rows in ``seq`` order, ``size`` at a time (keyset pages on the seq index)."""
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {', '.join(quote(c) for c in CHAIN_COLUMNS)} "  # noqa: S608
        f"FROM {quote(AuditEvent._meta.db_table)} WHERE seq > %s ORDER BY seq LIMIT %s"
    )
    last = 0
    while True:
        cursor.execute(sql, [last, size])
        rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


class _Walk:
    """The state of one verification: the next expected link and the checkpoints to meet."""

    def __init__(self, checkpoints: Sequence[Checkpoint]):
        self.secrets = dict(keyring().secrets)
        self.expected = 1
        self.prev = GENESIS
        self.keyed_seen = False
        self.checkpoints = {c.seq: c.hash for c in checkpoints}
        self.conflict = len(self.checkpoints) != len({(c.seq, c.hash) for c in checkpoints})

    def _fail(self, seq: int, reason: str) -> VerifyResult:
        return VerifyResult(False, self.expected - 1, seq, reason)

    def start(self) -> VerifyResult | None:
        """Refuse checkpoints that contradict each other or the chain's genesis."""
        if self.conflict:
            return self._fail(0, "two checkpoints name the same event with different hashes")
        if self.checkpoints.get(0, GENESIS) != GENESIS:
            return self._fail(0, "checkpoint #0 does not name the start of the chain")
        return None

    def feed(self, rows: list[Any]) -> VerifyResult | None:
        """Check a page of rows; return the failure, or None when every link holds.

        The keyed branch is the hot loop of a million-row check: locals only, one HMAC.
        """
        secrets, checkpoints = self.secrets, self.checkpoints
        expected, prev, failure = self.expected, self.prev, None
        join, hmac_hash = SEPARATOR.join, keyed_hash
        for row in rows:
            seq, occurred, actor_id, label, etype, otype, oid, orepr, changes, ip, key_id = row[:11]
            prev_hash, digest = row[11], row[12]
            if seq != expected:
                failure = (expected, f"missing event #{expected} (found #{seq})")
            elif prev_hash != prev:
                failure = (seq, "previous-hash link does not match")
            elif key_id:
                secret = secrets.get(key_id)
                if secret is None:
                    failure = (seq, f"signed with unknown key id '{key_id}'")
                else:  # chain.link_message, inlined: this loop runs once per event
                    message = join(
                        (
                            prev,
                            str(seq),
                            occurred if occurred.__class__ is str else canonical_time(occurred),
                            "" if actor_id is None else str(actor_id),
                            label,
                            etype,
                            otype,
                            oid,
                            orepr,
                            changes,
                            ip,
                            key_id,
                        )
                    )
                    if message.count(SEPARATOR) != LINK_FIELDS - 1:
                        failure = (seq, "a stored value contains the link separator")
                    elif hmac_hash(secret, message) != digest:
                        failure = (seq, "content does not match its keyed hash")
                    self.keyed_seen = True
            elif self.keyed_seen:
                failure = (seq, "unkeyed event after the chain was keyed")
            elif _legacy_hash(prev, row) != digest:
                failure = (seq, "content does not match its hash")
            if failure is None and checkpoints and checkpoints.get(seq, digest) != digest:
                failure = (seq, "hash differs from the checkpoint (chain rewritten)")
            if failure is not None:
                self.expected = expected
                return self._fail(*failure)
            prev = digest
            expected += 1
        self.expected, self.prev = expected, prev
        return None

    def finish(self, head: tuple[int, str]) -> VerifyResult:
        """Check the end of the chain against the head row and the checkpoints."""
        checked = self.expected - 1
        if checked and not self.keyed_seen:
            return self._fail(checked + 1, f"the {checked} unkeyed events are not sealed by a key")
        head_seq, head_hash = head
        if head_seq != checked or head_hash != self.prev:
            return self._fail(checked + 1, f"chain ends at #{checked} but head says #{head_seq}")
        beyond = max(self.checkpoints, default=0)
        if beyond > checked:
            return self._fail(
                checked + 1, f"chain ends at #{checked} before checkpoint #{beyond} (truncated)"
            )
        return VerifyResult(True, checked, head_seq=checked, head_hash=self.prev)


def _legacy_hash(prev: str, row: Any) -> str:
    """Recompute a legacy (pre-key) link from its row by the rule it was written with."""
    seq, occurred, actor_id, label, etype, otype, oid, orepr, changes, ip = row[:10]
    if isinstance(occurred, str):  # SQLite without its datetime converter: naive UTC text
        occurred = datetime.fromisoformat(occurred)
    if occurred.tzinfo is None:  # SQLite: naive UTC
        occurred = occurred.replace(tzinfo=UTC)
    content = legacy_event_content(
        seq=seq,
        occurred_at=occurred,
        actor_id=actor_id,
        actor_label=label,
        event_type=etype,
        object_type=otype,
        object_id=oid,
        object_repr=orepr,
        changes=json.loads(changes) if isinstance(changes, str) else changes,
        ip_address=ip,
    )
    return legacy_link_hash(prev, content)
