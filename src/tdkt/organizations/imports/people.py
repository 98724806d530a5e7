"""Importer of people and their current post (``tdkt import people``).

The rows are planned and written by the batch services of the registry
(``person_batch_plan``/``person_batch_save``): the rules of the person services, checked for
the whole file in a few queries, and written in one short transaction (issues #7, #8).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.core.errors import ApplicationError
from tdkt.documents.importing import Column, Importer, ImportResult, Row, register
from tdkt.documents.importing.columns import choice, parse_date, parse_email, text
from tdkt.organizations import selectors
from tdkt.organizations.constants import Gender, PersonnelCategory
from tdkt.organizations.imports.common import (
    AMBIGUOUS_ORG,
    org_index,
    parse_citizen_id,
    parse_country,
    parse_phone,
)
from tdkt.organizations.models import Organization
from tdkt.organizations.services import (
    PersonBatch,
    PersonEntry,
    PreparedBatch,
    person_batch_plan,
    person_batch_prepare,
    person_batch_save,
)
from tdkt.organizations.services.people_batch import OPTIONAL_FIELDS, PersonStep

PERSON_KEYS = (
    "full_name",
    "gender",
    "date_of_birth",
    "citizen_id",
    "nationality",
    "category",
    "email",
    "phone",
)
REQUIRED_KEYS = ("full_name", "category", "start_date")


@dataclass
class PersonPlan:
    """One person row and, once planned, what the batch service will do with it."""

    row: Row
    step: PersonStep | None = None
    prepared: PreparedBatch | None = None  # the whole file's rows and events, once prepared

    @property
    def outcome(self) -> str | None:
        """CREATED, UPDATED or UNCHANGED as planned (a dry run counts these)."""
        return self.step.outcome if self.step is not None else None


class PersonImporter(Importer):
    """People with their current post; the CCCD number identifies a person across files."""

    name = "people"
    title = gettext_lazy("Cá nhân")
    description = gettext_lazy(
        "Thêm hoặc cập nhật cá nhân và nơi công tác. Cùng số CCCD là cùng một người; "
        "đơn vị khác với hiện tại được ghi là điều chuyển."
    )
    template_sheet_title = "Cá nhân"
    field_columns = {k: k for k in PERSON_KEYS} | {
        "organization": "unit",
        "position": "position",
        "start_date": "start_date",
    }
    columns = (
        Column(
            "full_name",
            "Họ và tên",
            True,
            text(200),
            gettext_lazy("Họ và tên đầy đủ."),
            "Nguyễn Văn An",
        ),
        Column(
            "gender",
            "Giới tính",
            False,
            choice(Gender.choices),
            gettext_lazy("Nam hoặc Nữ."),
            "Nam",
            options=Gender.choices,
        ),
        Column(
            "date_of_birth",
            "Ngày sinh",
            False,
            parse_date,
            gettext_lazy("dd/mm/yyyy."),
            "17/05/1985",
        ),
        Column(
            "citizen_id",
            "Số CCCD",
            False,
            parse_citizen_id,
            gettext_lazy("12 chữ số; định dạng cột là Văn bản để giữ số 0 ở đầu."),
            "001085012399",
            aliases=("CCCD", "Số căn cước", "Số căn cước công dân"),
            as_text=True,
        ),
        Column(
            "nationality",
            "Quốc tịch",
            False,
            parse_country,
            gettext_lazy("Mã ISO, mặc định VN."),
            "VN",
        ),
        Column(
            "category",
            "Đối tượng",
            True,
            choice(PersonnelCategory.choices),
            gettext_lazy("Chọn trong danh sách."),
            "Công chức",
            options=PersonnelCategory.choices,
        ),
        Column(
            "unit",
            "Đơn vị",
            True,
            text(300),
            gettext_lazy("Tên hoặc tên viết tắt của đơn vị đã có, thuộc phạm vi bạn quản lý."),
            "Phòng Quản lý Đầu tư",
        ),
        Column(
            "position", "Chức vụ", False, text(200), gettext_lazy("Không bắt buộc."), "Chuyên viên"
        ),
        Column(
            "start_date",
            "Từ ngày",
            True,
            parse_date,
            gettext_lazy("Ngày bắt đầu công tác tại đơn vị."),
            "01/03/2015",
        ),
        Column(
            "email",
            "Email",
            False,
            parse_email,
            gettext_lazy("Không bắt buộc."),
            "an.nv@example.vn",
            aliases=("Thư điện tử",),
        ),
        Column(
            "phone",
            "Điện thoại",
            False,
            parse_phone,
            gettext_lazy("8–15 chữ số; định dạng cột là Văn bản để giữ số 0 ở đầu."),
            "0912345678",
            aliases=("Số điện thoại",),
            as_text=True,
        ),
    )

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Resolve units, refuse repeats inside the file, then plan every row with the batch
        service (``person_batch_plan``: the person services' rules, in a few queries)."""
        index = org_index(selectors.organization_list(actor=actor))
        not_found = _("Không tìm thấy đơn vị này trong phạm vi bạn quản lý.")
        units = {
            row.number: index.find(row, "unit", not_found=not_found, ambiguous=str(AMBIGUOUS_ORG))
            for row in rows
        }
        repeated = self._repeated_numbers(rows) | self._repeated_names(rows, units)
        plans = [PersonPlan(row=row) for row in rows]
        planned, entries = [], []
        for plan in plans:
            row, unit = plan.row, units[plan.row.number]
            if unit is None or row.number in repeated or not all(map(row.get, REQUIRED_KEYS)):
                continue
            planned.append(plan)
            entries.append(self._entry(row, unit))
        batch = person_batch_plan(actor=actor, entries=entries)
        for plan, step in zip(planned, batch.steps, strict=True):
            plan.step = step
            if step.errors:
                self.report_service_error(
                    plan.row, ApplicationError(_("Dữ liệu không hợp lệ."), fields=step.errors)
                )
        return plans

    @staticmethod
    def _repeated_numbers(rows: Sequence[Row]) -> set[int]:
        """The same CCCD on two rows is an error on both, each naming the other."""
        by_number: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            if row.get("citizen_id"):
                by_number[row.get("citizen_id")].append(row)
        refused = set()
        for same in by_number.values():
            for row in same if len(same) > 1 else ():
                others = ", ".join(str(r.number) for r in same if r is not row)
                row.error("citizen_id", _("Số CCCD trùng với dòng %(rows)s.") % {"rows": others})
                refused.add(row.number)
        return refused

    @staticmethod
    def _repeated_names(rows: Sequence[Row], units: dict[int, Any]) -> set[int]:
        """Without a CCCD, the same name twice in one unit would be one person twice."""
        first: dict[tuple[str, int], Row] = {}
        message = _("Trùng họ tên, đơn vị với dòng %(n)s và không có số CCCD.")
        refused = set()
        for row in rows:
            unit = units[row.number]
            if row.get("citizen_id") or unit is None or not row.get("full_name"):
                continue
            earlier = first.setdefault((row.get("full_name"), unit.pk), row)
            if earlier is not row:
                row.error("full_name", message % {"n": earlier.number})
                earlier.error("full_name", message % {"n": row.number})
                refused |= {row.number, earlier.number}
        return refused

    @staticmethod
    def _entry(row: Row, unit: Organization) -> PersonEntry:
        return PersonEntry(
            full_name=row.get("full_name"),
            category=row.get("category"),
            organization=unit,
            start_date=row.get("start_date"),
            position=row.get("position"),
            **{key: row.get(key) for key in OPTIONAL_FIELDS},
        )

    def prepare_write(self, *, actor: Any, plans: Sequence[Any]) -> None:
        """Build every row and audit event before the write transaction opens."""
        prepared = person_batch_prepare(
            actor=actor, batch=PersonBatch([plan.step for plan in plans])
        )
        for plan in plans:
            plan.prepared = prepared

    def apply_plans(self, *, actor: Any, plans: Sequence[Any], result: ImportResult) -> None:
        """Write every row in one call of the batch service; a row it refuses (someone changed
        that person meanwhile) is reported on its row, and nothing is written."""
        prepared = plans[0].prepared if plans else None
        batch = prepared or PersonBatch([plan.step for plan in plans])
        try:
            person_batch_save(actor=actor, batch=batch)
        except ApplicationError as exc:
            refused = exc.extra.get("errors") or {}
            for index, fields in refused.items():
                self.report_service_error(
                    plans[index].row, ApplicationError(exc.message, fields=fields)
                )
            if not refused:
                result.add_error(row=None, message=exc.message)
            return
        for plan in plans:
            result.count(plan.outcome)

    def apply(self, *, actor: Any, plan: Any) -> str:
        """Write one row alone (``apply_plans`` writes the whole file at once)."""
        person_batch_save(actor=actor, batch=PersonBatch([plan.step]))
        outcome: str = plan.outcome
        return outcome


register("people", PersonImporter())
