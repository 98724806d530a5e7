"""A temporary table that holds the rows of one import, so memory stays flat.

Phase 1 of a bulk import (``bulk.py``) streams every parsed row into a ``Stage`` in batches;
duplicates, matching against the stored rows and the final insert and update are then a few
set-based SQL statements over it. The table lives in the connection's temporary schema (both
SQLite and PostgreSQL), is invisible to other connections and is dropped at the end.

On SQLite the rows are staged in autocommit mode: a write to the temporary database locks
only that database, so other users keep reading and writing while a file is checked.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from django.db import connection

BATCH = 5_000
# Column types: on SQLite the same declared types as Django's DateField and DecimalField
# ("date", "decimal": ISO text and NUMERIC affinity), so values compare equal with stored
# rows and come back from a query as the same Python types.
_TYPES = {
    "sqlite": {"int": "integer", "text": "text", "date": "date", "decimal": "decimal"},
    "postgresql": {"int": "bigint", "text": "text", "date": "date", "decimal": "numeric"},
}


def quote(name: str) -> str:
    """Quote an identifier for the current database."""
    return connection.ops.quote_name(name)


def distinct(a: str, b: str) -> str:
    """SQL for "a and b differ", treating two NULLs as equal."""
    if connection.vendor == "postgresql":
        return f"({a} IS DISTINCT FROM {b})"
    return f"({a} IS NOT {b})"


class Stage:
    """One import's temporary table; use as a context manager (the table is dropped after).

    ``columns`` are (name, type) pairs with type ``int``, ``text``, ``date`` or ``decimal``.
    ``add`` buffers a row (values in column order) and writes every ``BATCH`` rows.
    """

    def __init__(self, columns: Sequence[tuple[str, str]]) -> None:
        self.columns = [name for name, _type in columns]
        self._types = dict(columns)
        self.table = quote(f"tdkt_stage_{uuid.uuid4().hex[:16]}")
        self._buffer: list[Sequence[Any]] = []
        self.rows = 0

    def __enter__(self) -> Stage:
        types = _TYPES.get(connection.vendor, _TYPES["postgresql"])
        spec = ", ".join(f"{quote(n)} {types[t]}" for n, t in self._types.items())
        self.execute(f"CREATE TEMPORARY TABLE {self.table} ({spec})")
        return self

    def __exit__(self, *exc: object) -> None:
        self._buffer.clear()
        self.execute(f"DROP TABLE IF EXISTS {self.table}")

    def add(self, row: Sequence[Any]) -> None:
        """Stage one row (values in column order)."""
        self._buffer.append(row)
        if len(self._buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows."""
        if not self._buffer:
            return
        rows, self._buffer = self._buffer, []
        self.rows += len(rows)
        names = ", ".join(quote(n) for n in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                # Django registers the SQLite adapters for date (ISO text) and Decimal (text).
                cursor.executemany(
                    f"INSERT INTO {self.table} ({names}) VALUES ({marks})",  # noqa: S608
                    rows,
                )

    def analyze(self) -> None:
        """Write what is buffered and give the planner the table's statistics.

        PostgreSQL never analyses temporary tables by itself; without statistics it takes
        100,000 staged rows for a handful and joins them with nested loops.
        """
        self.flush()
        if connection.vendor == "postgresql":
            self.execute("ANALYZE {stage}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement (``{stage}`` stands for the table); return the rows it changed."""
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("{stage}", self.table), list(params))
            return int(cursor.rowcount)

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Yield the rows of a query (``{stage}`` stands for the table), fetched in batches."""
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("{stage}", self.table), list(params))
            while batch := cursor.fetchmany(BATCH):
                yield from batch

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Return the first column of the first row of a query."""
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("{stage}", self.table), list(params))
            row = cursor.fetchone()
        return row[0] if row else None
