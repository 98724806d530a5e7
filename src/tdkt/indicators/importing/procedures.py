"""Importer of administrative-procedure dossiers (``tdkt import procedures``).

The file is an export of the city's one-stop system: one row per dossier, identified by its
code. Re-importing a code updates that dossier with the columns the file has (an empty cell
in a present column clears an optional value, as the source system says); columns missing
from the file leave the stored values alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
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
from .sql import bulk_insert
from .stream import Book

# One valid row: everything needed to create or compare a dossier, kept as a plain tuple so
# that 100,000 of them stay small. Field order is used by index below.
CODE, NAME, FIELD_KEY, FIELD_NAME, CHANNEL, LEVEL, RECEIVED, DUE, DAYS, RETURNED = range(10)
LOOKUP_CHUNK = 900  # codes per "code IN (...)" query, under every database's parameter cap
WRITE_CHUNK = 1_000

# Column key → model field, for the optional columns that may be absent from a file.
OPTIONAL_FIELDS = {
    "field": "field",
    "level": "service_level",
    "days": "processing_days",
    "returned": "returned_on",
}
ALWAYS_FIELDS = ("procedure_name", "channel", "received_on", "due_on")


@dataclass
class DossierBatch:
    """The valid rows of a file and which optional columns it had."""

    rows: list[tuple[Any, ...]]
    present: frozenset[str]
    field_names: dict[str, str]


@dataclass
class DossierPlan:
    """What the write phase does: new fields, new dossiers and changed dossiers."""

    batch: DossierBatch
    creates: list[tuple[Any, ...]] = field(default_factory=list)
    updates: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    update_fields: tuple[str, ...] = ()


def _values(row: tuple[Any, ...]) -> dict[str, Any]:
    """Return the model values of a row tuple (the field as its folded key)."""
    return {
        "procedure_name": row[NAME],
        "field": row[FIELD_KEY],
        "channel": row[CHANNEL],
        "service_level": row[LEVEL],
        "received_on": row[RECEIVED],
        "due_on": row[DUE],
        "processing_days": row[DAYS],
        "returned_on": row[RETURNED],
    }


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
        self, *, actor: Any, book: Book, result: ImportResult, progress: Progress | None
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
        rows: list[tuple[Any, ...]] = []
        first_row: dict[str, int] = {}
        field_names: dict[str, str] = {}
        interned: dict[Any, Any] = {}
        code_header = self.column("code").header
        for row in reader.rows():
            values = self._check(row, calendar)
            code = row.get("code")
            if code is not None:
                earlier = first_row.setdefault(code, row.number)
                if earlier != row.number:
                    message = _("Mã hồ sơ bị trùng trong tệp (dòng %(a)s và %(b)s).") % {
                        "a": earlier,
                        "b": row.number,
                    }
                    row.error("code", message)
                    result.add_error(row=earlier, column=code_header, value=code, message=message)
            if row.has_errors or values is None:
                continue
            field_name = values[FIELD_NAME]
            if field_name is not None:
                field_names.setdefault(values[FIELD_KEY], field_name)
            rows.append(_shared(values, interned))
        return DossierBatch(rows=rows, present=reader.present, field_names=field_names)

    def _check(self, row: Row, calendar: WorkingCalendar) -> tuple[Any, ...] | None:
        """Check one row across its cells; return its tuple, or None when it is in error."""
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
            row.get("code"),
            row.get("procedure_name"),
            _field_key(field_name) if field_name else None,
            field_name,
            row.get("channel"),
            row.get("level"),
            received,
            due,
            days,
            returned,
        )

    # -- phase 2: match ------------------------------------------------------------------

    def match(self, batch: DossierBatch) -> tuple[DossierPlan, Outcome]:
        stored_fields = list(ProcedureField.objects.values_list("id", "key", "name"))
        field_keys = {pk: key for pk, key, _name in stored_fields}
        field_names = {key: name for _pk, key, name in stored_fields}
        compared = [
            *ALWAYS_FIELDS,
            *(name for key, name in OPTIONAL_FIELDS.items() if key in batch.present),
        ]
        plan = DossierPlan(batch=batch, update_fields=tuple(compared))
        outcome = Outcome()
        changes: dict[str, dict[str, list[Any]]] = {}
        for stored, row in _stored_rows(batch.rows):
            if stored is None:
                plan.creates.append(row)
                outcome.created += 1
                continue
            pk, before = stored
            before["field"] = field_keys.get(before["field"])
            after = _values(row)
            diff = {
                name: [before[name], after[name]]
                for name in compared
                if before[name] != after[name]
            }
            if not diff:
                outcome.unchanged += 1
                continue
            if "field" in diff:  # audit the names people read, not the folded keys
                diff["field"] = [
                    field_names.get(before["field"]) if before["field"] else None,
                    batch.field_names.get(row[FIELD_KEY]) if row[FIELD_KEY] else None,
                ]
            plan.updates.append((pk, row))
            changes[row[CODE]] = diff
            outcome.updated += 1
        if changes:
            outcome.corrections = {"dossiers_changed": [None, changes]}
        return plan, outcome

    # -- phase 3: write ------------------------------------------------------------------

    def write(self, *, actor: Any, plan: DossierPlan) -> None:
        field_ids = _ensure_fields(plan.batch.field_names)
        bulk_insert(
            ProcedureDossier,
            INSERT_FIELDS,
            (
                (
                    row[CODE],
                    row[NAME],
                    field_ids[row[FIELD_KEY]] if row[FIELD_KEY] is not None else None,
                    row[CHANNEL],
                    row[LEVEL],
                    row[RECEIVED],
                    row[DUE],
                    row[DAYS],
                    row[RETURNED],
                )
                for row in plan.creates
            ),
        )
        if plan.updates:
            objects = []
            for pk, row in plan.updates:
                dossier = _dossier(row, field_ids)
                dossier.pk = pk
                objects.append(dossier)
            ProcedureDossier.objects.bulk_update(
                objects, fields=list(plan.update_fields), batch_size=WRITE_CHUNK // 2
            )


INSERT_FIELDS = (
    "code",
    "procedure_name",
    "field",
    "channel",
    "service_level",
    "received_on",
    "due_on",
    "processing_days",
    "returned_on",
)


_field_key = Memo(fold)


# What matching reads of a stored dossier, and the names of those values after id and code.
STORED_NAMES = (
    "procedure_name",
    "field",
    "channel",
    "service_level",
    "received_on",
    "due_on",
    "processing_days",
    "returned_on",
)
STORED_COLUMNS = ("id", "code", *(("field_id" if n == "field" else n) for n in STORED_NAMES))


def _shared(values: tuple[Any, ...], interned: dict[Any, Any]) -> tuple[Any, ...]:
    """Return the row with names, fields and dates shared between rows that repeat them.

    A file of 100,000 dossiers has a few hundred procedure names and a few hundred dates;
    sharing one object per distinct value keeps the rows held until the write small.
    """
    share = interned.setdefault
    code, name, key, field_name, channel, level, received, due, days, returned = values
    return (
        code,
        share(name, name),
        key,
        field_name,
        channel,
        level,
        share(received, received),
        share(due, due),
        days,
        share(returned, returned),
    )


def _stored_rows(
    rows: list[tuple[Any, ...]],
) -> Iterable[tuple[tuple[int, dict[str, Any]] | None, tuple[Any, ...]]]:
    """Pair each row with its stored dossier (id and values), a chunk of codes per query."""
    for start in range(0, len(rows), LOOKUP_CHUNK):
        chunk = rows[start : start + LOOKUP_CHUNK]
        stored = {
            values[1]: values
            for values in ProcedureDossier.objects.filter(
                code__in=[row[CODE] for row in chunk]
            ).values_list(*STORED_COLUMNS)
        }
        for row in chunk:
            found = stored.get(row[CODE])
            if found is None:
                yield None, row
            else:
                yield (found[0], dict(zip(STORED_NAMES, found[2:], strict=True))), row


def _ensure_fields(names: dict[str, str]) -> dict[str, int]:
    """Create the fields the file names for the first time; return every field's id by key."""
    existing = dict(ProcedureField.objects.values_list("key", "id"))
    missing = [
        ProcedureField(key=key, name=name) for key, name in names.items() if key not in existing
    ]
    if missing:
        ProcedureField.objects.bulk_create(missing)
        existing = dict(ProcedureField.objects.values_list("key", "id"))
    return existing


def _dossier(row: tuple[Any, ...], field_ids: dict[str, int]) -> ProcedureDossier:
    key = row[FIELD_KEY]
    return ProcedureDossier(
        code=row[CODE],
        procedure_name=row[NAME],
        field_id=field_ids[key] if key is not None else None,
        channel=row[CHANNEL],
        service_level=row[LEVEL],
        received_on=row[RECEIVED],
        due_on=row[DUE],
        processing_days=row[DAYS],
        returned_on=row[RETURNED],
    )
