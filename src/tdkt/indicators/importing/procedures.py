"""Importer of administrative-procedure dossiers (``tdkt import procedures``).

The file is an export of the city's one-stop system: one row per dossier, identified by its
code. Re-importing a code updates that dossier with the columns the file has (an empty cell
in a present column clears an optional value, as the source system says); columns missing
from the file leave the stored values alone (ADR 0404).

Rows are checked one by one in Python (dates, channel, the working-day due date) and staged
in a temporary table; duplicates, matching and writing are set-based SQL over it (ADR 0402).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.core.calendar import WorkingCalendar
from tdkt.core.selectors import working_calendar
from tdkt.core.text import fold
from tdkt.documents.importing import Column, ImportResult, Row
from tdkt.documents.importing.columns import parse_date, text
from tdkt.indicators.constants import Channel, Dataset
from tdkt.indicators.models import ProcedureDossier, ProcedureField

from .bulk import BulkImporter, Outcome, Progress, SheetReader
from .parsers import ChannelParser, Memo, parse_days, parse_service_level
from .stage import Stage, distinct, quote
from .stream import Book

# Staged columns after row_number, code and valid, in the dossier table's column names.
VALUE_COLUMNS = (
    "procedure_name",
    "field_key",
    "channel",
    "service_level",
    "received_on",
    "due_on",
    "processing_days",
    "returned_on",
)
STAGE_COLUMNS = (
    ("row_number", "int"),
    ("code", "text"),
    ("valid", "int"),
    ("procedure_name", "text"),
    ("field_key", "text"),
    ("channel", "text"),
    ("service_level", "int"),
    ("received_on", "date"),
    ("due_on", "date"),
    ("processing_days", "int"),
    ("returned_on", "date"),
    ("target", "int"),  # the stored dossier this row updates, set by matching
)
# Optional column key → dossier column; the others are always compared and written.
OPTIONAL_COLUMNS = {
    "level": "service_level",
    "days": "processing_days",
    "returned": "returned_on",
}
ALWAYS_COLUMNS = ("procedure_name", "channel", "received_on", "due_on")


@dataclass
class DossierBatch:
    """The staged rows of a file, which optional columns it had, and its fields' names."""

    stage: Stage
    present: frozenset[str]
    field_names: dict[str, str]

    @property
    def compared(self) -> list[str]:
        """The dossier columns the file speaks for (besides the field)."""
        optional = [col for key, col in OPTIONAL_COLUMNS.items() if key in self.present]
        return [*ALWAYS_COLUMNS, *optional]

    @property
    def has_field(self) -> bool:
        return "field" in self.present


def _tables() -> tuple[str, str]:
    return quote(ProcedureDossier._meta.db_table), quote(ProcedureField._meta.db_table)


class ProcedureImporter(BulkImporter):
    """Dossiers of administrative procedures exported by the one-stop system."""

    name = "procedures"
    dataset = Dataset.PROCEDURES
    title = gettext_lazy("Hồ sơ thủ tục hành chính")
    description = gettext_lazy(
        "Hồ sơ xuất từ hệ thống một cửa: mỗi dòng một hồ sơ, nhận diện theo mã hồ sơ. Cần "
        "Ngày hẹn trả hoặc Số ngày giải quyết (hạn tính theo ngày làm việc)."
    )
    permission_message = gettext_lazy(
        "Chỉ cán bộ thi đua – khen thưởng hoặc quản trị hệ thống được nhập hồ sơ thủ tục."
    )
    template_sheet_title = "Hồ sơ"
    columns = (
        Column(
            "code",
            "Mã hồ sơ",
            True,
            text(64),
            gettext_lazy("Mã hồ sơ trên hệ thống một cửa; không trùng."),
            "000.00.19.H26-191105-0001",
            as_text=True,
        ),
        Column(
            "procedure_name",
            "Tên thủ tục",
            True,
            Memo(text(500)),
            gettext_lazy("Tên thủ tục hành chính."),
            "Cấp Giấy chứng nhận đăng ký đầu tư",
        ),
        Column(
            "field",
            "Lĩnh vực",
            False,
            Memo(text(200)),
            gettext_lazy("Ví dụ: Đầu tư, Xây dựng, Lao động, Môi trường, Quy hoạch."),
            "Đầu tư",
        ),
        Column(
            "channel",
            "Hình thức nộp",
            True,
            Memo(ChannelParser()),
            gettext_lazy("Trực tuyến, Trực tiếp hoặc Bưu chính."),
            "Trực tuyến",
            options=Channel.choices,
        ),
        Column(
            "level",
            "Mức độ",
            False,
            Memo(parse_service_level),
            gettext_lazy("Mức độ dịch vụ công trực tuyến: 2, 3 hoặc 4 (toàn trình)."),
            "4",
        ),
        Column(
            "received",
            "Ngày tiếp nhận",
            True,
            Memo(parse_date),
            gettext_lazy("dd/mm/yyyy."),
            "05/11/2019",
        ),
        Column(
            "due",
            "Ngày hẹn trả",
            False,
            Memo(parse_date),
            gettext_lazy("dd/mm/yyyy. Để trống thì tính từ Số ngày giải quyết."),
            "19/11/2019",
        ),
        Column(
            "days",
            "Số ngày giải quyết",
            False,
            Memo(parse_days),
            gettext_lazy("Số ngày làm việc theo quy định; dùng khi không có Ngày hẹn trả."),
            "10",
        ),
        Column(
            "returned",
            "Ngày trả kết quả",
            False,
            Memo(parse_date),
            gettext_lazy("dd/mm/yyyy. Để trống nếu hồ sơ đang giải quyết."),
            "15/11/2019",
        ),
    )

    # -- phase 1: read and validate --------------------------------------------------------

    def read(
        self,
        *,
        actor: Any,
        book: Book,
        stage: Stage,
        result: ImportResult,
        progress: Progress | None,
    ) -> DossierBatch | None:
        reader = SheetReader(book.sheet(), self.columns, result, progress=progress)
        if reader.ok and not {"due", "days"} & reader.present:
            result.add_error(
                row=1,
                column="Ngày hẹn trả",
                message=_("Tệp cần cột Ngày hẹn trả hoặc cột Số ngày giải quyết."),
            )
            return None
        calendar = working_calendar()
        field_names: dict[str, str] = {}
        empty = (None,) * len(VALUE_COLUMNS)
        for row in reader.rows():
            values = self._check(row, calendar)
            code = row.get("code")
            if code is None:
                continue
            if values is None:
                stage.add((row.number, code, 0, *empty, None))
                continue
            if values[1] is not None:
                field_names.setdefault(values[1], row.get("field"))
            stage.add((row.number, code, 1, *values, None))
        stage.analyze()
        self._report_duplicates(stage, result)
        return DossierBatch(stage=stage, present=reader.present, field_names=field_names)

    def _check(self, row: Row, calendar: WorkingCalendar) -> tuple[Any, ...] | None:
        """Check one row across its cells; return its staged values, or None when in error."""
        received: date | None = row.get("received")
        due: date | None = row.get("due")
        days: int | None = row.get("days")
        returned: date | None = row.get("returned")
        if due is None and days is None and not {"due", "days"} & row.failed:
            row.error("due", _("Cần Ngày hẹn trả hoặc Số ngày giải quyết."))
        if received is not None:
            if due is not None and due < received:
                row.error("due", _("Ngày hẹn trả trước ngày tiếp nhận."))
            if returned is not None and returned < received:
                row.error("returned", _("Ngày trả kết quả trước ngày tiếp nhận."))
            if due is None and days is not None:
                try:
                    due = calendar.add_working_days(received, days)
                except ValueError:
                    row.error(
                        "received",
                        _(
                            "Không tính được ngày hẹn trả: lịch ngày làm việc có từ năm 2000 "
                            "đến 2100."
                        ),
                    )
        if row.has_errors:
            return None
        field_name: str | None = row.get("field")
        return (
            row.get("procedure_name"),
            _field_key(field_name) if field_name else None,
            row.get("channel"),
            row.get("level"),
            received,
            due,
            days,
            returned,
        )

    def _report_duplicates(self, stage: Stage, result: ImportResult) -> None:
        """Report every code that appears on more than one row, on each of those rows."""
        header = self.column("code").header
        rows = stage.query(
            "SELECT s.code, s.row_number, g.first FROM {stage} s JOIN ("
            "SELECT code, MIN(row_number) AS first FROM {stage} GROUP BY code "
            "HAVING COUNT(*) > 1) g ON g.code = s.code ORDER BY s.row_number"
        )
        for code, number, first in list(rows):
            if number == first:
                continue
            message = _("Mã hồ sơ bị trùng trong tệp (dòng %(a)s và %(b)s).") % {
                "a": first,
                "b": number,
            }
            result.add_error(row=first, column=header, value=code, message=message)
            result.add_error(row=number, column=header, value=code, message=message)

    # -- phase 2: match ------------------------------------------------------------------

    def match(self, batch: DossierBatch) -> tuple[DossierBatch, Outcome]:
        stage = batch.stage
        table, fields = _tables()
        # Each staged row learns the id of the dossier it updates, once; the write then joins
        # by primary key and never checks "not exists" against the table it is filling.
        stage.execute("UPDATE {stage} SET target = NULL")
        stage.execute(
            f"UPDATE {{stage}} AS s SET target = d.id FROM {table} d "  # noqa: S608
            "WHERE d.code = s.code AND s.valid = 1"
        )
        valid = stage.scalar("SELECT COUNT(*) FROM {stage} WHERE valid = 1")
        created = stage.scalar("SELECT COUNT(*) FROM {stage} WHERE valid = 1 AND target IS NULL")
        compared = batch.compared
        differs = [distinct(f"d.{quote(c)}", f"s.{quote(c)}") for c in compared]
        if batch.has_field:
            differs.append(distinct("f.key", "s.field_key"))
        before = ", ".join(f"d.{quote(c)}" for c in compared)
        after = ", ".join(f"s.{quote(c)}" for c in compared)
        changed = stage.query(
            f"SELECT s.code, f.name, s.field_key, {before}, {after} "  # noqa: S608
            f"FROM {{stage}} s JOIN {table} d ON d.id = s.target "
            f"LEFT JOIN {fields} f ON f.id = d.field_id "
            f"WHERE s.valid = 1 AND ({' OR '.join(differs)}) ORDER BY s.row_number"
        )
        changes: dict[str, dict[str, list[Any]]] = {}
        width = len(compared)
        for code, field_before, key_after, *values in changed:
            diff = {
                column: [values[i], values[width + i]]
                for i, column in enumerate(compared)
                if values[i] != values[width + i]
            }
            name_after = batch.field_names.get(key_after) if key_after else None
            if batch.has_field and field_before != name_after:
                diff["field"] = [field_before, name_after]
            changes[code] = diff
        outcome = Outcome(
            created=created, updated=len(changes), unchanged=valid - created - len(changes)
        )
        if changes:
            outcome.corrections = {"dossiers_changed": [None, changes]}
        return batch, outcome

    # -- phase 3: write ------------------------------------------------------------------

    def write(self, *, actor: Any, plan: DossierBatch) -> None:
        stage = plan.stage
        table, fields = _tables()
        _ensure_fields(plan.field_names)
        columns = [quote(c) for c in ("code", *ALWAYS_COLUMNS, *OPTIONAL_COLUMNS.values())]
        source = [f"s.{c}" for c in columns]
        stage.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, field_id) "  # noqa: S608
            f"SELECT {', '.join(source)}, f.id FROM {{stage}} s "
            f"LEFT JOIN {fields} f ON f.key = s.field_key "
            "WHERE s.valid = 1 AND s.target IS NULL"
        )
        compared = [quote(c) for c in plan.compared]
        updates = [f"{c} = s.{c}" for c in compared]
        differs = [distinct(f"d.{c}", f"s.{c}") for c in compared]
        if plan.has_field:
            updates.append("field_id = f.id")
            differs.append(distinct("d.field_id", "f.id"))
        stage.execute(
            f"UPDATE {table} AS d SET {', '.join(updates)} "  # noqa: S608
            f"FROM {{stage}} s LEFT JOIN {fields} f ON f.key = s.field_key "
            f"WHERE d.id = s.target AND s.valid = 1 AND ({' OR '.join(differs)})"
        )

    def stage_columns(self) -> tuple[tuple[str, str], ...]:
        return STAGE_COLUMNS


_field_key = Memo(fold)


def _ensure_fields(names: dict[str, str]) -> None:
    """Create the fields the file names for the first time (a handful of rows)."""
    existing = set(ProcedureField.objects.filter(key__in=list(names)).values_list("key", flat=True))
    missing = [
        ProcedureField(key=key, name=name) for key, name in names.items() if key not in existing
    ]
    if missing:
        ProcedureField.objects.bulk_create(missing)
