"""Database-specific SQL for the few things the ORM cannot declare on both databases.

tdkt runs on SQLite and PostgreSQL with the same migrations (docs/architecture.md). A search
index or a trigger exists in one dialect per database: SQLite's FTS5 table and its triggers,
PostgreSQL's pg_trgm index. ``VendorSQL`` is a migration operation that runs its SQL on one
database and does nothing on the other; ``DerivedSQL`` lists the objects a database must hold
so that they can be checked and recreated after ``migrate`` (see ``ensure``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import migrations
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import ProjectState


class VendorSQL(migrations.RunSQL):
    """``RunSQL`` on one database vendor ("sqlite" or "postgresql"), a no-op on the others."""

    def __init__(
        self,
        vendor: str,
        sql: Sequence[str],
        reverse_sql: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(list(sql), list(reverse_sql) or migrations.RunSQL.noop, **kwargs)
        self.vendor = vendor

    def deconstruct(self) -> tuple[str, Sequence[Any], dict[str, Any]]:
        """Keep the vendor when a migration is squashed or written back."""
        name, args, kwargs = super().deconstruct()
        kwargs["vendor"] = self.vendor
        return name, args, kwargs

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        """Run the SQL only on this operation's vendor."""
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        """Undo the SQL only on this operation's vendor."""
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        """Say which database the SQL is for (``migrate --plan``)."""
        return f"Raw SQL operation on {self.vendor}"


@dataclass(frozen=True)
class DerivedSQL:
    """Database objects (triggers, virtual tables) that keep derived data in step with a table.

    SQLite rebuilds a table to change most of its columns (Django's ``_remake_table``), and
    dropping the old table drops its triggers with it; a later migration of that table would
    silently stop an index or a count from following its rows. ``ensure`` recreates whatever
    is missing and then calls ``rebuild`` to bring the derived data back up to date.
    """

    vendor: str
    #: Names of the triggers (or tables) whose presence shows the objects are in place.
    names: tuple[str, ...]
    create: tuple[str, ...]
    rebuild: tuple[str, ...] = field(default=())

    def missing(self, connection: BaseDatabaseWrapper) -> list[str]:
        """Return the names of the objects this database lacks (none on other vendors)."""
        if connection.vendor != self.vendor:
            return []
        present = _object_names(connection)
        return [name for name in self.names if name not in present]

    def ensure(self, connection: BaseDatabaseWrapper) -> bool:
        """Recreate the objects when any is missing, rebuild the derived data; return True
        when something was repaired."""
        if not self.missing(connection):
            return False
        with connection.cursor() as cursor:
            for statement in (*self.create, *self.rebuild):
                cursor.execute(statement)
        return True


def _object_names(connection: BaseDatabaseWrapper) -> set[str]:
    queries: dict[str, Callable[[], str]] = {
        "sqlite": lambda: "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table')",
        "postgresql": lambda: (
            "SELECT tgname FROM pg_trigger UNION SELECT indexname FROM pg_indexes "
            "UNION SELECT proname FROM pg_proc"
        ),
    }
    with connection.cursor() as cursor:
        cursor.execute(queries[connection.vendor]())
        return {row[0] for row in cursor.fetchall()}


def refresh_statistics(*models: type[Any], using: str = "default") -> None:
    """Bring PostgreSQL's planner statistics of ``models``' tables up to date (``ANALYZE``).

    After a bulk load (the demo, a large import) the statistics still describe the tables as
    they were, often empty, until autovacuum gets to them: meanwhile the planner can pick
    nested loops over thousands of rows, and a page that takes milliseconds takes minutes (an
    eligibility page took 246 s in the tests). Inside the loading transaction ``ANALYZE`` sees
    the transaction's own rows. SQLite plans from its indexes alone: nothing to do there.
    """
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    tables = sorted(
        {model._meta.db_table for model in models if model._meta.managed and not model._meta.proxy}
    )
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table)}")  # table names come from the models
