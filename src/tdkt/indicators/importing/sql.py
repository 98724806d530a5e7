"""Insert many rows at once: ``COPY`` on PostgreSQL, one ``executemany`` on SQLite.

``QuerySet.bulk_create`` builds a model instance and prepares every field of every row in
Python, which costs more than reading the file itself for 100,000 dossiers. The importers
already hold validated plain values (str, int, date, Decimal, None), so they go to the
driver as they are; only SQLite needs dates and decimals as text, as Django stores them.
Callers run inside the import's transaction; constraints are checked by the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection, models


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, date | Decimal):
        return str(value)
    return value


def bulk_insert(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert ``rows`` (values in the order of ``fields``, model field names) into ``model``."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = []
    for name in fields:
        column = getattr(meta.get_field(name), "column", None)
        if not isinstance(column, str):
            raise ValueError(f"{name!r} is not a concrete column of {meta.label}")
        columns.append(quote(column))
    table = quote(meta.db_table)
    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        elif connection.vendor == "sqlite":
            # The driver's own cursor takes an iterator, so the rows are never all in a list.
            marks = ", ".join("?" * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - quoted columns
            cursor.cursor.executemany(sql, (tuple(map(_sqlite_value, row)) for row in rows))
        else:  # pragma: no cover - tdkt runs on SQLite and PostgreSQL only
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - quoted columns
            cursor.executemany(sql, [tuple(row) for row in rows])
