"""Run an import: read the file safely, validate every row, then apply all or nothing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record

from .importing import CellError, Importer, ImportResult, Row, get_importer
from .xlsx import FileRejectedError, RawTable, is_error_value, match_headers, read_table


def import_run(
    *,
    actor: Any,
    importer: str | Importer,
    data: bytes,
    filename: str,
    dry_run: bool = False,
) -> ImportResult:
    """Import ``data`` with the named importer, writing everything or nothing.

    Every row is validated first and all problems are collected; if there is any, nothing is
    written. Otherwise all rows are applied through the services inside one transaction; a
    service refusing a row rolls the whole import back and its error is reported on that row.
    With ``dry_run`` the rows are applied and then rolled back, so the report is exact.

    Not wrapped in ``transaction.atomic`` itself: a rejected import is audited, and that event
    must commit although the import's own writes are rolled back.

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
    result = ImportResult(importer=importer.name, filename=filename[:200], dry_run=dry_run)
    try:
        table = read_table(data, filename=filename, sheet=importer.sheet_name)
    except FileRejectedError as exc:
        result.add_error(row=None, message=exc.message)
        return _finish(actor, importer, result)
    rows = _parse_rows(importer, table, result)
    result.rows = len(rows)
    if not result.errors and not rows:
        result.add_error(row=None, message=_("Tệp không có dòng dữ liệu nào."))
    if result.errors and not rows:
        return _finish(actor, importer, result)
    plans = importer.validate(actor=actor, rows=rows)
    if not result.errors:
        _apply_all(actor, importer, plans, result)
    return _finish(actor, importer, result)


def _parse_rows(importer: Importer, table: RawTable, result: ImportResult) -> list[Row]:
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
    for raw_row in table.rows:
        raw = {
            key: raw_row.values[index] if index < len(raw_row.values) else None
            for key, index in match.positions.items()
        }
        row = Row(number=raw_row.number, values={}, raw=raw, result=result, columns=columns)
        for key, column in columns.items():
            _parse_cell(row, column, raw.get(key))
        rows.append(row)
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


def _apply_all(actor: Any, importer: Importer, plans: list[Any], result: ImportResult) -> None:
    with transaction.atomic():
        importer.apply_plans(actor=actor, plans=plans, result=result)
        if result.errors or result.dry_run:
            transaction.set_rollback(True)
            if result.errors:
                result.created = result.updated = result.unchanged = 0
            return
        _audit(actor, importer, result)


def _finish(actor: Any, importer: Importer, result: ImportResult) -> ImportResult:
    """Put the errors in file order (row, then column) and audit a rejection."""
    position = {c.header: i for i, c in enumerate(importer.columns)}
    result.errors.sort(key=lambda e: (e.row or 0, position.get(e.column, -1)))
    if result.errors and not result.dry_run:
        _audit(actor, importer, result)
    return result


def _audit(actor: Any, importer: Importer, result: ImportResult) -> None:
    event = AuditEventType.IMPORT_REJECTED if result.errors else AuditEventType.IMPORT_COMPLETED
    record(
        event_type=event,
        actor=actor,
        object_repr=f"{importer.name}: {result.filename}",
        changes={
            "importer": [None, importer.name],
            "file": [None, result.filename],
            "rows": [None, result.rows],
            "created": [None, result.created],
            "updated": [None, result.updated],
            "unchanged": [None, result.unchanged],
            "errors": [None, len(result.errors)],
        },
    )
