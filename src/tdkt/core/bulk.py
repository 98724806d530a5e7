"""Insert thousands of new rows in a few statements, for the batch services of imports.

On SQLite, ``QuerySet.bulk_create`` compiles every value through the SQL compiler's generic
machinery; for an import of 20,000 people that costs three times what ``bulk_insert`` does:
the same multi-row ``INSERT … RETURNING id``, values converted by each field's own
``get_db_prep_save`` (once per value, text passed as is), the new primary keys set on the
objects. On PostgreSQL it uses ``COPY`` with keys drawn from the sequence beforehand, the
database's own bulk path: faster than ``bulk_create``'s ``UNNEST`` arrays, which were faster
than any multi-row ``VALUES`` list (measured by ``bench/import_bench.py``). It is for new rows
of plain models only: no multi-table inheritance, no signals, no ``save()`` (the services
that call it validate and audit themselves).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import connections, models, router

M = TypeVar("M", bound=models.Model)

#: Rows per statement at most (SQLite's limit of 999 parameters usually decides first).
ROWS_PER_STATEMENT = 1_000
_TEXT_TYPES = {"CharField", "TextField", "EmailField", "SlugField"}


def _converter(field: models.Field[Any, Any], connection: Any) -> Callable[[Any], Any]:
    prepare = field.get_db_prep_save
    if field.get_internal_type() in _TEXT_TYPES:

        def text(value: Any) -> Any:
            return value if value is None or type(value) is str else prepare(value, connection)

        return text
    return lambda value: prepare(value, connection)


def _concrete(field: Any) -> models.Field[Any, Any]:
    if not isinstance(field, models.Field) or not field.concrete:
        raise TypeError(f"{field!r} is not a stored field")
    return field


def bulk_insert(model: type[M], objs: Sequence[M], fields: Sequence[str]) -> None:
    """Insert the unsaved ``objs`` (their ``fields``, by name) and set their primary keys.

    Defaults are not applied here: set every value (a ``uuid``, a date) before calling.
    """
    if not objs:
        return
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor == "postgresql":
        _copy(model, objs, fields, connection, alias)
        return
    if connection.vendor != "sqlite":
        model._default_manager.db_manager(alias).bulk_create(objs, batch_size=ROWS_PER_STATEMENT)
        return
    meta = model._meta
    columns = [_concrete(meta.get_field(name)) for name in fields]
    convert = [_converter(column, connection) for column in columns]
    attnames = [column.attname for column in columns]
    quote = connection.ops.quote_name
    names = ", ".join(quote(column.column) for column in columns)
    # Table and column names come from the model, quoted; every value is a parameter.
    prefix = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES "  # noqa: S608
    row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    limit = connection.features.max_query_params
    per_statement = min(ROWS_PER_STATEMENT, limit // len(columns)) if limit else ROWS_PER_STATEMENT
    returning = f" RETURNING {quote(meta.pk.column)}"
    with connection.cursor() as cursor:
        for start in range(0, len(objs), per_statement):
            batch = objs[start : start + per_statement]
            params = [
                conv(getattr(obj, name))
                for obj in batch
                for conv, name in zip(convert, attnames, strict=True)
            ]
            cursor.execute(prefix + ", ".join([row_sql] * len(batch)) + returning, params)
            for obj, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = alias


def _copy(
    model: type[M], objs: Sequence[M], fields: Sequence[str], connection: Any, alias: str
) -> None:
    """PostgreSQL: take the primary keys from the table's sequence, then ``COPY`` the rows.

    ``COPY`` is PostgreSQL's bulk path (no SQL to parse per row, one stream); it cannot return
    the new keys, so they are drawn first, in one statement, and written with the rows.
    Statement triggers (the kept counts) fire once for the whole copy, as for an ``INSERT``.
    """
    meta = model._meta
    pk = meta.pk
    assert pk is not None  # noqa: S101 - every model has one
    columns = [_concrete(meta.get_field(name)) for name in fields]
    convert = [_converter(column, connection) for column in columns]
    attnames = [column.attname for column in columns]
    quote = connection.ops.quote_name
    names = ", ".join(quote(column.column) for column in [pk, *columns])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, pk.column, len(objs)],
        )
        keys = [row[0] for row in cursor.fetchall()]
        # Table and column names come from the model, quoted; the rows are streamed as data.
        statement = f"COPY {quote(meta.db_table)} ({names}) FROM STDIN"
        with cursor.cursor.copy(statement) as copy:
            for obj, key in zip(objs, keys, strict=True):
                pairs = zip(convert, attnames, strict=True)
                copy.write_row([key, *(conv(getattr(obj, name)) for conv, name in pairs)])
    for obj, key in zip(objs, keys, strict=True):
        obj.pk = key
        obj._state.adding = False
        obj._state.db = alias


_pauses = 0
_pauses_lock = threading.Lock()
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Suspend Python's cyclic garbage collector while a bulk operation builds its objects.

    An import of 20,000 rows creates a few million objects that all live until it ends; each
    automatic full collection walks all of them again, which cost a quarter of the import's
    time (measured: 3.6–4.7 s of 15–20 s). Reference counting still frees everything as usual;
    only cycles wait, and one collection runs at the end. Nested and concurrent uses (two
    imports in one process) share one pause: the collector comes back when the last ends, and
    only if it was on before.
    """
    global _pauses, _was_enabled
    with _pauses_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            resume = _pauses == 0 and _was_enabled
            if resume:
                gc.enable()
        if resume:
            gc.collect()
