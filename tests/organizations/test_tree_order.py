"""The organisation tree in display order: by kind (departments before enterprises), then by
name in Vietnamese order, every subtree after its root, kept by the services."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.selectors import organization_list
from tdkt.organizations.services import organization_create, organization_update

pytestmark = pytest.mark.django_db


def _names(actor) -> list[str]:
    return [org.name for org in organization_list(actor=actor)]


def _enterprise(registry, name: str, tax_code: str):
    return organization_create(
        actor=registry.officer,
        name=name,
        kind=OrganizationKind.ENTERPRISE,
        parent=registry.board,
        enterprise={"tax_code": tax_code, "investment_type": "ddi"},
    )


def test_departments_come_before_enterprises_and_names_in_vietnamese_order(registry):
    """Under the Board: the departments (Đầu tư before Quy hoạch), the centre, then enterprises
    by name — Ánh Dương before Bình Minh before Điện tử Sao Mai (đ after d)."""
    _enterprise(registry, "Công ty Bình Minh", "0100000001")
    _enterprise(registry, "Công ty Ánh Dương", "0100000002")
    organization_create(
        actor=registry.officer,
        name="Ban Kiểm soát",
        kind=OrganizationKind.DEPARTMENT,
        parent=registry.investment,
    )
    assert _names(registry.officer) == [
        "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội",
        "Phòng Quản lý Đầu tư",
        "Ban Kiểm soát",
        "Phòng Quy hoạch và Xây dựng",
        "Trung tâm Dịch vụ hỗ trợ doanh nghiệp",
        "Công ty Ánh Dương",
        "Công ty Bình Minh",
        "Công ty TNHH Điện tử Sao Mai",
    ]


def test_a_renamed_unit_moves_with_its_subtree(registry):
    """Renaming Đầu tư to Xúc tiến puts it, and its child, after Quy hoạch."""
    child = organization_create(
        actor=registry.officer,
        name="Tổ Một cửa",
        kind=OrganizationKind.DEPARTMENT,
        parent=registry.investment,
    )
    organization_update(
        actor=registry.officer, organization=registry.investment, name="Phòng Xúc tiến Đầu tư"
    )
    names = _names(registry.officer)
    assert names.index("Phòng Quy hoạch và Xây dựng") < names.index("Phòng Xúc tiến Đầu tư")
    assert names.index("Phòng Xúc tiến Đầu tư") + 1 == names.index(child.name)


def test_a_moved_unit_takes_its_subtree_under_the_new_parent(registry):
    """Moving the centre under Quy hoạch lists it, and its child, right after that unit."""
    child = organization_create(
        actor=registry.officer,
        name="Tổ Hỗ trợ",
        kind=OrganizationKind.DEPARTMENT,
        parent=registry.centre,
    )
    organization_update(
        actor=registry.officer, organization=registry.centre, parent=registry.planning
    )
    names = _names(registry.officer)
    start = names.index("Phòng Quy hoạch và Xây dựng")
    assert names[start + 1 : start + 3] == [registry.centre.name, child.name]


def test_the_tree_page_shows_the_sorted_tree(client, registry):
    """The tree page lists the departments before the enterprise."""
    client.force_login(registry.officer)
    body = client.get(reverse("organizations:organization-list")).content.decode()
    assert body.index("Phòng Quy hoạch và Xây dựng") < body.index("Công ty TNHH Điện tử Sao Mai")
