"""Versions of records for optimistic concurrency: a fingerprint of what the editor saw.

An edit form (in a hidden field) or an API client (in ``If-Match``, from the ``ETag`` of its
GET) sends back the version it was drawn from; the service refuses the save when the record's
version has changed since (decision 0038). A version is derived from the record's fields, so
it needs no column, no migration and no discipline from the code that writes: whatever
changes a field changes the version. The state behind a version holds public values only
(UUIDs for references, ISO dates), so it can travel in a page without leaking internal ids.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID


def public_value(value: Any) -> Any:
    """Return ``value`` as it is compared and sent: a record as its UUID, a date in ISO, a
    decimal without trailing zeros (12000000.00 and 12000000 are the same amount)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text in {"-0", ""} else text
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if hasattr(value, "uuid"):
        return str(value.uuid)
    if hasattr(value, "_meta"):  # a record without a public id is never part of a state
        raise TypeError(f"{type(value).__name__} has no public id")
    return str(value)


def fingerprint(state: Mapping[str, Any]) -> str:
    """Return the version of ``state``: 16 hex digits of SHA-256 over its canonical JSON."""
    canonical = json.dumps(state, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode_state(state: Mapping[str, Any]) -> str:
    """Return ``state`` as URL-safe text for a hidden form field."""
    raw = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_state(text: str | None) -> dict[str, Any] | None:
    """Return the state encoded by ``encode_state``, or None for anything else."""
    if not text:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        state = json.loads(raw.decode())
    except (binascii.Error, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return state if isinstance(state, dict) else None
