"""Events written before the chain was keyed are kept as they are and sealed by a keyed event.

The test rolls the audit app back to its last unkeyed migration, writes events with the old
rule, as an existing installation holds them, and migrates forward again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tdkt.audit.chain import GENESIS, legacy_event_content, legacy_link_hash
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import record, verify

from .conftest import events_table

pytestmark = pytest.mark.django_db(transaction=True)
UNKEYED = ("audit", "0005_background_job_events")


def _write_unkeyed_events(count: int) -> None:
    """Write ``count`` events with the pre-key rule through the old schema."""
    state = MigrationExecutor(connection).loader.project_state(UNKEYED)
    old_event = state.apps.get_model("audit", "AuditEvent")
    old_head = state.apps.get_model("audit", "AuditChainHead")
    prev = GENESIS
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for seq in range(1, count + 1):
        values = {
            "seq": seq,
            "occurred_at": start + timedelta(minutes=seq, microseconds=seq * 7),
            "actor_id": None,
            "actor_label": "system",
            "event_type": "organization.updated",
            "object_type": "organizations.organization",
            "object_id": f"org-{seq}",
            "object_repr": f"Đơn vị {seq}",
            "changes": {"name": [f"Cũ {seq}", f"Mới {seq}"], "since": "2026-01-05"},
            "ip_address": "10.0.0.1",
        }
        digest = legacy_link_hash(prev, legacy_event_content(**values))
        old_event.objects.create(**values, prev_hash=prev, hash=digest)
        prev = digest
    old_head.objects.update_or_create(pk=1, defaults={"last_seq": count, "last_hash": prev})


def test_an_existing_unkeyed_chain_is_sealed_on_migration_and_stays_checked(tamper):
    """After migrating, the old events verify by their rule, behind one keyed seal event."""
    call_command("migrate", "audit", UNKEYED[1], verbosity=0)
    try:
        _write_unkeyed_events(5)
    finally:
        call_command("migrate", "audit", verbosity=0)
    result = verify()
    assert result.ok, result
    assert result.checked == 6
    seal = AuditEvent.objects.get(seq=6)
    assert seal.event_type == AuditEventType.AUDIT_CHAIN_SEALED
    assert seal.key_id == "test"
    assert seal.changes["legacy_events"] == 5
    assert AuditEvent.objects.get(seq=1).changes == {
        "name": ["Cũ 1", "Mới 1"],
        "since": "2026-01-05",
    }
    record(event_type=AuditEventType.PERSON_UPDATED)
    assert verify().ok

    tamper(
        f"UPDATE {events_table()} SET object_repr = %s WHERE seq = 2",  # noqa: S608
        ["Đơn vị khác"],
    )
    result = verify()
    assert not result.ok
    assert result.broken_seq == 2


def test_a_fresh_database_starts_keyed_with_no_seal():
    """A new installation has nothing to seal: its first event is keyed."""
    event = record(event_type=AuditEventType.DEMO_DATA_LOADED)
    assert event.seq == 1
    assert event.key_id == "test"
    assert not AuditEvent.objects.filter(event_type=AuditEventType.AUDIT_CHAIN_SEALED).exists()
    assert verify().ok
