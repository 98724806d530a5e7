"""SQLite gets WAL, IMMEDIATE transactions, a busy timeout and foreign keys however it is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler, IntegrityError

from tdkt.settings.database import SQLITE_BUSY_TIMEOUT, database_settings


def _config(url: str, default: Path) -> dict:
    return database_settings(url, sqlite_path=default, conn_max_age=60)


@pytest.mark.parametrize("spelling", ["default", "url", "relative-url"])
def test_every_spelling_of_a_sqlite_file_gets_the_same_settings(tmp_path, monkeypatch, spelling):
    """The default path, ``sqlite:////abs/path`` and ``sqlite:///rel/path`` differ only by name."""
    monkeypatch.chdir(tmp_path)
    reference = _config("", tmp_path / "ref.sqlite3")
    url = {
        "default": "",
        "url": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "relative-url": "sqlite:///var/db.sqlite3",
    }[spelling]
    config = _config(url, tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert {k: v for k, v in config.items() if k != "NAME"} == {
        k: v for k, v in reference.items() if k != "NAME"
    }
    assert (tmp_path / config["NAME"]).parent.is_dir()  # created, as for the default file


def test_a_sqlite_url_connection_has_wal_foreign_keys_timeout_and_immediate_writes(
    tmp_path, django_db_blocker
):
    """A connection opened from ``TDKT_DATABASE_URL=sqlite:///…`` behaves like the default one:
    WAL journal, foreign keys enforced, busy timeout, and BEGIN IMMEDIATE for transactions."""
    config = _config(f"sqlite:///{tmp_path / 'url.sqlite3'}", tmp_path / "unused.sqlite3")
    handler = ConnectionHandler({"default": {}, "probe": config})
    connection = handler["probe"]
    try:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == SQLITE_BUSY_TIMEOUT * 1000
            cursor.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            cursor.execute("CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))")
            with pytest.raises(IntegrityError):
                cursor.execute("INSERT INTO child (parent_id) VALUES (42)")
        assert connection.transaction_mode == "IMMEDIATE"
    finally:
        handler.close_all()


def test_postgresql_urls_are_left_as_dj_database_url_parses_them(tmp_path):
    """A PostgreSQL URL keeps its host, name and persistent connections."""
    config = _config("postgresql://tdkt:secret@db.example:5433/tdkt", tmp_path / "x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "tdkt")
    assert config["CONN_MAX_AGE"] == 60
