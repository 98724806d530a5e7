"""On PostgreSQL the audit table refuses UPDATE and DELETE, whoever sends them."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import record, verify

from .conftest import events_table

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the append-only trigger exists on PostgreSQL"
    ),
]


def _refused(sql: str, params: list) -> str:
    with pytest.raises(DatabaseError) as exc, transaction.atomic(), connection.cursor() as cur:
        cur.execute(sql, params)
    return str(exc.value)


def test_editing_an_event_is_refused(registry):
    """A raw UPDATE fails and the event keeps its content."""
    victim = AuditEvent.objects.order_by("seq")[3]
    message = _refused(
        f"UPDATE {events_table()} SET actor_label = %s WHERE seq = %s",  # noqa: S608
        ["someone else", victim.seq],
    )
    assert "append-only" in message
    assert AuditEvent.objects.get(pk=victim.pk).actor_label == victim.actor_label


def test_deleting_events_is_refused_even_through_the_orm(registry):
    """DELETE fails, from raw SQL or the ORM, even when it matches no row."""
    count = AuditEvent.objects.count()
    assert "append-only" in _refused(f"DELETE FROM {events_table()} WHERE seq > %s", [0])  # noqa: S608
    assert "append-only" in _refused(f"DELETE FROM {events_table()} WHERE seq < %s", [0])  # noqa: S608
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(seq=1).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(seq=1).update(object_repr="x")
    assert AuditEvent.objects.count() == count
    assert verify().ok


def test_appending_still_works(registry):
    """The trigger leaves INSERT alone: services keep recording."""
    event = record(event_type=AuditEventType.PERSON_UPDATED, actor=registry.officer)
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert verify().ok
