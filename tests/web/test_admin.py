"""The Django admin edits reference data through the services, so edits are audited."""

from __future__ import annotations

import pytest
from django.test import Client

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import IndustrialZone, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(registry) -> Client:
    client = Client()
    client.force_login(registry.admin)
    return client


def test_admin_adds_zone_through_the_service(admin_client_):
    """Adding a zone in the admin stores a folded search key and a ZONE_CREATED event."""
    response = admin_client_.post(
        "/admin/organizations/industrialzone/add/",
        {
            "name": "KCN  Quang Minh",
            "kind": "industrial",
            "district": "Mê Linh",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    zone = IndustrialZone.objects.get(name="KCN Quang Minh")  # spaces normalised by the service
    assert zone.search_key == "kcn quang minh"
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.ZONE_CREATED, object_id=str(zone.uuid)
    ).exists()


def test_admin_edits_zone_through_the_service(admin_client_, registry):
    """Changing a zone's status in the admin is recorded with before and after."""
    url = f"/admin/organizations/industrialzone/{registry.zone.pk}/change/"
    response = admin_client_.post(
        url,
        {
            "name": "KCN Thăng Long",
            "kind": "industrial",
            "district": "Đông Anh",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(event_type=AuditEventType.ZONE_UPDATED).get()
    assert event.changes["status"] == ["operating", "planned"]


def test_admin_cannot_delete_or_edit_registry_people(admin_client_, registry):
    """People are listed (searchable without accents) but cannot be changed or deleted."""
    listing = admin_client_.get("/admin/organizations/person/", {"q": "nguyen van anh"})
    assert listing.status_code == 200
    assert "Nguyễn Văn Ánh" in listing.content.decode()
    delete = admin_client_.post(
        f"/admin/organizations/person/{registry.anh.pk}/delete/", {"post": "yes"}
    )
    assert delete.status_code == 403
    assert Person.objects.filter(pk=registry.anh.pk).exists()
    zone_delete = admin_client_.get(
        f"/admin/organizations/industrialzone/{registry.zone.pk}/delete/"
    )
    assert zone_delete.status_code == 403


def test_admin_user_edits_and_password_changes_are_audited(registry):
    """Changing a user's role and password in the admin leaves audit events naming the admin."""
    from django.test import Client

    from tdkt.audit.constants import AuditEventType
    from tdkt.audit.models import AuditEvent

    client = Client()
    client.force_login(registry.admin)
    viewer = registry.viewer
    url = f"/admin/accounts/user/{viewer.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        {
            "role": "unit_head",
            "organization": registry.investment.pk,
            "date_joined_0": viewer.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": viewer.date_joined.strftime("%H:%M:%S"),
            "groups": [],
            "user_permissions": [],
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.filter(event_type=AuditEventType.USER_UPDATED).latest("seq")
    assert event.actor == registry.admin
    assert event.changes["role"] == ["viewer", "unit_head"]
    response = client.post(
        f"/admin/accounts/user/{viewer.pk}/password/",
        {"password1": "Mat-khau#2027x", "password2": "Mat-khau#2027x"},
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.USER_PASSWORD_CHANGED, object_id=str(viewer.pk)
    ).exists()
    assert client.get(f"/admin/accounts/user/{viewer.pk}/delete/").status_code == 403


def test_admin_offers_no_unaudited_token_or_group_pages(registry):
    """Tokens and permission groups cannot be edited in the admin (they would skip the audit)."""
    from django.test import Client

    client = Client()
    client.force_login(registry.admin)
    assert client.get("/admin/authtoken/tokenproxy/").status_code == 404
    assert client.get("/admin/auth/group/").status_code == 404
    assert client.get("/admin/organizations/industrialzone/").status_code == 200
