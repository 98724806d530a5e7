"""Importer of organisations and enterprise profiles (``tdkt import organizations``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.accounts.scopes import scope_for
from tdkt.core.text import fold
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
    text,
)
from tdkt.documents.importing.lookup import NameIndex
from tdkt.organizations import selectors, services
from tdkt.organizations.constants import (
    Currency,
    InvestmentType,
    OrganizationKind,
)
from tdkt.organizations.imports.common import (
    AMBIGUOUS_ORG,
    org_index,
    parse_amount,
    parse_country,
    parse_tax_code,
)
from tdkt.organizations.models import Organization
from tdkt.organizations.permissions import can_change_organization

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
    outcome: str | None = None  # what applying would do: a dry run counts it

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
    title = gettext_lazy("Đơn vị, doanh nghiệp")
    description = gettext_lazy(
        "Thêm hoặc cập nhật đơn vị và doanh nghiệp. Doanh nghiệp nhận diện theo mã số thuế; "
        "đơn vị khác theo tên trong cùng đơn vị cấp trên."
    )
    template_sheet_title = "Đơn vị"
    field_columns = {k: k for k in (*ORG_KEYS, *ENTERPRISE_KEYS)} | {"parent": "parent"}
    columns = (
        Column(
            "name", "Tên đơn vị", True, text(300), gettext_lazy("Tên đầy đủ."), "Công ty TNHH ABC"
        ),
        Column(
            "short_name", "Tên viết tắt", False, text(100), gettext_lazy("Không bắt buộc."), "ABC"
        ),
        Column(
            "kind",
            "Loại",
            True,
            choice(OrganizationKind.choices),
            gettext_lazy("Chọn trong danh sách."),
            "Doanh nghiệp",
            options=OrganizationKind.choices,
        ),
        Column(
            "parent",
            "Đơn vị cấp trên",
            False,
            text(300),
            gettext_lazy("Tên (hoặc tên viết tắt) của đơn vị đã có, hoặc ở một dòng phía trên."),
            "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội",
        ),
        Column(
            "tax_code",
            "Mã số thuế",
            False,
            parse_tax_code,
            gettext_lazy(
                "Bắt buộc với doanh nghiệp: 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh)."
            ),
            "0101234567",
            aliases=("MST",),
            as_text=True,
        ),
        Column(
            "investment_type",
            "Loại hình đầu tư",
            False,
            choice(InvestmentType.choices, extra={"FDI": "fdi", "DDI": "ddi"}),
            gettext_lazy("Bắt buộc với doanh nghiệp: FDI hoặc DDI."),
            "FDI",
            options=(("fdi", "FDI"), ("ddi", "DDI")),
        ),
        Column(
            "investor_country",
            "Quốc gia nhà đầu tư",
            False,
            parse_country,
            gettext_lazy("Mã ISO 2 chữ cái (JP, KR, VN…); bắt buộc với doanh nghiệp FDI."),
            "JP",
        ),
        Column(
            "zone",
            "Khu công nghiệp",
            False,
            text(200),
            gettext_lazy("Tên KCN đã có."),
            "KCN Thăng Long",
        ),
        Column(
            "registered_capital",
            "Vốn đăng ký",
            False,
            parse_amount,
            gettext_lazy("Số; dấu chấm phân cách hàng nghìn, dấu phẩy thập phân."),
            "12.000.000",
        ),
        Column(
            "capital_currency",
            "Đơn vị tiền tệ",
            False,
            choice(Currency.choices),
            gettext_lazy("Bắt buộc khi có vốn đăng ký."),
            "USD",
            options=Currency.choices,
        ),
        Column(
            "address",
            "Địa chỉ",
            False,
            text(300),
            gettext_lazy("Không bắt buộc."),
            "Đông Anh, Hà Nội",
        ),
    )

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Resolve parents, zones and existing records; refuse duplicates and out-of-scope rows."""
        visible = list(selectors.organization_list(actor=actor, include_inactive=True))
        found = _Lookups(
            index=org_index(visible),
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
            plan.outcome = self._outcome(plan)
            plans.append(plan)
        self._check_tax_codes(plans)
        return plans

    @staticmethod
    def _check_tax_codes(plans: list[OrganizationPlan]) -> None:
        """A new enterprise's tax code may not be another enterprise's: the services' rule,
        checked for the whole file at once so that a dry run reports it too."""
        new = {
            p.enterprise["tax_code"]: p
            for p in plans
            if p.existing is None and p.enterprise.get("tax_code")
        }
        for code, message in services.tax_code_conflicts(tax_codes=list(new)).items():
            new[code].row.error("tax_code", message)

    def _outcome(self, plan: OrganizationPlan) -> str:
        if plan.existing is None:
            return CREATED
        if plan.parent_plan is not None:  # moved under an organisation new in this file
            return UPDATED
        changes, enterprise = self._differences(plan, plan.parent)
        return UPDATED if changes or enterprise else UNCHANGED

    @staticmethod
    def _differences(
        plan: OrganizationPlan, parent: Organization | None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The organisation fields and enterprise-profile fields whose cells differ."""
        row, org = plan.row, plan.existing
        assert org is not None  # noqa: S101 - only an existing organisation has differences
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
        return changes, enterprise

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
            if org is not None and not can_change_organization(actor, org):
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
        changes, enterprise = self._differences(plan, parent)
        if not changes and not enterprise:
            return UNCHANGED
        plan.instance = services.organization_update(
            actor=actor, organization=org, enterprise=enterprise or None, **changes
        )
        return UPDATED


register("organizations", OrganizationImporter())
