"""The secrets that key the audit chain: read from settings, never stored in the database.

A key is written ``<key id>:<secret>``. The key id is stored with every event, so a key can be
rotated: the new key signs new events, and retired keys stay configured (``TDKT_AUDIT_OLD_KEYS``)
only to verify the events they signed. See docs/decisions/0025-keyed-audit-chain.md.

This module imports nothing from Django at import time: settings modules use it.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,16}")
MIN_SECRET_LENGTH = 32
LOCAL_KEY_ID = "local"


@dataclass(frozen=True)
class Keyring:
    """The key signing new events and every key that may verify old ones, by key id."""

    current_id: str
    secrets: Mapping[str, bytes]

    @property
    def current_secret(self) -> bytes:
        """Return the secret of the key that signs new events."""
        return self.secrets[self.current_id]


def parse_key(text: str) -> tuple[str, bytes]:
    """Split ``<key id>:<secret>``; refuse a malformed id or a secret shorter than 32 characters."""
    key_id, colon, secret = text.strip().partition(":")
    if not colon or not KEY_ID.fullmatch(key_id):
        raise ValueError(
            "an audit key is written '<key id>:<secret>', the id 1-16 letters, digits, '.', "
            "'_' or '-'"
        )
    if len(secret) < MIN_SECRET_LENGTH:
        raise ValueError(
            f"the secret of audit key '{key_id}' must have at least {MIN_SECRET_LENGTH} characters"
        )
    return key_id, secret.encode()


def build_keyring(current: str, old: Iterable[str] = ()) -> Keyring:
    """Return the keyring of the current key and the retired ones; refuse a repeated key id."""
    if not current.strip():
        raise ValueError("TDKT_AUDIT_KEY is not set: the audit chain needs a secret key")
    current_id, current_secret = parse_key(current)
    found = {current_id: current_secret}
    for text in old:
        key_id, secret = parse_key(text)
        if key_id in found:
            raise ValueError(f"audit key id '{key_id}' is configured twice")
        found[key_id] = secret
    return Keyring(current_id, found)


@functools.cache
def keyring() -> Keyring:
    """Return the configured keyring (cached; ``reset`` clears it when settings change)."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        return build_keyring(
            getattr(settings, "TDKT_AUDIT_KEY", ""), getattr(settings, "TDKT_AUDIT_OLD_KEYS", [])
        )
    except ValueError as exc:
        raise ImproperlyConfigured(str(exc)) from exc


def reset(*, setting: str = "", **kwargs: Any) -> None:
    """Forget the cached keyring when an audit key setting changes (tests override them)."""
    if setting.startswith("TDKT_AUDIT_"):
        keyring.cache_clear()


def local_key(path: Path) -> str:
    """Return the development key kept in ``path``, creating it (owner-only) on first use.

    ``make run`` uses development settings, which call this when ``TDKT_AUDIT_KEY`` is not set,
    so a fresh checkout keys its chain without any set-up step.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"{LOCAL_KEY_ID}:{secrets.token_urlsafe(48)}"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    return text
