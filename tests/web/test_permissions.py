"""Refusals on the registry pages: out of scope is 404 like a missing object, a read-only user
gets 403 before their input is even read, nothing changes and every refusal is audited."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import Person

pytestmark = pytest.mark.django_db

MISSING = "00000000-0000-4000-8000-000000000000"
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


def _page(content: bytes, uuid: object) -> str:
    """Return the page without its per-response CSRF tokens (64 random characters), with the
    requested id (echoed in the language switch's return address) replaced by ``MISSING``."""
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", content.decode()).replace(str(uuid), MISSING)


def _denied() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).order_by("seq"))


def _person_updates() -> int:
    return AuditEvent.objects.filter(event_type=AuditEventType.PERSON_UPDATED).count()


@pytest.mark.parametrize(("user", "status"), [("investment_head", 200), ("planning_head", 404)])
def test_person_detail_is_limited_to_the_unit_head_s_own_unit(client_for, registry, user, status):
    """The investment head opens Ánh's page; for the planning head it does not exist."""
    url = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    response = client_for(user).get(url)
    assert response.status_code == status
    body = response.content.decode()
    if status == 200:
        assert "Nguyễn Văn Ánh" in body
    else:
        assert "Không tìm thấy cá nhân" in body
        assert "Nguyễn Văn Ánh" not in body


def test_out_of_scope_page_is_the_same_as_a_missing_one(client_for, registry):
    """The planning head gets byte-for-byte the page an unknown id gives, for a person and an
    organisation they may not see: nothing tells them the object exists."""
    client = client_for("planning_head")
    for name, obj in [
        ("person-detail", registry.anh),
        ("organization-detail", registry.investment),
    ]:
        hidden = client.get(reverse(f"organizations:{name}", kwargs={"uuid": obj.uuid}))
        missing = client.get(reverse(f"organizations:{name}", kwargs={"uuid": MISSING}))
        assert hidden.status_code == missing.status_code == 404
        assert _page(hidden.content, obj.uuid) == _page(missing.content, MISSING)


@pytest.mark.parametrize(("user", "allowed"), [("investment_head", True), ("planning_head", False)])
def test_person_edit_post_is_refused_outside_scope_and_changes_nothing(
    client_for, registry, user, allowed
):
    """Same POST: the investment head saves it; for the planning head Ánh does not exist (404)
    and nothing changes."""
    url = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    events_before = _person_updates()
    response = client_for(user).post(url, EDIT)
    anh = Person.objects.get(pk=registry.anh.pk)
    if allowed:
        assert response.status_code == 302
        assert anh.full_name == "Nguyễn Văn Ánh Sửa"
        assert anh.phone == "0912345678"
        assert _person_updates() == events_before + 1
    else:
        assert response.status_code == 404
        assert anh.full_name == "Nguyễn Văn Ánh"
        assert anh.phone == ""
        assert _person_updates() == events_before


def test_every_refusal_leaves_an_access_denied_event(client_for, registry):
    """Each refused page view and POST adds one ACCESS_DENIED event naming the path: the
    out-of-scope ones (answered 404) as well as the forbidden write (403)."""
    before = len(_denied())
    detail = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    edit = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    org = reverse("organizations:organization-detail", kwargs={"uuid": registry.investment.uuid})
    planning_head = client_for("planning_head")
    assert planning_head.get(detail).status_code == 404
    assert planning_head.post(edit, EDIT).status_code == 404
    assert planning_head.get(org).status_code == 404
    assert client_for("viewer").post(edit, EDIT).status_code == 403
    events = _denied()[before:]
    assert [e.object_repr for e in events] == [
        f"GET {detail}",
        f"POST {edit}",
        f"GET {org}",
        f"POST {edit}",
    ]
    assert [e.actor for e in events] == [registry.planning_head] * 3 + [registry.viewer]


def test_unknown_id_is_not_recorded_as_a_refusal(client_for, registry):
    """A mistyped address is a plain 404: no access-denied event."""
    before = len(_denied())
    url = reverse("organizations:person-detail", kwargs={"uuid": MISSING})
    assert client_for("planning_head").get(url).status_code == 404
    assert len(_denied()) == before


@pytest.mark.parametrize("user", ["council", "viewer", "leader"])
def test_read_only_role_cannot_open_or_post_the_edit_form(client_for, registry, user):
    """A read-only user who may see Ánh gets 403 for the edit form and for its POST, even a
    POST with invalid input (the refusal comes before validation); Ánh is unchanged."""
    url = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    client = client_for(user)
    assert client.get(url).status_code == 403
    response = client.post(url, {**EDIT, "citizen_id": "123", "category": "nonsense"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Bạn không có quyền thay đổi cá nhân này" in body
    assert "CCCD" not in body  # no validation message: the input was never read
    assert Person.objects.get(pk=registry.anh.pk).full_name == "Nguyễn Văn Ánh"


def test_group_forms_are_for_board_wide_writers_only(client_for, registry):
    """A unit head cannot open a group's members form even for a group they can see."""
    from tdkt.organizations.services import group_create, group_members_set

    group = group_create(actor=registry.officer, name="Khối các phòng", kind="block")
    group_members_set(actor=registry.officer, group=group, year=2026, members=[registry.planning])
    url = reverse("organizations:group-members", kwargs={"uuid": group.uuid})
    assert client_for("planning_head").get(url).status_code == 403
    assert client_for("officer").get(url).status_code == 200
