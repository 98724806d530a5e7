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
