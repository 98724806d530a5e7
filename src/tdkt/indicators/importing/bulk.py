"""The phases of a bulk import, shared by the indicator and dossier importers.

1. **Read and validate** the file as a stream, outside any transaction: each row is parsed
   with the column parsers of ``tdkt.documents`` and checked, problems are collected per
   cell, and the row goes to a temporary table (``stage.py``) in batches, so memory does not
   grow with the file. Duplicates are found there by SQL. Nothing is locked: other users work
   on while a file is checked.
2. **Match** the staged rows against the stored records with a few set-based queries (never
   one per row) and decide what is created, changed or unchanged, with the values before and
   after of every change.
3. **Write** in one short transaction at the end: lock the data set's revision row; if another
   import wrote meanwhile, match again inside the lock; then one ``INSERT … SELECT`` and one
   ``UPDATE … FROM`` from the stage, bump the revision and record one ``import.completed``
   event with the counts and every correction.

The file is all or nothing: a single bad row leaves the database untouched (a rejected import
is audited as ``import.rejected``). ``run`` takes the raw bytes and an optional progress
callback, so a background task can call it as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ERROR_CODES

from tdkt.accounts.scopes import ensure_board_writer
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.documents.importing import Column, Importer, ImportResult, Row
from tdkt.documents.importing.columns import CellError
from tdkt.documents.xlsx import FileRejectedError, match_headers
from tdkt.indicators.models import DatasetRevision

from .stage import Stage
from .stream import Book, Sheet

Progress = Callable[[int], None]
PROGRESS_EVERY = 5_000


@dataclass
class SheetReader:
    """The rows of one sheet parsed by ``columns``; ``present`` are the keys found in the file.

    ``label`` prefixes the column names in error reports when a file has several sheets.
    """

    sheet: Sheet
    columns: Sequence[Column]
    result: ImportResult
    label: str = ""
    progress: Progress | None = None
    present: frozenset[str] = frozenset()
    ok: bool = True

    def __post_init__(self) -> None:
        headers = {c.key: c.headers for c in self.columns}
        required = [c.key for c in self.columns if c.required]
        match = match_headers(self.sheet.headers, headers, required)
        prefix = f"{self.label} › " if self.label else ""
        for text in match.unknown:
            self.result.warnings.append(
                _("Bỏ qua cột không dùng đến: “%(col)s”.") % {"col": prefix + text}
            )
        for text in match.duplicated:
            self.result.add_error(
                row=1,
                column=prefix + text,
                message=_("Cột này xuất hiện hai lần trong dòng tiêu đề."),
            )
            self.ok = False
        by_key = {c.key: c for c in self.columns}
        for key in match.missing:
            self.result.add_error(
                row=1, column=prefix + by_key[key].header, message=_("Thiếu cột bắt buộc.")
            )
            self.ok = False
        self.present = frozenset(match.positions)
        self._positions = [
            (c.key, match.positions[c.key], c) for c in self.columns if c.key in match.positions
        ]
        self._absent = [c.key for c in self.columns if c.key not in match.positions]
        self._display = {
            c.key: replace(c, header=prefix + c.header) if prefix else c for c in self.columns
        }

    def rows(self) -> Iterator[Row]:
        """Yield each non-blank data row, parsed; cells that failed are already reported."""
        if not self.ok:
            return
        result, positions, absent, display = (
            self.result,
            self._positions,
            self._absent,
            self._display,
        )
        for number, values in self.sheet.rows:
            result.rows += 1
            width = len(values)
            raw = {key: values[index] if index < width else None for key, index, _ in positions}
            row = Row(
                number=number, values=dict.fromkeys(absent), raw=raw, result=result, columns=display
            )
            parsed = row.values
            for key, _index, column in positions:
                value = raw[key]
                if isinstance(value, str):
                    value = value.strip() or None
                    if value in ERROR_CODES:  # a formula's cached error: #N/A, #REF! …
                        parsed[key] = None
                        row.failed.add(key)
                        row.error(key, _("Ô chứa lỗi công thức (%(v)s).") % {"v": value})
                        continue
                if value is None:
                    parsed[key] = None
                    if column.required:
                        row.failed.add(key)
                        row.error(key, _("Bắt buộc nhập."))
                    continue
                try:
                    parsed[key] = column.parser(value)
                except CellError as exc:
                    parsed[key] = None
                    row.failed.add(key)
                    row.error(key, exc.message)
            yield row
            if self.progress is not None and result.rows % PROGRESS_EVERY == 0:
                self.progress(result.rows)


@dataclass
class Outcome:
    """What matching decided: counts by outcome and the corrections to audit."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    corrections: dict[str, Any] = field(default_factory=dict)

    def apply_to(self, result: ImportResult) -> None:
        """Copy the counts into the import's result."""
        result.created, result.updated, result.unchanged = (
            self.created,
            self.updated,
            self.unchanged,
        )


class BulkImporter(Importer):
    """An importer that runs the whole import itself: stream, match in bulk, write in bulk.

    ``tdkt.documents.services.import_run`` hands over to ``run`` for such importers, so the
    upload page and ``tdkt import`` use this path too. Subclasses implement ``read`` (phase 1),
    ``match`` (phase 2) and ``write`` (phase 3).
    """

    dataset: ClassVar[str]
    permission_message: ClassVar[Any]

    def check_permission(self, actor: Any) -> None:
        """Only board-wide writers (emulation officers, administrators) import these data."""
        ensure_board_writer(actor, str(self.permission_message))

    # -- phases, implemented by subclasses ------------------------------------------------

    def stage_columns(self) -> tuple[tuple[str, str], ...]:
        """The (name, type) columns of the temporary table that holds the parsed rows."""
        raise NotImplementedError

    def read(
        self,
        *,
        actor: Any,
        book: Book,
        stage: Stage,
        result: ImportResult,
        progress: Progress | None,
    ) -> Any:
        """Parse and check every row into ``stage``; return what ``match`` needs (no writes
        to the data set)."""
        raise NotImplementedError

    def match(self, batch: Any) -> tuple[Any, Outcome]:
        """Compare the batch with the stored rows; return the write plan and the outcome."""
        raise NotImplementedError

    def write(self, *, actor: Any, plan: Any) -> None:
        """Write the plan in bulk; runs inside the import's transaction."""
        raise NotImplementedError

    # -- the run ---------------------------------------------------------------------------

    def run(
        self,
        *,
        actor: Any,
        data: bytes,
        filename: str,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Import ``data`` all or nothing; see the module docstring for the phases."""
        self.check_permission(actor)
        result = ImportResult(importer=self.name, filename=filename[:200], dry_run=dry_run)
        try:
            with Stage(self.stage_columns()) as stage:
                self._run(actor, data, filename, stage, result, progress)
        except DatabaseError:
            result.created = result.updated = result.unchanged = 0
            result.add_error(
                row=None,
                message=_("Không ghi được dữ liệu vào cơ sở dữ liệu; không có gì thay đổi."),
            )
        if result.errors:
            return self._rejected(actor, result)
        return result

    def _run(
        self,
        actor: Any,
        data: bytes,
        filename: str,
        stage: Stage,
        result: ImportResult,
        progress: Progress | None,
    ) -> None:
        batch: Any = None
        try:
            with Book(data, filename=filename) as book:
                batch = self.read(
                    actor=actor, book=book, stage=stage, result=result, progress=progress
                )
        except FileRejectedError as exc:
            result.add_error(row=None, message=exc.message)
        if not result.errors and not result.rows:
            result.add_error(row=None, message=_("Tệp không có dòng dữ liệu nào."))
        if result.errors:
            return
        seen = _revision(self.dataset)
        plan, outcome = self.match(batch)
        outcome.apply_to(result)
        if result.dry_run:
            return
        with transaction.atomic():
            head = _lock_revision(self.dataset)
            if head.revision != seen:  # another import wrote since matching: match again
                plan, outcome = self.match(batch)
                outcome.apply_to(result)
            self.write(actor=actor, plan=plan)
            head.revision += 1
            head.save(update_fields=["revision"])
            record(
                event_type=AuditEventType.IMPORT_COMPLETED,
                actor=actor,
                object_repr=f"{self.name}: {result.filename}",
                changes=self._summary(result, data, outcome),
            )

    def _summary(self, result: ImportResult, data: bytes, outcome: Outcome) -> dict[str, Any]:
        summary: dict[str, Any] = {
            "importer": [None, self.name],
            "file": [None, result.filename],
            "sha256": [None, hashlib.sha256(data).hexdigest()],
            "rows": [None, result.rows],
            "created": [None, result.created],
            "updated": [None, result.updated],
            "unchanged": [None, result.unchanged],
            "errors": [None, 0],
        }
        summary.update(outcome.corrections)
        return summary

    def _rejected(self, actor: Any, result: ImportResult) -> ImportResult:
        """Sort the errors in file order and audit the rejection (dry runs record nothing)."""
        position = {c.header: i for i, c in enumerate(self.columns)}
        result.errors.sort(key=lambda e: (e.row or 0, position.get(e.column, len(position))))
        if not result.dry_run:
            record(
                event_type=AuditEventType.IMPORT_REJECTED,
                actor=actor,
                object_repr=f"{self.name}: {result.filename}",
                changes={
                    "importer": [None, self.name],
                    "file": [None, result.filename],
                    "rows": [None, result.rows],
                    "errors": [None, len(result.errors)],
                },
            )
        return result


def _revision(dataset: str) -> int:
    found = DatasetRevision.objects.filter(dataset=dataset).values_list("revision", flat=True)
    return next(iter(found), 0)


def _lock_revision(dataset: str) -> DatasetRevision:
    head, _created = DatasetRevision.objects.select_for_update().get_or_create(dataset=dataset)
    return head
