"""Link arithmetic for audit events: the one place that says which bytes a link's hash covers.

Two rules exist. Every event written since ADR 0025 is *keyed*: its hash is
HMAC-SHA256(secret, message), where the message joins the previous hash and the event's
stored column values with a separator (``link_message``), so verification hashes what the
database holds without re-serialising anything. Events written before then are *legacy*:
SHA-256 over the previous hash and a canonical JSON of their content; they are only ever
verified (``legacy_link_hash``), and a keyed seal event after them vouches for the whole prefix.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

GENESIS = "0" * 64
SEPARATOR = "\x1f"  # ASCII unit separator; removed from every text column before it is hashed
LINK_FIELDS = 12  # previous hash + the eleven hashed columns
_UNSAFE = {ord("\x00"): None, ord(SEPARATOR): None}


def jsonable(value: Any) -> Any:
    """Convert ``value`` to JSON types that survive a database round trip unchanged.

    Dates, decimals and UUIDs become strings; floats become strings too, so that the stored
    text never depends on how a float is printed.
    """
    kind = type(value)  # exact types first: a bulk write converts hundreds of thousands
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        return {str(k): jsonable(v) for k, v in value.items()}
    if kind is list:
        return [jsonable(v) for v in value]
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date | Decimal | UUID | float):
        return str(value)
    return str(value)


def canonical_json(value: Any) -> str:
    """Return the one text form of a JSON value: sorted keys, no spaces, UTF-8 letters kept."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_time(moment: datetime) -> str:
    """Return ``moment`` as naive UTC text (``2026-11-28 15:13:00.123456``).

    This is exactly how Django stores a datetime in SQLite. A naive ``moment`` is taken as UTC:
    that is what a SQLite row holds (PostgreSQL returns aware datetimes).
    """
    if moment.tzinfo is None:
        return str(moment)
    return str(moment.astimezone(UTC).replace(tzinfo=None))


def clean_text(value: str) -> str:
    """Drop NUL (PostgreSQL refuses it) and the link separator from a text column."""
    return value.translate(_UNSAFE)


def link_message(
    *,
    prev_hash: str,
    seq: int,
    occurred_at: str,
    actor_id: int | None,
    actor_label: str,
    event_type: str,
    object_type: str,
    object_id: str,
    object_repr: str,
    changes: str,
    ip_address: str,
    key_id: str,
) -> str:
    """Join the previous hash and the stored values of one event into the message to key.

    ``occurred_at`` is ``canonical_time`` text and ``changes`` the stored canonical JSON; no
    text column contains the separator (``clean_text``; JSON escapes it), so the join is
    unambiguous, and the verifier checks that it still has exactly ``LINK_FIELDS`` parts.
    """
    return SEPARATOR.join(
        (
            prev_hash,
            str(seq),
            occurred_at,
            "" if actor_id is None else str(actor_id),
            actor_label,
            event_type,
            object_type,
            object_id,
            object_repr,
            changes,
            ip_address,
            key_id,
        )
    )


def keyed_hash(secret: bytes, message: str) -> str:
    """Return HMAC-SHA256 of ``message`` under ``secret``, as 64 hex digits."""
    return hmac.digest(secret, message.encode(), "sha256").hex()


def legacy_event_content(
    *,
    seq: int,
    occurred_at: datetime,
    actor_id: int | None,
    actor_label: str,
    event_type: str,
    object_type: str,
    object_id: str,
    object_repr: str,
    changes: Mapping[str, Any],
    ip_address: str,
) -> dict[str, Any]:
    """Return the content that an unkeyed event written before ADR 0025 was hashed over."""
    return {
        "seq": seq,
        "occurred_at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor_label": actor_label,
        "event_type": event_type,
        "object_type": object_type,
        "object_id": object_id,
        "object_repr": object_repr,
        "changes": jsonable(changes),
        "ip_address": ip_address,
    }


def legacy_link_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    """Return the unkeyed link of a legacy event: SHA-256 of the previous hash and its JSON."""
    return hashlib.sha256(f"{prev_hash}|{canonical_json(content)}".encode()).hexdigest()
