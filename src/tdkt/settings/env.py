"""Read configuration from ``TDKT_*`` environment variables with typed, safe defaults."""

from __future__ import annotations

import os

PREFIX = "TDKT_"


def env_str(name: str, default: str = "") -> str:
    """Return ``TDKT_<name>`` or the default."""
    return os.environ.get(PREFIX + name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Return ``TDKT_<name>`` read as a boolean (1/true/yes/on)."""
    raw = os.environ.get(PREFIX + name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """Return ``TDKT_<name>`` read as an integer."""
    raw = os.environ.get(PREFIX + name)
    return default if not raw else int(raw)


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """Return ``TDKT_<name>`` split on commas, blanks dropped."""
    raw = os.environ.get(PREFIX + name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]
