"""Industrial zones: add, and edit in place in the list (htmx row) or as a page without JS."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import IndustrialZone
from tdkt.organizations.services import zone_create

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
EDIT = {
    "name": "KCN Thăng Long",
    "kind": "industrial",
    "district": "Đông Anh",
    "area_ha": "274",
    "status": "planned",
}


def _edit_url(zone) -> str:
    return reverse("organizations:zone-update", kwargs={"uuid": zone.uuid})


def _zone(registry) -> IndustrialZone:
    return IndustrialZone.objects.get(pk=registry.zone.pk)


def _events(event_type: str) -> int:
    return AuditEvent.objects.filter(event_type=event_type).count()


def test_officer_sees_edit_links_that_work_with_and_without_javascript(client_for, registry):
    """Each row's "Sửa" is a link to the edit page that htmx turns into an in-place swap."""
    body = client_for("officer").get(reverse("organizations:zone-list")).content.decode()
    url = _edit_url(registry.zone)
    assert f'href="{url}" hx-get="{url}" hx-target="closest tr"' in body
    assert reverse("organizations:zone-create") in body


@pytest.mark.parametrize("user", ["investment_head", "viewer", "enterprise_rep", "council"])
def test_other_roles_see_the_zones_without_edit_links(client_for, registry, user):
    """Unit heads, viewers, enterprise reps and council members only read the list."""
    body = client_for(user).get(reverse("organizations:zone-list")).content.decode()
    assert "KCN Thăng Long" in body
    assert _edit_url(registry.zone) not in body
    assert reverse("organizations:zone-create") not in body


def test_htmx_edit_returns_only_the_edit_row(client_for, registry):
    """An htmx GET answers with one editable <tr>, inputs tied to the row's form, no page."""
    response = client_for("officer").get(_edit_url(registry.zone), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<tr id="zone-{registry.zone.uuid}" class="editing">')
    assert "<html" not in body
    form_id = f"zone-form-{registry.zone.uuid}"
    assert f'<form id="{form_id}"' in body
    assert len(re.findall(rf'form="{form_id}"', body)) == 5  # name, kind, district, area, status
    assert 'value="KCN Thăng Long"' in body
    assert "HX-Request" in response["Vary"]


def test_htmx_save_changes_the_status_and_returns_the_read_only_row(client_for, registry):
    """Saving "Quy hoạch" updates the zone through the service (audited) and sends back the
    row as read-only, with the enterprise count, not a whole page."""
    before = _events(AuditEventType.ZONE_UPDATED)
    response = client_for("officer").post(_edit_url(registry.zone), EDIT, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<input" not in body
    assert f'<tr id="zone-{registry.zone.uuid}" class="saved">' in body
    assert "<td>Quy hoạch</td>" in body
    assert '<td class="num">1</td>' in body  # Sao Mai is in this zone
    assert "Đã lưu" in body
    zone = _zone(registry)
    assert (zone.status, zone.area_ha) == ("planned", Decimal("274.00"))
    event = AuditEvent.objects.filter(event_type=AuditEventType.ZONE_UPDATED).latest("seq")
    assert _events(AuditEventType.ZONE_UPDATED) == before + 1
    assert event.changes["status"] == ["operating", "planned"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("area_ha", "0", "Diện tích phải lớn hơn 0."),
        ("name", "", "Tên khu công nghiệp là bắt buộc."),
        ("name", "kcn nội bài", "Khu công nghiệp này đã có trong hệ thống."),
    ],
)
def test_htmx_validation_error_stays_in_the_edit_row(client_for, registry, field, value, message):
    """A bad value re-renders the edit row with the Vietnamese message; nothing is saved."""
    zone_create(actor=registry.officer, name="KCN Nội Bài", district="Sóc Sơn")
    before = _events(AuditEventType.ZONE_UPDATED)
    response = client_for("officer").post(_edit_url(registry.zone), EDIT | {field: value}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="editing"' in body and "<html" not in body
    assert message in body
    assert message in response.context["form"].errors[field]
    zone = _zone(registry)
    assert (zone.name, zone.status, zone.area_ha) == ("KCN Thăng Long", "operating", None)
    assert _events(AuditEventType.ZONE_UPDATED) == before


def test_cancel_restores_the_read_only_row(client_for, registry):
    """The "Huỷ" URL gives the row as saved; outside htmx it leads back to the list."""
    client = client_for("officer")
    url = reverse("organizations:zone-row", kwargs={"uuid": registry.zone.uuid})
    row = client.get(url, **HTMX)
    body = row.content.decode()
    assert body.lstrip().startswith(f'<tr id="zone-{registry.zone.uuid}">')
    assert "<input" not in body and "Đang hoạt động" in body
    page = client.get(url)
    assert (page.status_code, page["Location"]) == (302, reverse("organizations:zone-list"))


def test_without_htmx_the_edit_is_a_whole_page_that_redirects_to_the_list(client_for, registry):
    """The plain link opens a page with the form; saving returns to the list with a message."""
    client = client_for("officer")
    page = client.get(_edit_url(registry.zone))
    assert "<html" in page.content.decode()
    assert "Sửa khu công nghiệp: KCN Thăng Long" in page.content.decode()
    response = client.post(_edit_url(registry.zone), EDIT, follow=True)
    assert response.redirect_chain == [(reverse("organizations:zone-list"), 302)]
    assert "Đã lưu thay đổi." in response.content.decode()
    assert _zone(registry).status == "planned"
    invalid = client.post(_edit_url(registry.zone), EDIT | {"area_ha": "-3"})
    assert invalid.status_code == 200
    assert "<html" in invalid.content.decode()
    assert invalid.context["form"].errors["area_ha"] == ["Diện tích phải lớn hơn 0."]


@pytest.mark.parametrize(
    ("user", "allowed"),
    [("officer", True), ("investment_head", False), ("viewer", False), ("enterprise_rep", False)],
)
def test_only_board_wide_writers_edit_zones(client_for, registry, user, allowed):
    """The same htmx save: the officer's is applied; a unit head's, a viewer's and an enterprise
    representative's get 403 (recorded as ACCESS_DENIED) and change nothing."""
    client = client_for(user)
    denied_before = _events(AuditEventType.ACCESS_DENIED)
    get = client.get(_edit_url(registry.zone), **HTMX)
    post = client.post(_edit_url(registry.zone), EDIT, **HTMX)
    if allowed:
        assert (get.status_code, post.status_code) == (200, 200)
        assert _zone(registry).status == "planned"
    else:
        assert (get.status_code, post.status_code) == (403, 403)
        assert _zone(registry).status == "operating"
        assert _events(AuditEventType.ZONE_UPDATED) == 0
        assert _events(AuditEventType.ACCESS_DENIED) == denied_before + 2


def test_officer_adds_a_zone(client_for, registry):
    """The add form creates the zone through the service and returns to the list."""
    client = client_for("officer")
    data = {"name": "KCN Sóc Sơn", "kind": "industrial", "district": "Sóc Sơn", "status": "planned"}
    response = client.post(
        reverse("organizations:zone-create"), data | {"area_ha": ""}, follow=True
    )
    assert response.redirect_chain == [(reverse("organizations:zone-list"), 302)]
    assert "Đã thêm KCN Sóc Sơn." in response.content.decode()
    zone = IndustrialZone.objects.get(name="KCN Sóc Sơn")
    assert (zone.status, zone.area_ha) == ("planned", None)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.ZONE_CREATED, object_id=str(zone.uuid)
    ).exists()
    again = client.post(reverse("organizations:zone-create"), data | {"name": "kcn sóc sơn"})
    assert again.status_code == 200
    assert again.context["form"].errors["name"] == ["Khu công nghiệp này đã có trong hệ thống."]
    assert IndustrialZone.objects.filter(name__iexact="KCN Sóc Sơn").count() == 1


@pytest.mark.parametrize("user", ["investment_head", "viewer", "enterprise_rep"])
def test_other_roles_cannot_add_zones(client_for, registry, user):
    """The same add POST from a unit head, viewer or enterprise rep is refused with 403."""
    data = {"name": "KCN Sóc Sơn", "kind": "industrial", "district": "", "status": "planned"}
    client = client_for(user)
    assert client.get(reverse("organizations:zone-create")).status_code == 403
    assert client.post(reverse("organizations:zone-create"), data).status_code == 403
    assert not IndustrialZone.objects.filter(name="KCN Sóc Sơn").exists()


def test_htmx_post_passes_csrf_with_the_token_htmx_sends_from_the_page(registry):
    """With CSRF checks on, the X-CSRFToken header that base.html gives htmx is accepted and a
    POST without any token is refused: the inline edit works only through the page's token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(registry.officer)
    page = client.get(reverse("organizations:zone-list")).content.decode()
    token = re.search(r"hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'", page)
    assert token is not None
    refused = client.post(_edit_url(registry.zone), EDIT, **HTMX)
    assert refused.status_code == 403
    assert _zone(registry).status == "operating"
    saved = client.post(_edit_url(registry.zone), EDIT, HTTP_X_CSRFTOKEN=token.group(1), **HTMX)
    assert saved.status_code == 200
    assert _zone(registry).status == "planned"
