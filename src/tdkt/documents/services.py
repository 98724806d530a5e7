"""Run an import: read the file safely, check every row, then write all or nothing.

The order matters for everyone else using the database (issue #7): reading, parsing, matching
and checking 20,000 rows take most of an import's time, and they run outside any transaction,
so logins and edits go on meanwhile. Only the write is a transaction, short, at the end; a
dry run never opens one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.bulk import collector_paused

from .importing import CellError, Importer, ImportResult, Row, get_importer
from .xlsx import FileRejectedError, RawTable, is_error_value, match_headers, read_table

#: ``progress(done, total, message)``: how far an import got (a background job's panel).
Progress = Callable[[int, int | None, str], None]
#: Rows between two progress reports while cells are parsed.
PROGRESS_EVERY = 2_000


def _silent(done: int, total: int | None, message: str) -> None:
    """The progress report of an import nobody follows (the command line)."""


def import_run(
    *,
    actor: Any,
    importer: str | Importer,
    data: bytes,
    filename: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``data`` with the named importer, writing everything or nothing.

    Every row is read, parsed and checked first, outside any transaction, and all problems are
    collected; if there is any, nothing is written. Otherwise every row is written in one short
    transaction, with the ``import.completed`` audit event; a refusal by a service at that
    point rolls the whole import back and is reported on its row. A dry run stops after the
    check and counts what the plans say they would do, writing nothing (importers whose plans
    cannot say are applied and rolled back instead). Every run is audited: ``import.completed``,
    ``import.rejected`` or, for a dry run, ``import.checked``, with the counts.

    Call it outside ``transaction.atomic``: the rejection's audit event must commit on its
    own, and a surrounding transaction would hold the write lock during the whole check.

    An importer with a ``run`` method (the bulk importers of ``tdkt.indicators``, ADR 0402)
    runs the whole import itself with the same rules and result, streaming big files.
    """
    if isinstance(importer, str):
        importer = get_importer(importer)
    importer.check_permission(actor)
    run = getattr(importer, "run", None)
    if run is not None:  # a bulk importer (tdkt.indicators) streams and writes in bulk itself
        result: ImportResult = run(actor=actor, data=data, filename=filename, dry_run=dry_run)
        return result
    with collector_paused():
        return _run(actor, importer, data, filename, dry_run, progress or _silent)


def _run(
    actor: Any, importer: Importer, data: bytes, filename: str, dry_run: bool, tick: Progress
) -> ImportResult:
    result = ImportResult(importer=importer.name, filename=filename[:200], dry_run=dry_run)
    tick(0, None, _("Đang đọc tệp…"))
    try:
        table = read_table(data, filename=filename, sheet=importer.sheet_name)
    except FileRejectedError as exc:
        result.add_error(row=None, message=exc.message)
        return _finish(actor, importer, result)
    rows = _parse_rows(importer, table, result, tick)
    result.rows = len(rows)
    if not result.errors and not rows:
        result.add_error(row=None, message=_("Tệp không có dòng dữ liệu nào."))
    if result.errors and not rows:
        return _finish(actor, importer, result)
    tick(len(rows), len(rows), _("Đang đối chiếu với dữ liệu đã có…"))
    plans = importer.validate(actor=actor, rows=rows)
    if not result.errors:
        if dry_run:
            _preview(actor, importer, plans, result)
        else:
            tick(len(rows), len(rows), _("Đang ghi dữ liệu…"))
            _write(actor, importer, plans, result)
    return _finish(actor, importer, result)


def _parse_rows(
    importer: Importer, table: RawTable, result: ImportResult, tick: Progress
) -> list[Row]:
    columns = {c.key: c for c in importer.columns}
    match = match_headers(
        table.headers,
        {c.key: c.headers for c in importer.columns},
        [c.key for c in importer.columns if c.required],
    )
    for text in match.unknown:
        result.warnings.append(_("Bỏ qua cột không dùng đến: “%(col)s”.") % {"col": text})
    for text in match.duplicated:
        result.add_error(
            row=1, column=text, message=_("Cột này xuất hiện hai lần trong dòng tiêu đề.")
        )
    for key in match.missing:
        result.add_error(row=1, column=columns[key].header, message=_("Thiếu cột bắt buộc."))
    if result.errors:
        return []
    rows = []
    positions = list(match.positions.items())
    total = len(table.rows)
    for count, raw_row in enumerate(table.rows, start=1):
        values = raw_row.values
        width = len(values)
        raw = {key: values[index] if index < width else None for key, index in positions}
        row = Row(number=raw_row.number, values={}, raw=raw, result=result, columns=columns)
        for key, column in columns.items():
            _parse_cell(row, column, raw.get(key))
        rows.append(row)
        if count % PROGRESS_EVERY == 0:
            tick(count, total, _("Đang kiểm tra dòng %(n)s") % {"n": count})
    return rows


def _parse_cell(row: Row, column: Any, value: Any) -> None:
    if isinstance(value, str):
        value = value.strip() or None
    if value is None:
        row.values[column.key] = None
        if column.required:
            row.failed.add(column.key)
            row.error(column.key, _("Bắt buộc nhập."))
        return
    if is_error_value(value):
        row.failed.add(column.key)
        row.error(column.key, _("Ô chứa lỗi công thức (%(v)s).") % {"v": value})
        return
    try:
        row.values[column.key] = column.parser(value)
    except CellError as exc:
        row.failed.add(column.key)
        row.error(column.key, exc.message)


def _write(actor: Any, importer: Importer, plans: list[Any], result: ImportResult) -> None:
    """The import's one transaction: every plan, then the import's own audit event."""
    importer.prepare_write(actor=actor, plans=plans)
    try:
        with transaction.atomic():
            importer.apply_plans(actor=actor, plans=plans, result=result)
            if result.errors:
                transaction.set_rollback(True)
            else:
                _audit(actor, importer, result)
    except DatabaseError:
        result.add_error(
            row=None,
            message=_("Không ghi được dữ liệu vào cơ sở dữ liệu; không có gì thay đổi."),
        )
    if result.errors:
        result.created = result.updated = result.unchanged = 0


def _preview(actor: Any, importer: Importer, plans: list[Any], result: ImportResult) -> None:
    """Count what the import would do, without writing when the plans can tell."""
    outcomes = [importer.outcome(plan) for plan in plans]
    if all(outcome is not None for outcome in outcomes):
        for outcome in outcomes:
            result.count(str(outcome))
        return
    # An importer whose plans do not know their outcome: apply and roll back. This holds the
    # write lock while it runs; such an importer should set ``outcome`` on its plans.
    with transaction.atomic():
        importer.apply_plans(actor=actor, plans=plans, result=result)
        transaction.set_rollback(True)
    if result.errors:
        result.created = result.updated = result.unchanged = 0


def _finish(actor: Any, importer: Importer, result: ImportResult) -> ImportResult:
    """Put the errors in file order (row, then column) and audit a rejection or a dry run."""
    position = {c.header: i for i, c in enumerate(importer.columns)}
    result.errors.sort(key=lambda e: (e.row or 0, position.get(e.column, -1)))
    if result.dry_run or result.errors:
        _audit(actor, importer, result)
    return result


def _audit(actor: Any, importer: Importer, result: ImportResult) -> None:
    if result.dry_run:
        event = AuditEventType.IMPORT_CHECKED
    elif result.errors:
        event = AuditEventType.IMPORT_REJECTED
    else:
        event = AuditEventType.IMPORT_COMPLETED
    record(
        event_type=event,
        actor=actor,
        object_repr=f"{importer.name}: {result.filename}",
        changes={
            "importer": [None, importer.name],
            "file": [None, result.filename],
            "dry_run": [None, result.dry_run],
            "rows": [None, result.rows],
            "created": [None, result.created],
            "updated": [None, result.updated],
            "unchanged": [None, result.unchanged],
            "errors": [None, len(result.errors)],
        },
    )
