"""Organisations through the API: scoped lists, enterprise profiles, validation, history."""

from __future__ import annotations

import pytest

from tdkt.organizations.models import Enterprise, Organization

from .helpers import assert_error, assert_hidden, names, results

pytestmark = pytest.mark.django_db

ORGS = "/api/v1/organizations/"


def detail(org: Organization) -> str:
    return f"{ORGS}{org.uuid}/"


def _enterprise_payload(registry, **profile):
    return {
        "name": "Công ty TNHH Cơ khí Bắc Thăng Long",
        "kind": "enterprise",
        "parent": str(registry.board.uuid),
        "enterprise": {
            "tax_code": "0107654321",
            "investment_type": "ddi",
            "zone": str(registry.zone.uuid),
            "registered_capital": "50000000000",
            **profile,
        },
    }


def test_officer_lists_the_whole_tree(registry, api_as):
    """The officer sees the Board, its units and the enterprise with its profile."""
    items = results(api_as(registry.officer).get(ORGS))
    assert items[0]["name"] == registry.board.name
    enterprise = next(item for item in items if item["kind"] == "enterprise")
    assert enterprise["enterprise"]["tax_code"] == "0101234567"
    assert enterprise["enterprise"]["zone"]["name"] == "KCN Thăng Long"
    assert enterprise["parent"]["uuid"] == str(registry.board.uuid)


def test_search_and_kind_filters(registry, api_as):
    """Accent-free search and the kind filter narrow the list."""
    client = api_as(registry.officer)
    assert names(client.get(ORGS, {"search": "quy hoach"}), "name") == {
        "Phòng Quy hoạch và Xây dựng"
    }
    assert names(client.get(ORGS, {"kind": "department"}), "name") == {
        "Phòng Quản lý Đầu tư",
        "Phòng Quy hoạch và Xây dựng",
    }


def test_unknown_kind_filter_is_a_field_error(registry, api_as):
    """An unknown kind is refused with a message on the ``kind`` field."""
    body = assert_error(api_as(registry.officer).get(ORGS, {"kind": "nope"}), 400, "invalid")
    assert "kind" in body["fields"]


def test_unit_head_sees_only_their_subtree(registry, api_as):
    """The head of planning lists only planning; investment answers 404 like an unknown id."""
    client = api_as(registry.planning_head)
    assert names(client.get(ORGS), "name") == {"Phòng Quy hoạch và Xây dựng"}
    assert_hidden(client, detail(registry.investment), registry.investment.uuid)


def test_officer_creates_enterprise_with_profile(registry, api_as):
    """An enterprise created with its profile comes back with the zone and tax code."""
    response = api_as(registry.officer).post(ORGS, _enterprise_payload(registry), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["enterprise"]["zone"]["uuid"] == str(registry.zone.uuid)
    assert body["depth"] == 1
    assert Enterprise.objects.filter(tax_code="0107654321").exists()


def test_bad_tax_code_is_rejected_with_vietnamese_field_message(registry, api_as):
    """A 9-digit tax code is refused with the Vietnamese rule on ``tax_code``; nothing saved."""
    payload = _enterprise_payload(registry, tax_code="010765432")
    response = api_as(registry.officer).post(ORGS, payload, format="json")
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["tax_code"] == [
        "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số (chi nhánh)."
    ]
    assert not Organization.objects.filter(name__contains="Bắc Thăng Long").exists()


def test_unknown_zone_reference_is_a_field_error(registry, api_as):
    """A zone UUID that does not exist is reported on ``enterprise.zone``."""
    payload = _enterprise_payload(registry, zone="00000000-0000-4000-8000-000000000000")
    body = assert_error(api_as(registry.officer).post(ORGS, payload, format="json"), 400, "invalid")
    assert body["fields"]["enterprise.zone"] == ["Không tìm thấy khu công nghiệp."]


def test_officer_updates_an_enterprise_profile(registry, api_as):
    """The officer changes the registered capital; the history shows old and new."""
    client = api_as(registry.officer)
    response = client.patch(
        detail(registry.enterprise),
        {"address": "Lô 12, KCN Thăng Long", "enterprise": {"registered_capital": "15000000"}},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["enterprise"]["registered_capital"] == "15000000.00"
    assert response.json()["enterprise"]["tax_code"] == "0101234567"
    events = results(client.get(f"{detail(registry.enterprise)}history/"))
    assert events[0]["event_type"] == "organization.updated"
    assert events[0]["changes"]["registered_capital"] == ["12000000.00", "15000000.00"]
    assert events[0]["changes"]["address"] == ["", "Lô 12, KCN Thăng Long"]


def test_enterprise_representative_updates_own_address(registry, api_as):
    """The representative keeps the enterprise's address current (decision 0037)."""
    response = api_as(registry.enterprise_rep).patch(
        detail(registry.enterprise), {"address": "Lô 12, KCN Thăng Long"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["address"] == "Lô 12, KCN Thăng Long"


def test_other_unit_cannot_change_the_enterprise(registry, api_as):
    """The head of planning cannot change the enterprise they cannot see: 404, and the profile
    is unchanged."""
    response = api_as(registry.planning_head).patch(
        detail(registry.enterprise),
        {"enterprise": {"registered_capital": "1"}},
        format="json",
    )
    assert_error(response, 404, "not_found")
    assert Enterprise.objects.get(pk=registry.enterprise.pk).registered_capital == 12000000


def test_viewer_cannot_rename_their_unit(registry, api_as):
    """The viewer of investment reads the unit but renaming it is refused and not saved."""
    client = api_as(registry.viewer)
    assert client.get(detail(registry.investment)).status_code == 200
    response = client.patch(detail(registry.investment), {"name": "Đổi tên"}, format="json")
    assert_error(response, 403, "forbidden")
    registry.investment.refresh_from_db()
    assert registry.investment.name == "Phòng Quản lý Đầu tư"


def test_unit_head_cannot_move_unit_into_own_subtree(registry, api_as):
    """Moving the Board under its own department is refused on ``parent``."""
    response = api_as(registry.officer).patch(
        detail(registry.board), {"parent": str(registry.investment.uuid)}, format="json"
    )
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["parent"] == ["Đơn vị cấp trên không hợp lệ."]


def test_organization_list_query_count_is_bounded(registry, api_as, django_assert_max_num_queries):
    """Listing organisations with enterprise profiles costs a fixed number of queries."""
    client = api_as(registry.officer)
    for index in range(10):
        payload = _enterprise_payload(registry, tax_code=f"01076543{index:02d}")
        payload["name"] = f"Công ty {index}"
        assert client.post(ORGS, payload, format="json").status_code == 201
    with django_assert_max_num_queries(4):
        assert len(results(client.get(ORGS))) >= 15
