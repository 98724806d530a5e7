"""Without the key nobody can write a chain that verifies; checkpoints catch the rest."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tdkt.audit.chain import (
    canonical_json,
    canonical_time,
    keyed_hash,
    legacy_event_content,
    legacy_link_hash,
    link_message,
)
from tdkt.audit.constants import AuditEventType
from tdkt.audit.keys import keyring
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import record, verify
from tdkt.audit.verification import Checkpoint, parse_checkpoints
from tdkt.organizations.services import person_update

from .conftest import events_table, head_table

pytestmark = pytest.mark.django_db

TEST_KEY = "test:fixed-audit-key-for-tests-only-000000"  # tdkt.settings.test
KEY_A = "a2026:" + "a" * 40
KEY_B = "b2027:" + "b" * 40
GUESSED = b"the attacker does not know the key"


def _rewrite(tamper, *, secret: bytes | None, edit_seq: int, label: str) -> None:
    """Recompute every link with the app's own code after editing one event's actor label.

    ``secret`` None rewrites the chain with the unkeyed legacy rule instead.
    """
    prev = "0" * 64
    for event in list(AuditEvent.objects.order_by("seq")):
        actor_label = label if event.seq == edit_seq else event.actor_label
        values = {
            "seq": event.seq,
            "actor_id": event.actor_id,
            "actor_label": actor_label,
            "event_type": event.event_type,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "object_repr": event.object_repr,
            "ip_address": event.ip_address,
        }
        if secret is None:
            key_id = ""
            content = legacy_event_content(
                **values, occurred_at=event.occurred_at, changes=event.changes
            )
            digest = legacy_link_hash(prev, content)
        else:
            key_id = event.key_id
            message = link_message(
                **values,
                prev_hash=prev,
                occurred_at=canonical_time(event.occurred_at),
                changes=canonical_json(event.changes),
                key_id=key_id,
            )
            digest = keyed_hash(secret, message)
        tamper(
            f"UPDATE {events_table()} SET actor_label = %s, key_id = %s, prev_hash = %s, "  # noqa: S608
            "hash = %s WHERE id = %s",
            [actor_label, key_id, prev, digest, event.pk],
        )
        prev = digest
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {head_table()} SET last_hash = %s", [prev])  # noqa: S608


def _cut_tail(tamper, *, keep: int) -> None:
    """Delete the events after ``keep`` and roll the head back to it, as an attacker would."""
    kept = AuditEvent.objects.get(seq=keep)
    tamper(f"DELETE FROM {events_table()} WHERE seq > %s", [kept.seq])  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {head_table()} SET last_seq = %s, last_hash = %s",  # noqa: S608
            [kept.seq, kept.hash],
        )


def test_every_new_event_names_the_key_that_signed_it(registry):
    """Events carry the current key id, and their hash is keyed (not a bare SHA-256)."""
    event = record(event_type=AuditEventType.PERSON_UPDATED, actor=registry.officer)
    assert event.key_id == "test"
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.key_id, stored.hash) == ("test", event.hash)
    assert verify().ok


def test_a_chain_recomputed_without_the_key_does_not_verify(registry, tamper):
    """Editing an event and recomputing every link with another key is caught at link #1."""
    _rewrite(tamper, secret=GUESSED, edit_seq=5, label="someone else")
    result = verify()
    assert not result.ok
    assert result.broken_seq == 1
    assert "keyed hash" in result.reason


def test_a_chain_rewritten_with_the_unkeyed_rule_does_not_verify(registry, tamper):
    """Recomputing the whole chain with the legacy SHA-256 rule leaves it unsealed."""
    _rewrite(tamper, secret=None, edit_seq=5, label="someone else")
    result = verify()
    assert not result.ok
    assert "not sealed" in result.reason


def test_a_rewrite_by_a_key_holder_is_caught_by_an_earlier_checkpoint(registry, tamper):
    """Even with the key, rewriting history before a published checkpoint is caught."""
    checkpoint = Checkpoint(verify().head_seq, verify().head_hash)
    person_update(actor=registry.officer, person=registry.anh, phone="0911111111")
    _rewrite(tamper, secret=keyring().current_secret, edit_seq=5, label="someone else")
    assert verify().ok  # the key holder's chain is consistent in itself ...
    result = verify(checkpoints=[checkpoint])  # ... but no longer reaches the checkpoint
    assert not result.ok
    assert result.broken_seq == checkpoint.seq
    assert "checkpoint" in result.reason


def test_a_deleted_tail_with_the_head_rolled_back_is_caught_by_a_checkpoint(registry, tamper):
    """Deleting the newest events and rolling the head back fools the chain, not a checkpoint."""
    checkpoint = Checkpoint(verify().head_seq, verify().head_hash)
    _cut_tail(tamper, keep=checkpoint.seq - 3)
    assert verify().ok
    result = verify(checkpoints=[checkpoint])
    assert not result.ok
    assert "truncated" in result.reason


def test_rotated_keys_verify_old_events_while_the_old_key_is_kept(registry):
    """After rotation new events use the new key; the old one must stay to verify older ones."""
    with override_settings(TDKT_AUDIT_KEY=KEY_A, TDKT_AUDIT_OLD_KEYS=[]):
        record(event_type=AuditEventType.PERSON_UPDATED, actor=registry.officer)
    with override_settings(TDKT_AUDIT_KEY=KEY_B, TDKT_AUDIT_OLD_KEYS=[KEY_A, TEST_KEY]):
        record(event_type=AuditEventType.PERSON_UPDATED, actor=registry.officer)
        ids = list(AuditEvent.objects.order_by("-seq").values_list("key_id", flat=True)[:2])
        assert ids == ["b2027", "a2026"]
        assert verify().ok
    with override_settings(TDKT_AUDIT_KEY=KEY_B, TDKT_AUDIT_OLD_KEYS=[TEST_KEY]):
        result = verify()
        assert not result.ok
        assert "unknown key id 'a2026'" in result.reason


def test_record_appends_in_two_or_three_statements(registry, django_assert_num_queries):
    """Appending locks the head, inserts the event and moves the head: nothing more.

    PostgreSQL inserts and moves the head in one statement.
    """
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 3):
        event = record(event_type=AuditEventType.PERSON_UPDATED, actor=registry.officer)
    assert AuditEvent.objects.get(pk=event.pk).hash == event.hash
    assert verify().ok


def test_checkpoint_command_prints_a_line_that_verify_accepts(registry, tmp_path, capsys):
    """`tdkt audit checkpoint` names the head; `verify --checkpoint` passes while it holds."""
    call_command("audit", "checkpoint")
    line = capsys.readouterr().out.strip()
    head = verify()
    assert line == f"tdkt-audit-checkpoint seq={head.head_seq} hash={head.head_hash}"
    assert parse_checkpoints(line) == [Checkpoint(head.head_seq, head.head_hash)]
    path = tmp_path / "checkpoints.txt"
    path.write_text(f"# monthly\n{line}\n", encoding="utf-8")
    person_update(actor=registry.officer, person=registry.anh, phone="0922222222")
    call_command("audit", "verify", "--checkpoint", str(path))
    assert "Reaches 1 checkpoint" in capsys.readouterr().out


def test_verify_command_fails_when_the_chain_no_longer_reaches_a_checkpoint(
    registry, tmp_path, capsys, tamper
):
    """A truncated chain makes `verify --checkpoint` exit 1 and say so."""
    head = verify()
    path = tmp_path / "checkpoints.txt"
    path.write_text(Checkpoint(head.head_seq, head.head_hash).line() + "\n", encoding="utf-8")
    _cut_tail(tamper, keep=head.head_seq - 1)
    with pytest.raises(SystemExit) as exc:
        call_command("audit", "verify", "--checkpoint", str(path))
    assert exc.value.code == 1
    assert "truncated" in capsys.readouterr().err


def test_a_malformed_checkpoint_file_is_refused(registry, tmp_path):
    """A file that is not checkpoint lines is an error, never a silent pass."""
    path = tmp_path / "checkpoints.txt"
    path.write_text("seq=3 hash=abc\n", encoding="utf-8")
    with pytest.raises(Exception, match="not a checkpoint line"):
        call_command("audit", "verify", "--checkpoint", str(path))


def test_an_unkeyed_event_appended_after_keyed_ones_is_refused(registry):
    """The unkeyed rule is only for the sealed past: a new unkeyed link is a forgery."""
    head = verify()
    occurred = AuditEvent.objects.get(seq=head.head_seq).occurred_at
    values = {
        "seq": head.head_seq + 1,
        "occurred_at": occurred,
        "actor_id": None,
        "actor_label": "system",
        "event_type": "person.updated",
        "object_type": "",
        "object_id": "",
        "object_repr": "forged",
        "changes": {},
        "ip_address": "",
    }
    digest = legacy_link_hash(head.head_hash, legacy_event_content(**values))
    forged = AuditEvent(**values, key_id="", prev_hash=head.head_hash, hash=digest)
    forged.save()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {head_table()} SET last_seq = %s, last_hash = %s",  # noqa: S608
            [forged.seq, digest],
        )
    result = verify()
    assert not result.ok
    assert result.broken_seq == forged.seq
    assert "unkeyed event after" in result.reason
