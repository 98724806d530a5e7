"""Spreadsheet importers of the registry: organisations and people (``tdkt import <name>``).

Both are idempotent: a row that matches an existing record updates it, and only with the
cells that are filled in, so importing the same file twice changes nothing the second time.
Lookups go through the actor-scoped selectors, and every write through the services.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tdkt.accounts.scopes import scope_for
from tdkt.core.text import fold
from tdkt.documents.importing import (
    CREATED,
    UNCHANGED,
    UPDATED,
    CellError,
    Column,
    Importer,
    Row,
    register,
)
from tdkt.documents.importing.columns import (
    checked,
    choice,
    parse_date,
    parse_decimal,
    parse_email,
    text,
)
from tdkt.documents.importing.lookup import NameIndex
from tdkt.organizations import selectors, services
from tdkt.organizations.constants import (
    Currency,
    Gender,
    InvestmentType,
    OrganizationKind,
    PersonnelCategory,
)
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.validators import citizen_id_error, country_error, tax_code_error

# --- cell parsers specific to the registry ------------------------------------------------------


parse_tax_code = checked(tax_code_error)
parse_citizen_id = checked(lambda value: citizen_id_error(value, date_of_birth=None, gender=""))
parse_country = checked(country_error, upper=True)


def parse_amount(value: Any) -> Any:
    """A non-negative amount in Vietnamese number format."""
    result = parse_decimal(value)
    if result < 0:
        raise CellError(_("Vốn đăng ký không được âm."))
    return result


# --- shared lookups ---------------------------------------------------------------------------


def _org_index(orgs: Iterable[Organization]) -> NameIndex[Organization]:
    """Index organisations by name and short name."""
    return NameIndex(orgs, lambda org: (org.name, org.short_name))


AMBIGUOUS_ORG = _lazy("Có nhiều đơn vị cùng tên này; hãy ghi tên viết tắt để phân biệt.")


def _in_batches(queryset: Any, field_name: str, values: list[Any], size: int = 500) -> list[Any]:
    """Return ``queryset`` filtered on ``field_name__in=values``, a few hundred values per
    query, so a file of thousands of rows stays under the databases' parameter limits."""
    found: list[Any] = []
    for start in range(0, len(values), size):
        found.extend(queryset.filter(**{f"{field_name}__in": values[start : start + size]}))
    return found


def _can_write(actor: Any, org: Organization) -> bool:
    scope = scope_for(actor)
    return scope.can_write and scope.covers_path(org.path)


# --- organisations ----------------------------------------------------------------------------

ENTERPRISE_KEYS = (
    "tax_code",
    "investment_type",
    "investor_country",
    "zone",
    "registered_capital",
    "capital_currency",
)
ORG_KEYS = ("name", "short_name", "kind", "address")


@dataclass
class OrganizationPlan:
    """What to do with one organisation row; ``instance`` is set once applied."""

    row: Row
    existing: Organization | None
    parent: Organization | None = None
    parent_plan: OrganizationPlan | None = None
    enterprise: dict[str, Any] = field(default_factory=dict)
    instance: Organization | None = None

    def resolved_parent(self) -> Organization | None:
        if self.parent_plan is not None:
            return self.parent_plan.instance
        return self.parent


@dataclass
class _Lookups:
    """What rows are resolved against: visible organisations, zones and earlier rows."""

    index: NameIndex[Organization]
    by_tax: dict[str, Organization]
    by_place: dict[tuple[int | None, str], Organization]
    zones: dict[str, Any] = field(default_factory=dict)
    in_file: dict[str, OrganizationPlan] = field(default_factory=dict)


def _strip_zone_prefix(name: str) -> str:
    key = fold(name)
    for prefix in ("khu cong nghiep ", "khu che xuat ", "kcn ", "kcx "):
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


class OrganizationImporter(Importer):
    """Units, public service units and enterprises of the Board, with enterprise profiles."""

    name = "organizations"
    title = _lazy("Đơn vị, doanh nghiệp")
    description = _lazy(
        "Thêm hoặc cập nhật đơn vị và doanh nghiệp. Doanh nghiệp nhận diện theo mã số thuế; "
        "đơn vị khác theo tên trong cùng đơn vị cấp trên."
    )
    template_sheet_title = "Đơn vị"
    field_columns = {k: k for k in (*ORG_KEYS, *ENTERPRISE_KEYS)} | {"parent": "parent"}
    columns = (
        Column("name", "Tên đơn vị", True, text(300), _lazy("Tên đầy đủ."), "Công ty TNHH ABC"),
        Column("short_name", "Tên viết tắt", False, text(100), _lazy("Không bắt buộc."), "ABC"),
        Column(
            "kind",
            "Loại",
            True,
            choice(OrganizationKind.choices),
            _lazy("Chọn trong danh sách."),
            "Doanh nghiệp",
            options=OrganizationKind.choices,
        ),
        Column(
            "parent",
            "Đơn vị cấp trên",
            False,
            text(300),
            _lazy("Tên (hoặc tên viết tắt) của đơn vị đã có, hoặc ở một dòng phía trên."),
            "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội",
        ),
        Column(
            "tax_code",
            "Mã số thuế",
            False,
            parse_tax_code,
            _lazy("Bắt buộc với doanh nghiệp: 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh)."),
            "0101234567",
            aliases=("MST",),
            as_text=True,
        ),
        Column(
            "investment_type",
            "Loại hình đầu tư",
            False,
            choice(InvestmentType.choices, extra={"FDI": "fdi", "DDI": "ddi"}),
            _lazy("Bắt buộc với doanh nghiệp: FDI hoặc DDI."),
            "FDI",
            options=(("fdi", "FDI"), ("ddi", "DDI")),
        ),
        Column(
            "investor_country",
            "Quốc gia nhà đầu tư",
            False,
            parse_country,
            _lazy("Mã ISO 2 chữ cái (JP, KR, VN…); bắt buộc với doanh nghiệp FDI."),
            "JP",
        ),
        Column(
            "zone", "Khu công nghiệp", False, text(200), _lazy("Tên KCN đã có."), "KCN Thăng Long"
        ),
        Column(
            "registered_capital",
            "Vốn đăng ký",
            False,
            parse_amount,
            _lazy("Số; dấu chấm phân cách hàng nghìn, dấu phẩy thập phân."),
            "12.000.000",
        ),
        Column(
            "capital_currency",
            "Đơn vị tiền tệ",
            False,
            choice(Currency.choices),
            _lazy("Bắt buộc khi có vốn đăng ký."),
            "USD",
            options=Currency.choices,
        ),
        Column(
            "address", "Địa chỉ", False, text(300), _lazy("Không bắt buộc."), "Đông Anh, Hà Nội"
        ),
    )

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Resolve parents, zones and existing records; refuse duplicates and out-of-scope rows."""
        visible = list(selectors.organization_list(actor=actor, include_inactive=True))
        found = _Lookups(
            index=_org_index(visible),
            by_tax={o.enterprise.tax_code: o for o in visible if hasattr(o, "enterprise")},
            by_place={(o.parent_id, fold(o.name)): o for o in visible},
        )
        for zone in selectors.zone_list(actor=actor):
            found.zones.setdefault(fold(zone.name), zone)
            found.zones.setdefault(_strip_zone_prefix(zone.name), zone)
        seen: dict[Any, Row] = {}
        plans = []
        for row in rows:
            plan = self._plan(actor, row, found)
            identity = self._identity(plan)
            if identity is not None and identity in seen:
                message = _("Trùng với dòng %(n)s trong cùng tệp.")
                column = "tax_code" if identity[0] == "tax" else "name"
                row.error(column, message % {"n": seen[identity].number})
                seen[identity].error(column, message % {"n": row.number})
            elif identity is not None:
                seen[identity] = row
            for name in (row.get("name"), row.get("short_name")):
                if name:
                    found.in_file.setdefault(fold(name), plan)
            plans.append(plan)
        return plans

    @staticmethod
    def _identity(plan: OrganizationPlan) -> Any:
        row = plan.row
        if row.get("kind") == OrganizationKind.ENTERPRISE and row.get("tax_code"):
            return ("tax", row.get("tax_code"))
        if not row.get("name"):
            return None
        parent = plan.parent.pk if plan.parent else id(plan.parent_plan)
        return ("name", parent, fold(row.get("name")))

    def _plan(self, actor: Any, row: Row, found: _Lookups) -> OrganizationPlan:
        kind = row.get("kind")
        is_enterprise = kind == OrganizationKind.ENTERPRISE
        plan = OrganizationPlan(row=row, existing=None)
        if row.get("parent"):
            plan.parent_plan = found.in_file.get(fold(row.get("parent")))
            if plan.parent_plan is None:
                plan.parent = found.index.find(
                    row,
                    "parent",
                    not_found=_(
                        "Không tìm thấy đơn vị cấp trên trong hệ thống hoặc ở các dòng trên."
                    ),
                    ambiguous=str(AMBIGUOUS_ORG),
                )
            elif plan.parent_plan.existing is not None:
                plan.parent, plan.parent_plan = plan.parent_plan.existing, None
        if is_enterprise and row.get("tax_code"):
            plan.existing = found.by_tax.get(row.get("tax_code"))
        elif row.get("name") and plan.parent_plan is None:
            parent_id = plan.parent.pk if plan.parent else None
            if row.get("parent") and plan.parent is None:
                parent_id = -1  # unresolved parent: cannot match anything
            plan.existing = found.by_place.get((parent_id, fold(row.get("name"))))
        self._check_enterprise(row, is_enterprise, found.zones, plan)
        self._check_scope(actor, row, plan)
        existing_kind = plan.existing.kind if plan.existing else kind
        if kind and existing_kind != kind and OrganizationKind.ENTERPRISE in (kind, existing_kind):
            row.error("kind", _("Không đổi được loại giữa doanh nghiệp và loại khác."))
        return plan

    def _check_enterprise(
        self, row: Row, is_enterprise: bool, zones: dict[str, Any], plan: OrganizationPlan
    ) -> None:
        if not is_enterprise:
            for key in ENTERPRISE_KEYS:
                if row.raw.get(key) not in (None, "") and key not in row.failed:
                    row.error(key, _("Chỉ điền cột này cho doanh nghiệp."))
            return
        if not row.get("tax_code") and "tax_code" not in row.failed:
            row.error("tax_code", _("Doanh nghiệp phải có mã số thuế."))
        new = plan.existing is None
        if new and not row.get("investment_type") and "investment_type" not in row.failed:
            row.error("investment_type", _("Doanh nghiệp phải có loại hình đầu tư (FDI/DDI)."))
        if new and row.get("investment_type") == "fdi" and not row.get("investor_country"):
            row.error("investor_country", _("Doanh nghiệp FDI phải có quốc gia nhà đầu tư."))
        if row.get("registered_capital") is not None and not row.get("capital_currency"):
            row.error("capital_currency", _("Ghi đơn vị tiền tệ của vốn đăng ký (VND, USD…)."))
        for key in ENTERPRISE_KEYS:
            if row.get(key) is not None and key != "zone":
                plan.enterprise[key] = row.get(key)
        if row.get("zone"):
            zone = zones.get(fold(row.get("zone"))) or zones.get(
                _strip_zone_prefix(row.get("zone"))
            )
            if zone is None:
                row.error("zone", _("Không tìm thấy khu công nghiệp này."))
            plan.enterprise["zone"] = zone

    def _check_scope(self, actor: Any, row: Row, plan: OrganizationPlan) -> None:
        is_root = plan.existing is None and not row.get("parent")
        if is_root and not scope_for(actor).everything:
            row.error("parent", _("Hãy ghi đơn vị cấp trên (thuộc phạm vi bạn quản lý)."))
        for org in (plan.existing, plan.parent):
            if org is not None and not _can_write(actor, org):
                row.error(None, _("Bạn không có quyền thay đổi dữ liệu của đơn vị này."))

    def apply(self, *, actor: Any, plan: Any) -> str:
        """Create the organisation, or update only the fields whose cells differ."""
        row: Row = plan.row
        parent = plan.resolved_parent()
        if plan.existing is None:
            plan.instance = services.organization_create(
                actor=actor,
                name=row.get("name"),
                kind=row.get("kind"),
                parent=parent,
                short_name=row.get("short_name") or "",
                address=row.get("address") or "",
                enterprise=plan.enterprise if row.get("kind") == "enterprise" else None,
            )
            return CREATED
        org = plan.instance = plan.existing
        changes = {
            k: row.get(k)
            for k in ORG_KEYS
            if row.get(k) is not None and getattr(org, k) != row.get(k)
        }
        if row.get("parent") and parent != org.parent:
            changes["parent"] = parent
        profile = getattr(org, "enterprise", None) if org.kind == "enterprise" else None
        enterprise = {
            k: v
            for k, v in plan.enterprise.items()
            if profile is not None and getattr(profile, k) != v
        }
        if not changes and not enterprise:
            return UNCHANGED
        plan.instance = services.organization_update(
            actor=actor, organization=org, enterprise=enterprise or None, **changes
        )
        return UPDATED


register("organizations", OrganizationImporter())


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
    title = _lazy("Cá nhân")
    description = _lazy(
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
            "full_name", "Họ và tên", True, text(200), _lazy("Họ và tên đầy đủ."), "Nguyễn Văn An"
        ),
        Column(
            "gender",
            "Giới tính",
            False,
            choice(Gender.choices),
            _lazy("Nam hoặc Nữ."),
            "Nam",
            options=Gender.choices,
        ),
        Column("date_of_birth", "Ngày sinh", False, parse_date, _lazy("dd/mm/yyyy."), "17/05/1985"),
        Column(
            "citizen_id",
            "Số CCCD",
            False,
            parse_citizen_id,
            _lazy("12 chữ số; định dạng cột là Văn bản để giữ số 0 ở đầu."),
            "001085012399",
            aliases=("CCCD", "Số căn cước", "Số căn cước công dân"),
            as_text=True,
        ),
        Column(
            "nationality", "Quốc tịch", False, parse_country, _lazy("Mã ISO, mặc định VN."), "VN"
        ),
        Column(
            "category",
            "Đối tượng",
            True,
            choice(PersonnelCategory.choices),
            _lazy("Chọn trong danh sách."),
            "Công chức",
            options=PersonnelCategory.choices,
        ),
        Column(
            "unit",
            "Đơn vị",
            True,
            text(300),
            _lazy("Tên hoặc tên viết tắt của đơn vị đã có, thuộc phạm vi bạn quản lý."),
            "Phòng Quản lý Đầu tư",
        ),
        Column("position", "Chức vụ", False, text(200), _lazy("Không bắt buộc."), "Chuyên viên"),
        Column(
            "start_date",
            "Từ ngày",
            True,
            parse_date,
            _lazy("Ngày bắt đầu công tác tại đơn vị."),
            "01/03/2015",
        ),
        Column(
            "email",
            "Email",
            False,
            parse_email,
            _lazy("Không bắt buộc."),
            "an.nv@example.vn",
            aliases=("Thư điện tử",),
        ),
        Column(
            "phone",
            "Điện thoại",
            False,
            text(20),
            _lazy("Không bắt buộc."),
            "0912345678",
            aliases=("Số điện thoại",),
            as_text=True,
        ),
    )

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Resolve units and existing people; refuse duplicate CCCDs and out-of-scope units."""
        index = _org_index(selectors.organization_list(actor=actor))
        by_id: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            if row.get("citizen_id"):
                by_id[row.get("citizen_id")].append(row)
        for same in by_id.values():
            for row in same if len(same) > 1 else ():
                others = ", ".join(str(r.number) for r in same if r is not row)
                row.error("citizen_id", _("Số CCCD trùng với dòng %(rows)s.") % {"rows": others})
        people = selectors.person_list(actor=actor)
        known = {p.citizen_id: p for p in _in_batches(people, "citizen_id", list(by_id))}
        names = [r.get("full_name") for r in rows if r.get("full_name") and not r.get("citizen_id")]
        unnumbered: dict[tuple[str, int], list[Person]] = defaultdict(list)
        for person in _in_batches(people.filter(citizen_id__isnull=True), "full_name", names):
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
            if unit is not None and not _can_write(actor, unit):
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
        return plans

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
