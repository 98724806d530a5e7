"""Refuse to start production with a configuration that would be unsafe or lose data.

``tdkt.settings.prod`` calls :func:`require_production_ready` while it is imported, so the web
server, the task workers and every ``tdkt`` command stop at start with one line saying what to
fix, instead of running on a guessable key or a throw-away SQLite file (issue #7). ``check
--deploy`` still runs Django's own checks on top.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .database import is_sqlite

MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_UNIQUE_CHARACTERS = 5

#: Keys that appear in this repository (dev and test settings); never valid in production.
PUBLISHED_KEYS = frozenset({"dev-only-insecure-key-do-not-use-in-production", "test-only-key"})


class SettingsRefused(ImproperlyConfigured):
    """The settings are unsafe for production; the message is one line saying what to set."""


def secret_key_problem(key: str) -> str | None:
    """Return why ``key`` is too weak for production, or None when it will do.

    The thresholds are Django's own (``security.W009``): 50 characters, 5 distinct ones, and not
    the ``django-insecure-`` key that ``startproject`` writes.
    """
    if not key:
        return "TDKT_SECRET_KEY is not set"
    if key in PUBLISHED_KEYS or key.startswith("django-insecure-"):
        return "TDKT_SECRET_KEY is a published development key"
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return f"TDKT_SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters"
    if len(set(key)) < MIN_SECRET_KEY_UNIQUE_CHARACTERS:
        return (
            f"TDKT_SECRET_KEY has fewer than {MIN_SECRET_KEY_UNIQUE_CHARACTERS} distinct characters"
        )
    return None


def require_production_ready(*, secret_key: str, database: dict[str, Any]) -> None:
    """Raise :class:`SettingsRefused` when the key is weak or the database is SQLite."""
    problem = secret_key_problem(secret_key)
    if problem:
        raise SettingsRefused(
            f"Production settings refused: {problem}; set it to 50+ random characters "
            "(e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    if is_sqlite(database):
        raise SettingsRefused(
            "Production settings refused: the database is SQLite; set TDKT_DATABASE_URL to "
            "postgresql://user:password@host:5432/name."
        )
