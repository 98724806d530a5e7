"""Build ``DATABASES["default"]`` from ``TDKT_DATABASE_URL``, with one way to configure SQLite.

SQLite needs settings that a URL cannot carry: WAL so that readers do not block the writer,
IMMEDIATE transactions so that two writers queue at BEGIN instead of failing half-way with
"database is locked", a busy timeout, and foreign keys (off by default in SQLite). Whether the
file is the default ``var/tdkt.sqlite3``, ``TDKT_SQLITE_PATH`` or a ``sqlite:///…`` URL, it goes
through :func:`sqlite_settings`, so no spelling of the name silently drops them (issue #7).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

SQLITE_ENGINE = "django.db.backends.sqlite3"

#: Seconds a connection waits for another writer's lock before "database is locked".
SQLITE_BUSY_TIMEOUT = 20

SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON")


#: Seconds a worker keeps its SQLite connection between requests (decision 0055).
SQLITE_CONN_MAX_AGE = 600


def sqlite_settings(name: str, *, conn_max_age: int = SQLITE_CONN_MAX_AGE) -> dict[str, Any]:
    """Return the settings of a SQLite database stored in ``name`` (a path or ``:memory:``)."""
    on_disk = bool(name) and name != ":memory:" and not name.startswith("file:")
    if on_disk:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": SQLITE_ENGINE,
        "NAME": name,
        # A new connection parses the whole schema and starts with an empty page cache before
        # its first query: about 1.5 ms, more than a signed-in request's own queries. A worker
        # keeps its connection (decision 0055); Django closes it after an error, and between
        # requests it holds no transaction, so WAL checkpoints are not held back.
        "CONN_MAX_AGE": conn_max_age if on_disk else 0,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of failing
            # with "database is locked" half-way through a transaction.
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT,
            "init_command": "; ".join(f"PRAGMA {pragma}" for pragma in SQLITE_PRAGMAS) + ";",
        },
    }


def database_settings(url: str, *, sqlite_path: Path, conn_max_age: int) -> dict[str, Any]:
    """Return the default database's settings for ``url`` (empty: SQLite at ``sqlite_path``)."""
    if not url:
        return sqlite_settings(str(sqlite_path), conn_max_age=conn_max_age)
    config: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    )
    if config.get("ENGINE") == SQLITE_ENGINE:
        return sqlite_settings(str(config.get("NAME") or ":memory:"), conn_max_age=conn_max_age)
    return config


def is_sqlite(config: dict[str, Any]) -> bool:
    """Return True when ``config`` (one entry of ``DATABASES``) is a SQLite database."""
    return config.get("ENGINE") == SQLITE_ENGINE
