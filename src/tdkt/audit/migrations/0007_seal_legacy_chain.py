"""Seal the events written before the chain was keyed (ADR 0025).

Events already written keep their unkeyed SHA-256 links: rewriting them would bless whatever
they hold today and invalidate any copy of their hashes kept elsewhere. Instead one keyed
event is appended after them, linking to the last legacy hash: it vouches for the whole
prefix, since nobody without the key can write a keyed event that links to a different one.
``verify`` accepts unkeyed links only before the first keyed event and refuses a chain
whose unkeyed events are not followed by one.

The link is computed with ``tdkt.audit.chain`` and the configured key rather than a copy of
them: the seal must hash exactly as ``verify`` checks, and ``chain.py`` keeps every rule
ever used to write a link.
"""

from django.db import migrations
from django.utils import timezone

SEALED = "system.audit_chain_sealed"


def seal(apps, schema_editor):
    from tdkt.audit.chain import canonical_json, canonical_time, keyed_hash, link_message
    from tdkt.audit.keys import keyring

    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    db = schema_editor.connection.alias
    head, _ = AuditChainHead.objects.using(db).get_or_create(pk=1)
    last = AuditEvent.objects.using(db).order_by("-seq").first()
    if last is None:
        return
    ring = keyring()
    occurred_at = timezone.now()
    seq = last.seq + 1
    changes = {"legacy_events": last.seq, "legacy_head": last.hash}
    message = link_message(
        prev_hash=last.hash,
        seq=seq,
        occurred_at=canonical_time(occurred_at),
        actor_id=None,
        actor_label="system",
        event_type=SEALED,
        object_type="",
        object_id="",
        object_repr="",
        changes=canonical_json(changes),
        ip_address="",
        key_id=ring.current_id,
    )
    digest = keyed_hash(ring.current_secret, message)
    AuditEvent.objects.using(db).create(
        seq=seq,
        occurred_at=occurred_at,
        actor_label="system",
        event_type=SEALED,
        changes=changes,
        key_id=ring.current_id,
        prev_hash=last.hash,
        hash=digest,
    )
    head.last_seq, head.last_hash = seq, digest
    head.save(update_fields=["last_seq", "last_hash"])


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_keyed_chain")]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop)]
