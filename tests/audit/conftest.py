"""Helpers for audit tests: an attacker's raw SQL, past the PostgreSQL append-only trigger."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.db import connection

from tdkt.audit.models import AuditChainHead, AuditEvent

Tamper = Callable[..., None]


def events_table() -> str:
    return connection.ops.quote_name(AuditEvent._meta.db_table)


def head_table() -> str:
    return connection.ops.quote_name(AuditChainHead._meta.db_table)


@pytest.fixture
def tamper() -> Tamper:
    """Run raw SQL as someone with full write access to the database would.

    On PostgreSQL the table owner can disable the append-only trigger; the test's transaction
    rolls that back with everything else. What such a person can do is what verify must catch.
    """

    def trigger(cursor: Any, state: str) -> None:
        # ALTER TABLE refuses to run while deferred foreign-key checks are queued.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"ALTER TABLE {events_table()} {state} TRIGGER audit_event_append_only")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    def run(sql: str, params: Sequence[Any] = ()) -> None:
        postgres = connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            if postgres:
                trigger(cursor, "DISABLE")
            cursor.execute(sql, list(params))
            if postgres:
                trigger(cursor, "ENABLE")

    return run
