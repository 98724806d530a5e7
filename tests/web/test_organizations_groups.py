"""Organisation forms and block/cluster forms call the services and show their errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import Enterprise, GroupLeadership, GroupMembership, Organization
from tdkt.organizations.services import group_create, organization_create

pytestmark = pytest.mark.django_db


def _org_data(registry, **overrides):
    data = {
        "name": "Công ty TNHH Cơ khí Hồng Hà",
        "short_name": "",
        "kind": "enterprise",
        "parent": registry.board.pk,
        "address": "KCN Thăng Long, Đông Anh",
        "tax_code": "0109876543",
        "investment_type": "ddi",
        "investor_country": "",
        "zone": registry.zone.pk,
        "registered_capital": "5000000000",
        "capital_currency": "VND",
    }
    return data | overrides


def test_officer_creates_enterprise_with_profile(client_for, registry):
    """The form creates the enterprise under the Board with its tax code and zone."""
    response = client_for("officer").post(
        reverse("organizations:organization-create"), _org_data(registry)
    )
    org = Organization.objects.get(name="Công ty TNHH Cơ khí Hồng Hà")
    assert response.status_code == 302
    assert org.parent == registry.board
    assert Enterprise.objects.get(organization=org).zone == registry.zone
    detail = client_for("officer").get(response["Location"]).content.decode()
    assert "<ins>KCN Thăng Long</ins>" in detail  # the zone by name in the history, not its id
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.ORGANIZATION_CREATED, object_id=str(org.uuid)
    ).exists()


def test_bad_tax_code_is_shown_inline_and_nothing_is_created(client_for, registry):
    """A 9-digit tax code re-shows the form with the service's message; no organisation."""
    response = client_for("officer").post(
        reverse("organizations:organization-create"), _org_data(registry, tax_code="010987654")
    )
    assert response.status_code == 200
    assert any(
        "Mã số thuế phải gồm 10 chữ số" in m for m in response.context["form"].errors["tax_code"]
    )
    assert not Organization.objects.filter(name="Công ty TNHH Cơ khí Hồng Hà").exists()


def test_unit_head_cannot_create_outside_their_unit(client_for, registry):
    """The planning head adding a unit under the investment department gets 403."""
    data = _org_data(registry, kind="department", parent=registry.investment.pk, tax_code="")
    response = client_for("planning_head").post(reverse("organizations:organization-create"), data)
    # The investment department is not offered to the planning head, so the form refuses it.
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Organization.objects.filter(name=data["name"]).exists()


def test_unit_head_renames_a_unit_below_their_own(client_for, registry):
    """The planning head renames a team of their department; the history shows before and
    after. (Their own department's name is the Board's: decision 0037.)"""
    team = organization_create(
        actor=registry.officer,
        name="Tổ Quy hoạch",
        kind="department",
        parent=registry.planning,
    )
    url = reverse("organizations:organization-update", kwargs={"uuid": team.uuid})
    response = client_for("planning_head").post(
        url,
        {
            "name": "Tổ Quy hoạch chung",
            "parent": registry.planning.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=team.pk).name == "Tổ Quy hoạch chung"
    detail = client_for("planning_head").get(
        reverse("organizations:organization-detail", kwargs={"uuid": team.uuid})
    )
    body = detail.content.decode()
    assert "Tổ Quy hoạch chung" in body and "Tổ Quy hoạch</del>" in body
    assert "Sửa tổ chức" in body


@pytest.fixture
def block(registry):
    return group_create(actor=registry.officer, name="Khối các phòng chuyên môn", kind="block")


def test_officer_sets_members_then_leadership(client_for, registry, block):
    """Members for 2026 are saved, then a member is elected leader; the page shows both."""
    client = client_for("officer")
    members_url = reverse("organizations:group-members", kwargs={"uuid": block.uuid})
    response = client.post(
        members_url, {"year": 2026, "members": [registry.investment.pk, registry.planning.pk]}
    )
    assert response.status_code == 302
    assert GroupMembership.objects.filter(group=block, year=2026).count() == 2
    leadership_url = reverse("organizations:group-leadership", kwargs={"uuid": block.uuid})
    response = client.post(
        leadership_url,
        {"year": 2026, "leader": registry.investment.pk, "deputy": registry.planning.pk},
    )
    assert response.status_code == 302
    lead = GroupLeadership.objects.get(group=block, year=2026)
    assert (lead.leader, lead.deputy) == (registry.investment, registry.planning)
    body = client.get(
        reverse("organizations:group-detail", kwargs={"uuid": block.uuid})
    ).content.decode()
    assert "Năm 2026" in body
    assert "Phòng Quản lý Đầu tư" in body


def test_leader_must_be_a_member_of_that_year(client_for, registry, block):
    """Electing a leader who is a member only in another year shows the service's message."""
    client = client_for("officer")
    client.post(
        reverse("organizations:group-members", kwargs={"uuid": block.uuid}),
        {"year": 2025, "members": [registry.centre.pk]},
    )
    response = client.post(
        reverse("organizations:group-leadership", kwargs={"uuid": block.uuid}),
        {"year": 2026, "leader": registry.centre.pk},
    )
    assert response.status_code == 200
    assert (
        "Khối trưởng phải là thành viên của khối trong năm 2026."
        in response.context["form"].errors["leader"]
    )
    assert not GroupLeadership.objects.filter(group=block).exists()
