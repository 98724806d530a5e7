"""Out-of-scope access is refused with a Vietnamese 403, changes nothing and is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import Person

pytestmark = pytest.mark.django_db

EDIT = {
    "full_name": "Nguyễn Văn Ánh Sửa",
    "gender": "male",
    "date_of_birth": "1985-05-17",
    "citizen_id": "001085012345",
    "nationality": "VN",
    "category": "civil_servant",
    "email": "",
    "phone": "0912345678",
}


def _denied_count() -> int:
    return AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).count()


@pytest.mark.parametrize(("user", "status"), [("investment_head", 200), ("planning_head", 403)])
def test_person_detail_is_limited_to_the_unit_head_s_own_unit(client_for, registry, user, status):
    """The investment head opens Ánh's page; the planning head gets a Vietnamese 403."""
    url = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    response = client_for(user).get(url)
    assert response.status_code == status
    if status == 403:
        assert "Bạn không có quyền xem cá nhân này" in response.content.decode()


@pytest.mark.parametrize(("user", "allowed"), [("investment_head", True), ("planning_head", False)])
def test_person_edit_post_is_refused_outside_scope_and_changes_nothing(
    client_for, registry, user, allowed
):
    """Same POST: the investment head saves it; the planning head gets 403 and no change."""
    url = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    events_before = AuditEvent.objects.filter(event_type=AuditEventType.PERSON_UPDATED).count()
    response = client_for(user).post(url, EDIT)
    anh = Person.objects.get(pk=registry.anh.pk)
    events_after = AuditEvent.objects.filter(event_type=AuditEventType.PERSON_UPDATED).count()
    if allowed:
        assert response.status_code == 302
        assert anh.full_name == "Nguyễn Văn Ánh Sửa"
        assert anh.phone == "0912345678"
        assert events_after == events_before + 1
    else:
        assert response.status_code == 403
        assert anh.full_name == "Nguyễn Văn Ánh"
        assert anh.phone == ""
        assert events_after == events_before


def test_every_403_leaves_an_access_denied_event(client_for, registry):
    """Each refused page view and POST adds one ACCESS_DENIED event naming the path."""
    client = client_for("planning_head")
    before = _denied_count()
    detail = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    edit = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    org = reverse("organizations:organization-detail", kwargs={"uuid": registry.investment.uuid})
    assert client.get(detail).status_code == 403
    assert client.post(edit, EDIT).status_code == 403
    assert client.get(org).status_code == 403
    events = list(
        AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).order_by("seq")
    )[before:]
    assert len(events) == 3
    assert events[0].actor_id == registry.planning_head.pk
    assert events[1].object_repr == f"POST {edit}"


def test_read_only_role_cannot_open_edit_form(client_for, registry):
    """A council member (read-only) gets 403 from the edit POST and the person is unchanged."""
    url = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    response = client_for("council").post(url, EDIT)
    assert response.status_code == 403
    assert Person.objects.get(pk=registry.anh.pk).full_name == "Nguyễn Văn Ánh"


def test_group_forms_are_for_board_wide_writers_only(client_for, registry):
    """A unit head cannot open a group's members form even for a group they can see."""
    from tdkt.organizations.services import group_create, group_members_set

    group = group_create(actor=registry.officer, name="Khối các phòng", kind="block")
    group_members_set(actor=registry.officer, group=group, year=2026, members=[registry.planning])
    url = reverse("organizations:group-members", kwargs={"uuid": group.uuid})
    assert client_for("planning_head").get(url).status_code == 403
    assert client_for("officer").get(url).status_code == 200
