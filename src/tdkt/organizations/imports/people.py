"""Importer of people and their current post (``tdkt import people``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.documents.importing import (
    CREATED,
    UNCHANGED,
    UPDATED,
    Column,
    Importer,
    Row,
    register,
)
from tdkt.documents.importing.columns import (
    choice,
    parse_date,
    parse_email,
    text,
)
from tdkt.organizations import selectors, services
from tdkt.organizations.constants import (
    Gender,
    PersonnelCategory,
)
from tdkt.organizations.imports.common import (
    AMBIGUOUS_ORG,
    in_batches,
    org_index,
    parse_citizen_id,
    parse_country,
)
from tdkt.organizations.models import DuplicateContext, Organization, Person
from tdkt.organizations.permissions import can_change_organization
from tdkt.organizations.validators import citizen_id_error

# --- people -----------------------------------------------------------------------------------

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


@dataclass
class PersonPlan:
    """What to do with one person row."""

    row: Row
    existing: Person | None
    unit: Organization | None


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
            text(20),
            gettext_lazy("Không bắt buộc."),
            "0912345678",
            aliases=("Số điện thoại",),
            as_text=True,
        ),
    )

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Resolve units and existing people; refuse duplicate CCCDs and out-of-scope units."""
        index = org_index(selectors.organization_list(actor=actor))
        by_id: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            if row.get("citizen_id"):
                by_id[row.get("citizen_id")].append(row)
        for same in by_id.values():
            for row in same if len(same) > 1 else ():
                others = ", ".join(str(r.number) for r in same if r is not row)
                row.error("citizen_id", _("Số CCCD trùng với dòng %(rows)s.") % {"rows": others})
        people = selectors.person_list(actor=actor)
        known = {p.citizen_id: p for p in in_batches(people, "citizen_id", list(by_id))}
        names = [r.get("full_name") for r in rows if r.get("full_name") and not r.get("citizen_id")]
        unnumbered: dict[tuple[str, int], list[Person]] = defaultdict(list)
        for person in in_batches(people.filter(citizen_id__isnull=True), "full_name", names):
            for post in person.current_posts:
                unnumbered[(person.full_name, post.organization_id)].append(person)
        same_name: dict[tuple[str, int], Row] = {}
        plans = []
        for row in rows:
            unit = index.find(
                row,
                "unit",
                not_found=_("Không tìm thấy đơn vị này trong phạm vi bạn quản lý."),
                ambiguous=str(AMBIGUOUS_ORG),
            )
            if unit is not None and not can_change_organization(actor, unit):
                row.error("unit", _("Bạn không có quyền nhập dữ liệu cho đơn vị này."))
            self._check_citizen_id(row)
            existing = known.get(row.get("citizen_id"))
            if existing is None and not row.get("citizen_id") and unit is not None:
                key = (row.get("full_name"), unit.pk)
                first = same_name.setdefault(key, row)
                if key[0] and first is not row:
                    message = _("Trùng họ tên, đơn vị với dòng %(n)s và không có số CCCD.")
                    row.error("full_name", message % {"n": first.number})
                    first.error("full_name", message % {"n": row.number})
                matches = unnumbered.get(key, [])
                if len(matches) > 1:
                    row.error(
                        "full_name", _("Có nhiều người cùng họ tên ở đơn vị này; ghi số CCCD.")
                    )
                existing = matches[0] if len(matches) == 1 else None
            plans.append(PersonPlan(row=row, existing=existing, unit=unit))
        self._check_duplicates(actor, plans)
        return plans

    @staticmethod
    def _check_duplicates(actor: Any, plans: list[PersonPlan]) -> None:
        """Refuse new people whose CCCD is already registered, through the person service's
        rule (decision 0036: a number outside the actor's scope is not revealed, and goes to
        the officers)."""
        claims = [
            services.CitizenIdClaim(
                key=plan.row.number,
                citizen_id=plan.row.get("citizen_id"),
                submitted={
                    **{k: plan.row.get(k) for k in (*PERSON_KEYS, "position", "start_date")},
                    "organization": plan.unit.name if plan.unit else None,
                },
                organization=plan.unit,
            )
            for plan in plans
            if plan.existing is None and plan.row.get("citizen_id") and not plan.row.has_errors
        ]
        conflicts = services.citizen_id_conflicts(
            actor=actor, claims=claims, context=DuplicateContext.IMPORT
        )
        for plan in plans:
            if conflict := conflicts.get(plan.row.number):
                plan.row.error("citizen_id", conflict.message)

    @staticmethod
    def _check_citizen_id(row: Row) -> None:
        if row.get("citizen_id") and "citizen_id" not in row.failed:
            message = citizen_id_error(
                row.get("citizen_id"),
                date_of_birth=row.get("date_of_birth"),
                gender=row.get("gender") or "",
            )
            if message:
                row.error("citizen_id", message)

    def apply(self, *, actor: Any, plan: Any) -> str:
        """Create the person with their post, or update changed fields and move their post."""
        row: Row = plan.row
        data = {k: row.get(k) for k in PERSON_KEYS if row.get(k) is not None}
        if plan.existing is None:
            services.person_create(
                actor=actor,
                organization=plan.unit,
                start_date=row.get("start_date"),
                position=row.get("position") or "",
                **data,
            )
            return CREATED
        person = plan.existing
        changes = {k: v for k, v in data.items() if getattr(person, k) != v}
        if changes:
            person = services.person_update(actor=actor, person=person, **changes)
        moved = self._apply_post(
            actor, person, plan.unit, row.get("start_date"), row.get("position")
        )
        return UPDATED if changes or moved else UNCHANGED

    @staticmethod
    def _apply_post(
        actor: Any, person: Person, unit: Organization, start: date, position: str | None
    ) -> bool:
        current = person.employments.filter(end_date__isnull=True).order_by("-start_date").first()
        if current is None or current.organization_id != unit.pk:
            services.employment_add(
                actor=actor,
                person=person,
                organization=unit,
                start_date=start,
                position=position or "",
            )
            return True
        changes: dict[str, Any] = {}
        if position is not None and current.position != position:
            changes["position"] = position
        if current.start_date != start:
            changes["start_date"] = start
        if changes:
            services.employment_update(actor=actor, employment=current, **changes)
        return bool(changes)


register("people", PersonImporter())
