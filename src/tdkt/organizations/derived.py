"""What the database keeps in step with the person table by itself: the name index, the counts.

* **Name search.** SQLite: an FTS5 table over ``search_key`` (word tokens with prefix indexes,
  so "nguyen van a" is found through the index), kept by triggers. PostgreSQL: a pg_trgm GIN
  index over ``search_key``, which PostgreSQL maintains itself.
* **People per category** (``PersonCount``): triggers on both databases add and remove each
  inserted, deleted or re-categorised person, whoever writes it (a service or a bulk import).

Triggers only derive data from the person rows the services wrote; they never write domain
rows (docs/decisions/0045). Migration 0005 creates these objects from the statements below;
after every ``migrate`` ``ensure_derived`` recreates any that a later migration dropped (SQLite
rebuilds a table to alter it, and the old table's triggers go with it) and rebuilds the index
and counts. A change to these statements needs a migration that drops and recreates them.
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

from tdkt.core.dbsql import DerivedSQL

SEARCH_TABLE = "organizations_person_search"

_SQLITE_COUNT_UP = (
    "INSERT INTO organizations_personcount (category, count) VALUES (new.category, 1) "
    "ON CONFLICT (category) DO UPDATE SET count = count + 1;"
)
_SQLITE_COUNT_DOWN = (
    "UPDATE organizations_personcount SET count = count - 1 WHERE category = old.category;"
)
_RECOUNT = (
    "DELETE FROM organizations_personcount",
    "INSERT INTO organizations_personcount (category, count) "
    "SELECT category, count(*) FROM organizations_person GROUP BY category",
)

SQLITE = DerivedSQL(
    vendor="sqlite",
    names=(
        SEARCH_TABLE,
        "organizations_person_search_insert",
        "organizations_person_search_delete",
        "organizations_person_search_update",
        "organizations_person_count_insert",
        "organizations_person_count_delete",
        "organizations_person_count_update",
    ),
    create=(
        "CREATE VIRTUAL TABLE IF NOT EXISTS organizations_person_search USING fts5(search_key, "
        "content='organizations_person', content_rowid='id', prefix='1 2 3')",
        "CREATE TRIGGER IF NOT EXISTS organizations_person_search_insert "
        "AFTER INSERT ON organizations_person BEGIN "
        "INSERT INTO organizations_person_search (rowid, search_key) "
        "VALUES (new.id, new.search_key); END",
        "CREATE TRIGGER IF NOT EXISTS organizations_person_search_delete "
        "AFTER DELETE ON organizations_person BEGIN "
        "INSERT INTO organizations_person_search (organizations_person_search, rowid, search_key) "
        "VALUES ('delete', old.id, old.search_key); END",
        "CREATE TRIGGER IF NOT EXISTS organizations_person_search_update "
        "AFTER UPDATE OF search_key ON organizations_person BEGIN "
        "INSERT INTO organizations_person_search (organizations_person_search, rowid, search_key) "
        "VALUES ('delete', old.id, old.search_key); "
        "INSERT INTO organizations_person_search (rowid, search_key) "
        "VALUES (new.id, new.search_key); END",
        "CREATE TRIGGER IF NOT EXISTS organizations_person_count_insert "
        "AFTER INSERT ON organizations_person BEGIN " + _SQLITE_COUNT_UP + " END",
        "CREATE TRIGGER IF NOT EXISTS organizations_person_count_delete "
        "AFTER DELETE ON organizations_person BEGIN " + _SQLITE_COUNT_DOWN + " END",
        "CREATE TRIGGER IF NOT EXISTS organizations_person_count_update "
        "AFTER UPDATE OF category ON organizations_person "
        "WHEN old.category IS NOT new.category BEGIN "
        + _SQLITE_COUNT_DOWN
        + " "
        + _SQLITE_COUNT_UP
        + " END",
    ),
    rebuild=(
        "INSERT INTO organizations_person_search (organizations_person_search) VALUES ('rebuild')",
        *_RECOUNT,
    ),
)

SQLITE_DROP = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE.names[1:]),
    f"DROP TABLE IF EXISTS {SEARCH_TABLE}",
)

POSTGRESQL = DerivedSQL(
    vendor="postgresql",
    names=(
        "organizations_person_search_trgm",
        "organizations_person_count_insert",
        "organizations_person_count_delete",
        "organizations_person_count_update",
    ),
    create=(
        # pg_trgm is a trusted extension: the database owner may create it (PostgreSQL 13+).
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX IF NOT EXISTS organizations_person_search_trgm "
        "ON organizations_person USING gin (search_key gin_trgm_ops)",
        # Bulk inserts and deletes count once per statement, through their transition tables;
        # rows are locked in category order so that two writers never wait on each other.
        """CREATE OR REPLACE FUNCTION organizations_person_count_rows() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO organizations_personcount AS c (category, count)
              SELECT category, count(*) FROM new_rows GROUP BY category ORDER BY category
              ON CONFLICT (category) DO UPDATE SET count = c.count + EXCLUDED.count;
          ELSE
            UPDATE organizations_personcount AS c SET count = c.count - d.n
              FROM (SELECT category, count(*) AS n FROM old_rows GROUP BY category) AS d
              WHERE c.category = d.category;
          END IF;
          RETURN NULL;
        END $$""",
        """CREATE OR REPLACE FUNCTION organizations_person_count_move() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE organizations_personcount SET count = count - 1 WHERE category = OLD.category;
          INSERT INTO organizations_personcount AS c (category, count) VALUES (NEW.category, 1)
            ON CONFLICT (category) DO UPDATE SET count = c.count + 1;
          RETURN NULL;
        END $$""",
        "DROP TRIGGER IF EXISTS organizations_person_count_insert ON organizations_person",
        "CREATE TRIGGER organizations_person_count_insert AFTER INSERT ON organizations_person "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION organizations_person_count_rows()",
        "DROP TRIGGER IF EXISTS organizations_person_count_delete ON organizations_person",
        "CREATE TRIGGER organizations_person_count_delete AFTER DELETE ON organizations_person "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION organizations_person_count_rows()",
        "DROP TRIGGER IF EXISTS organizations_person_count_update ON organizations_person",
        "CREATE TRIGGER organizations_person_count_update "
        "AFTER UPDATE OF category ON organizations_person FOR EACH ROW "
        "WHEN (OLD.category IS DISTINCT FROM NEW.category) "
        "EXECUTE FUNCTION organizations_person_count_move()",
    ),
    rebuild=_RECOUNT,
)

POSTGRESQL_DROP = (
    "DROP TRIGGER IF EXISTS organizations_person_count_insert ON organizations_person",
    "DROP TRIGGER IF EXISTS organizations_person_count_delete ON organizations_person",
    "DROP TRIGGER IF EXISTS organizations_person_count_update ON organizations_person",
    "DROP FUNCTION IF EXISTS organizations_person_count_rows()",
    "DROP FUNCTION IF EXISTS organizations_person_count_move()",
    "DROP INDEX IF EXISTS organizations_person_search_trgm",
)


def ensure_derived(using: str = "default", **kwargs: Any) -> list[str]:
    """Recreate the search index and count triggers if any is missing, then rebuild them;
    return the names that were missing (connected to ``post_migrate``)."""
    connection = connections[using]
    missing = [name for derived in (SQLITE, POSTGRESQL) for name in derived.missing(connection)]
    for derived in (SQLITE, POSTGRESQL):
        derived.ensure(connection)
    return missing


#: The migration that creates the derived objects; before it (or once it is unapplied) they
#: are not expected.
CREATED_BY = ("organizations", "0006_person_search_index_and_counts")


def ensure_derived_after_migrate(using: str = "default", **kwargs: Any) -> None:
    """After ``migrate``: repair the derived objects when their migration is applied."""
    if CREATED_BY in MigrationRecorder(connections[using]).applied_migrations():
        ensure_derived(using)
