"""The ``Importer`` base class: what a concrete importer declares and implements.

An importer declares its ``columns`` and implements two steps:

* ``validate`` sees every parsed row at once, does the lookups and cross-row checks
  (duplicates inside the file, references to earlier rows, the actor's scope), reports
  problems with ``row.error(...)`` and returns one plan per row. It must not write, and it
  runs outside any transaction: reading a file of 20,000 rows must not hold the write lock.
  A plan that knows its ``outcome`` (CREATED, UPDATED or UNCHANGED) lets a dry run report
  exact counts without writing anything.
* ``apply_plans`` writes every plan inside the import's one short transaction; it runs only
  when no row has an error. The default calls ``apply`` (one plan through the app's services)
  per plan; an importer of thousands of rows overrides it with one call of a batch service
  (bulk writes, audit events appended with ``record_many``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
from tdkt.core.errors import ApplicationError, PermissionDeniedError

from .columns import Column
from .result import ImportResult

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"


@dataclass
class Row:
    """One data row: parsed ``values`` by column key (blank cells are None), the ``raw``
    cell values for error reports, and the keys whose cells failed to parse."""

    number: int
    values: dict[str, Any]
    raw: dict[str, Any]
    result: ImportResult = field(repr=False)
    columns: dict[str, Column] = field(repr=False)
    failed: set[str] = field(default_factory=set)
    has_errors: bool = False

    def get(self, key: str) -> Any:
        """Return the parsed value of column ``key`` (None when blank or unparseable)."""
        return self.values.get(key)

    def error(self, key: str | None, message: str) -> None:
        """Report a problem with column ``key`` of this row (None: the row as a whole)."""
        column = self.columns.get(key) if key else None
        self.has_errors = True
        self.result.add_error(
            row=self.number,
            column=column.header if column else "",
            value=self.raw.get(key) if key else None,
            message=message,
        )


class Importer:
    """Base of every importer; subclasses set the class attributes and the two steps."""

    name: ClassVar[str]
    title: ClassVar[Any]  # lazy Vietnamese title shown in the UI
    description: ClassVar[Any] = ""
    columns: ClassVar[tuple[Column, ...]]
    sheet_name: ClassVar[str | None] = None  # None: the first sheet
    template_sheet_title: ClassVar[str] = "Dữ liệu"
    # Model field names used by the services' errors → column keys, to place those errors.
    field_columns: ClassVar[dict[str, str]] = {}

    def check_permission(self, actor: Any) -> None:
        """Refuse the whole import early when the actor may not write anything at all."""
        if not scope_for(actor).can_write:
            raise PermissionDeniedError(_("Bạn không có quyền nhập dữ liệu."))

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Check every row together and return one plan per row (the rows in error too)."""
        raise NotImplementedError

    def apply(self, *, actor: Any, plan: Any) -> str:
        """Write one plan through the services; return CREATED, UPDATED or UNCHANGED."""
        raise NotImplementedError

    def prepare_write(self, *, actor: Any, plans: Sequence[Any]) -> None:
        """Build what ``apply_plans`` will write (rows, audit events), before the write
        transaction opens, so that the transaction lasts only as long as the writing. It must
        not write. The default prepares nothing."""

    def apply_plans(self, *, actor: Any, plans: Sequence[Any], result: ImportResult) -> None:
        """Write every plan inside the import's one transaction, counting each outcome.

        The default calls ``apply`` per plan in a savepoint and reports a refused row on that
        row. An importer of thousands of rows overrides this to write them in bulk through
        a batch service (one short write, audit events appended with ``record_many``).
        """
        for plan in plans:
            row = self.plan_row(plan)
            try:
                with transaction.atomic():
                    result.count(self.apply(actor=actor, plan=plan))
            except ApplicationError as exc:
                self.report_service_error(row, exc)
            except DatabaseError:
                row.error(None, _("Không ghi được dòng này vào cơ sở dữ liệu."))

    def outcome(self, plan: Any) -> str | None:
        """Return what applying ``plan`` would do (CREATED, UPDATED, UNCHANGED), or None when
        the importer cannot tell without writing (plans carry it as ``plan.outcome``)."""
        outcome: str | None = getattr(plan, "outcome", None)
        return outcome

    def plan_row(self, plan: Any) -> Row:
        """Return the row a plan came from (plans carry it as ``plan.row`` by default)."""
        return plan.row

    def report_service_error(self, row: Row, exc: ApplicationError) -> None:
        """Place a service's error on the row, per field when the service named fields."""
        placed = False
        for field_name, messages in exc.fields.items():
            key = self.field_columns.get(field_name)
            for message in messages:
                row.error(key, message if key else f"{exc.message} {message}")
                placed = True
        if not placed:
            row.error(None, exc.message)

    def column(self, key: str) -> Column:
        """Return the column with ``key``."""
        return next(c for c in self.columns if c.key == key)
