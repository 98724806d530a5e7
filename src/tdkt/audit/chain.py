"""Hash-chain arithmetic for audit events: the one code path that computes a link's hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

GENESIS = "0" * 64


def jsonable(value: Any) -> Any:
    """Convert ``value`` to JSON types that survive a JSONField round trip unchanged.

    Dates, decimals and UUIDs become strings; floats become strings too, because a jsonb
    round trip may print them differently and the hash must not depend on the database.
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


def link_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    """Return SHA-256 of the previous hash and the canonical JSON of ``content``."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}|{canonical}".encode()).hexdigest()


def event_content(
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
    """Return the hashed content of one event, identical when written and when verified."""
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
