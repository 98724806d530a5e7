"""The audit trail is hash-chained: any edit, deletion or reordering is caught by verify()."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import verify
from tdkt.organizations.services import person_update

from .conftest import events_table

pytestmark = pytest.mark.django_db


def test_chain_of_a_busy_registry_verifies(registry):
    """Every service write left a link and the whole chain checks out."""
    result = verify()
    assert result.ok, result
    assert result.checked == AuditEvent.objects.count() >= 15


def test_write_and_audit_entry_commit_together(registry):
    """Changing a person records before/after values, with the actor, in the chain."""
    person_update(actor=registry.officer, person=registry.anh, full_name="Nguyễn Văn Ánh Dương")
    event = AuditEvent.objects.order_by("-seq").first()
    assert event.event_type == AuditEventType.PERSON_UPDATED
    assert event.actor == registry.officer
    assert event.changes == {"full_name": ["Nguyễn Văn Ánh", "Nguyễn Văn Ánh Dương"]}
    assert verify().ok


def test_edited_row_is_caught(registry, tamper):
    """Rewriting an event's content with raw SQL breaks that very link."""
    victim = AuditEvent.objects.order_by("seq")[5]
    tamper(
        f"UPDATE {events_table()} SET actor_label = %s WHERE seq = %s",  # noqa: S608
        ["someone else", victim.seq],
    )
    result = verify()
    assert not result.ok
    assert result.broken_seq == victim.seq


def test_deleted_row_is_caught(registry, tamper):
    """Deleting an event in the middle leaves a gap that verify names."""
    victim = AuditEvent.objects.order_by("seq")[3]
    tamper(f"DELETE FROM {events_table()} WHERE seq = %s", [victim.seq])  # noqa: S608
    result = verify()
    assert not result.ok
    assert result.broken_seq == victim.seq


def test_deleted_tail_is_caught(registry, tamper):
    """Deleting the newest event is caught by the chain head."""
    last = AuditEvent.objects.order_by("-seq").first()
    tamper(f"DELETE FROM {events_table()} WHERE seq = %s", [last.seq])  # noqa: S608
    result = verify()
    assert not result.ok
    assert result.broken_seq == last.seq


def test_reordered_rows_are_caught(registry, tamper):
    """Swapping the order of two events breaks the chain at the first of them."""
    first, second = AuditEvent.objects.order_by("seq")[2:4]
    update = f"UPDATE {events_table()} SET seq = %s WHERE id = %s"  # noqa: S608
    tamper(update, [10**9, first.id])
    tamper(update, [first.seq, second.id])
    tamper(update, [second.seq, first.id])
    result = verify()
    assert not result.ok
    assert result.broken_seq == first.seq


def test_verify_command_names_the_broken_link(registry, capsys, tamper):
    """`tdkt audit verify` exits non-zero and names the first broken link."""
    call_command("audit", "verify")
    assert "OK" in capsys.readouterr().out
    victim = AuditEvent.objects.order_by("seq")[7]
    tamper(
        f"UPDATE {events_table()} SET changes = %s WHERE seq = %s",  # noqa: S608
        ['{"x": [1, 2]}', victim.seq],
    )
    with pytest.raises(SystemExit) as exc:
        call_command("audit", "verify")
    assert exc.value.code == 1
    assert f"#{victim.seq}" in capsys.readouterr().err


def test_bulk_append_links_every_event_in_order(registry):
    """record_many appends a batch as consecutive links that verify like single records."""
    from tdkt.audit.services import PendingEvent, record_many

    before = AuditEvent.objects.count()
    people = [registry.anh, registry.duc]
    created = record_many(
        [
            PendingEvent(AuditEventType.PERSON_UPDATED, actor=registry.officer, obj=person)
            for person in people
        ]
    )
    assert [e.object_repr for e in created] == [str(p) for p in people]
    assert [e.seq for e in created] == [before + 1, before + 2]
    assert created[1].prev_hash == created[0].hash
    assert verify().ok


def test_a_large_batch_is_appended_in_several_statements_as_one_chain(registry):
    """An import-sized batch (over one INSERT's worth) still forms consecutive links."""
    from tdkt.audit.services import INSERT_BATCH, PendingEvent, record_many

    head = verify().head_seq
    size = 2 * INSERT_BATCH + 1
    created = record_many(
        [
            PendingEvent(AuditEventType.PERSON_UPDATED, obj=registry.anh, changes={"n": [n, n + 1]})
            for n in range(size)
        ]
    )
    assert [e.seq for e in created] == list(range(head + 1, head + size + 1))
    stored = dict(AuditEvent.objects.filter(seq__gt=head).values_list("pk", "seq"))
    assert {e.pk: e.seq for e in created} == stored
    assert verify().ok
