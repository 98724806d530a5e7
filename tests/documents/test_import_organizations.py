"""Organisation import: tree references, enterprise profiles, idempotence, scope."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.documents.services import import_run
from tdkt.organizations.models import Enterprise, Organization

from .helpers import BOARD, ORG_HEADERS, is_write, xlsx

pytestmark = pytest.mark.django_db


def org_row(name, kind, parent="", **extra):
    """Return an organisations row; ``extra`` fills columns by header."""
    values = {"Tên đơn vị": name, "Loại": kind, "Đơn vị cấp trên": parent, **extra}
    return [values.get(h, "") for h in ORG_HEADERS]


def _run(actor, rows, **kwargs):
    return import_run(
        actor=actor,
        importer="organizations",
        data=xlsx(ORG_HEADERS, rows),
        filename="don-vi.xlsx",
        **kwargs,
    )


ENTERPRISE = {
    "Mã số thuế": "0109876543",
    "Loại hình đầu tư": "FDI",
    "Quốc gia nhà đầu tư": "kr",
    "Khu công nghiệp": "Thăng Long",
    "Vốn đăng ký": "7.700.000.000",
    "Đơn vị tiền tệ": "USD",
    "Địa chỉ": "Lô C5, KCN Thăng Long",
}


def test_valid_file_creates_units_enterprises_and_children_of_earlier_rows(registry):
    """A unit, its sub-unit (parent given as an earlier row) and an FDI enterprise are added
    with their profile; labels and codes are matched without case or accents."""
    rows = [
        org_row("Văn phòng", "phong", BOARD, **{"Tên viết tắt": "VP"}),
        org_row("Tổ Hành chính", "PHÒNG", "VP"),
        org_row("Công ty TNHH Hanwha Hà Nội", "Doanh nghiệp", "BQL", **ENTERPRISE),
    ]
    result = _run(registry.officer, rows)

    assert result.ok, result.errors
    assert (result.created, result.updated) == (3, 0)
    office = Organization.objects.get(name="Văn phòng")
    assert office.parent == registry.board
    assert Organization.objects.get(name="Tổ Hành chính").parent == office
    profile = Enterprise.objects.get(tax_code="0109876543")
    assert profile.organization.parent == registry.board
    assert profile.zone == registry.zone
    assert profile.registered_capital == Decimal("7700000000")
    assert (profile.investment_type, profile.investor_country) == ("fdi", "KR")
    assert AuditEvent.objects.filter(event_type=AuditEventType.ORGANIZATION_CREATED).count() == 8
    assert AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED).count() == 1


def test_reimport_is_idempotent_and_changed_cells_update(registry):
    """Running the same file again changes nothing; a changed address updates the enterprise
    found by its tax code, and only that row counts as updated."""
    rows = [
        org_row("Văn phòng", "Phòng", BOARD),
        org_row("Công ty TNHH Hanwha Hà Nội", "Doanh nghiệp", BOARD, **ENTERPRISE),
    ]
    _run(registry.officer, rows)
    count = Organization.objects.count()

    again = _run(registry.officer, rows)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

    moved = dict(ENTERPRISE, **{"Địa chỉ": "Lô D2, KCN Thăng Long", "Vốn đăng ký": "8.000.000"})
    changed = _run(
        registry.officer, [org_row("Công ty TNHH Hanwha Hà Nội", "Doanh nghiệp", "", **moved)]
    )
    assert (changed.created, changed.updated) == (0, 1)
    assert Organization.objects.count() == count
    profile = Enterprise.objects.select_related("organization").get(tax_code="0109876543")
    assert profile.organization.address == "Lô D2, KCN Thăng Long"
    assert profile.registered_capital == Decimal("8000000")
    assert profile.organization.parent == registry.board  # empty parent cell: unchanged


def test_invalid_rows_are_all_reported_and_nothing_is_written(registry):
    """Unknown parent, an enterprise without tax code, a bad tax code, enterprise columns on
    a department, and an ambiguous number are each reported; nothing is written."""
    count = Organization.objects.count()
    rows = [
        org_row("Phòng A", "Phòng", "Không có đơn vị này"),
        org_row("Công ty B", "Doanh nghiệp", BOARD, **{"Loại hình đầu tư": "DDI"}),
        org_row(
            "Công ty C", "Doanh nghiệp", BOARD, **{"Mã số thuế": "12345", "Loại hình đầu tư": "DDI"}
        ),
        org_row("Phòng D", "Phòng", BOARD, **{"Mã số thuế": "0101111111"}),
        org_row(
            "Công ty E",
            "Doanh nghiệp",
            BOARD,
            **dict(ENTERPRISE, **{"Mã số thuế": "0102222222", "Vốn đăng ký": "12.5"}),
        ),
        org_row("Phòng F", "Không rõ", BOARD),
    ]
    result = _run(registry.officer, rows)

    assert not result.ok
    assert [(e.row, e.column) for e in result.sorted_errors()] == [
        (2, "Đơn vị cấp trên"),
        (3, "Mã số thuế"),
        (4, "Mã số thuế"),
        (5, "Mã số thuế"),
        (6, "Vốn đăng ký"),
        (7, "Loại"),
    ]
    assert Organization.objects.count() == count


def test_duplicate_enterprise_in_the_file_is_reported_on_both_rows(registry):
    """Two rows with the same tax code are both refused."""
    rows = [
        org_row("Công ty X", "Doanh nghiệp", BOARD, **ENTERPRISE),
        org_row("Công ty X (trùng)", "Doanh nghiệp", BOARD, **ENTERPRISE),
    ]
    result = _run(registry.officer, rows)

    assert [(e.row, e.column) for e in result.sorted_errors()] == [
        (2, "Mã số thuế"),
        (3, "Mã số thuế"),
    ]
    assert "dòng 3" in result.sorted_errors()[0].message
    assert not Enterprise.objects.filter(tax_code="0109876543").exists()


def test_unit_head_may_add_sub_units_only_inside_their_unit(registry):
    """The investment head can add a team under investment, not under planning."""
    inside = _run(
        registry.investment_head, [org_row("Tổ Thẩm định", "Phòng", "Phòng Quản lý Đầu tư")]
    )
    assert inside.ok, inside.errors

    outside = _run(
        registry.investment_head, [org_row("Tổ Quy hoạch", "Phòng", "Phòng Quy hoạch và Xây dựng")]
    )
    assert not outside.ok
    assert [(e.row, e.column) for e in outside.errors] == [(2, "Đơn vị cấp trên")]
    assert not Organization.objects.filter(name="Tổ Quy hoạch").exists()


def test_a_dry_run_counts_exactly_without_writing_and_sees_a_taken_tax_code(registry):
    """The organisations' dry run predicts its counts (a new unit, the enterprise updated,
    the board unchanged) and writes only its audit event; a new enterprise with a tax code
    already in the registry is refused in the dry run already, not only when written."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = [
        org_row("Phòng Thanh tra", "Phòng", BOARD),
        org_row(
            "Công ty TNHH Điện tử Sao Mai",
            "Doanh nghiệp",
            BOARD,
            **{"Mã số thuế": "0101234567", "Địa chỉ": "Lô A1"},
        ),
        org_row(BOARD, "Ban Quản lý"),
    ]
    with CaptureQueriesContext(connection) as captured:
        result = _run(registry.officer, rows, dry_run=True)

    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    writes = [q["sql"] for q in captured.captured_queries if is_write(q["sql"])]
    assert writes and all("audit_" in sql for sql in writes)
    assert not Organization.objects.filter(name="Phòng Thanh tra").exists()

    taken = org_row(
        "Công ty Mới",
        "Doanh nghiệp",
        "Phòng Quản lý Đầu tư",
        **{**ENTERPRISE, "Mã số thuế": "0101234567"},
    )
    refused = _run(registry.investment_head, [taken], dry_run=True)
    assert [(e.column, e.message) for e in refused.errors] == [
        ("Mã số thuế", "Mã số thuế đã có trong hệ thống.")
    ]
