"""Two people editing the same record never silently overwrite each other (issue #7, ADR 0038).

Each edit carries the version of the record it was drawn from (a fingerprint of its fields):
the web forms in a hidden field, the API in ``If-Match`` (the ``ETag`` of the GET). A save
drawn from an older version is refused with what changed, and the user's input is kept.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tdkt.audit.models import AuditEvent
from tdkt.core.errors import StaleVersionError
from tdkt.organizations.models import Employment, EmulationGroup, Enterprise, IndustrialZone
from tdkt.organizations.services import (
    employment_add,
    employment_update,
    group_create,
    group_update,
    organization_update,
    person_update,
    zone_update,
)
from tdkt.organizations.versions import history_version, version_of

pytestmark = pytest.mark.django_db


def _web(user):
    client = Client()
    client.force_login(user)
    return client


def _api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client


# --- the services refuse a stale version, for every kind of record ------------------------------


def _cases(registry):
    group = group_create(actor=registry.officer, name="Khối các phòng", kind="block")
    post = registry.anh.employments.get()
    return [
        (
            registry.anh,
            lambda v: person_update(
                actor=registry.admin, person=registry.anh, phone="0911 111 111", expected_version=v
            ),
            lambda: person_update(
                actor=registry.officer, person=registry.anh, phone="0922 222 222"
            ),
        ),
        (
            registry.enterprise,
            lambda v: organization_update(
                actor=registry.admin,
                organization=registry.enterprise,
                address="Lô 1",
                expected_version=v,
            ),
            # The enterprise profile is part of the organisation's version.
            lambda: organization_update(
                actor=registry.officer,
                organization=registry.enterprise,
                enterprise={"registered_capital": "13000000"},
            ),
        ),
        (
            registry.zone,
            lambda v: zone_update(
                actor=registry.admin, zone=registry.zone, district="Mê Linh", expected_version=v
            ),
            lambda: zone_update(actor=registry.officer, zone=registry.zone, status="planned"),
        ),
        (
            group,
            lambda v: group_update(
                actor=registry.admin, group=group, organizer="Bộ Tài chính", expected_version=v
            ),
            lambda: group_update(actor=registry.officer, group=group, description="Mới"),
        ),
        (
            post,
            lambda v: employment_update(
                actor=registry.admin, employment=post, position="Trưởng phòng", expected_version=v
            ),
            lambda: employment_update(actor=registry.officer, employment=post, position="Phó"),
        ),
    ]


def test_each_update_service_refuses_a_stale_version_and_accepts_the_current_one(registry):
    """Drawn from version v, someone else saves, then the save from v is refused (412) with
    nothing written; drawn again from the current version it goes through."""
    for obj, save, other in _cases(registry):
        seen = version_of(obj)
        other()
        events = AuditEvent.objects.count()
        state = version_of(type(obj).objects.get(pk=obj.pk))
        with pytest.raises(StaleVersionError) as exc:
            save(seen)
        assert exc.value.status == 412
        assert "officer" in exc.value.message  # who changed it first
        assert AuditEvent.objects.count() == events
        assert version_of(type(obj).objects.get(pk=obj.pk)) == state
        save(state)
        assert AuditEvent.objects.count() == events + 1


def test_a_transfer_drawn_from_an_older_history_is_refused(registry):
    """Two officers move Ánh at once: the second, drawn from the history before the first
    move, is refused instead of closing the post the first one opened."""
    seen = history_version(registry.anh)
    employment_add(
        actor=registry.officer,
        person=registry.anh,
        organization=registry.planning,
        start_date=date(2025, 1, 1),
    )
    with pytest.raises(StaleVersionError):
        employment_add(
            actor=registry.admin,
            person=registry.anh,
            organization=registry.centre,
            start_date=date(2025, 6, 1),
            expected_version=seen,
        )
    assert (
        Employment.objects.filter(person=registry.anh, end_date__isnull=True).get().organization
        == registry.planning
    )


# --- the web forms ------------------------------------------------------------------------------


def test_person_form_refuses_a_stale_save_keeps_the_input_and_says_what_changed(registry):
    """The admin and the officer open Ánh's form; the officer changes the phone; the admin's
    save of a new e-mail is refused, with the new phone shown and taken into the form, and
    the admin's e-mail kept. Saving again keeps both changes."""
    url = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    admin, officer = _web(registry.admin), _web(registry.officer)
    admin_form = admin.get(url).context["form"]
    officer_form = officer.get(url).context["form"]

    def data(form, **changes):
        values = {name: form[name].value() for name in form.fields}
        return {k: ("" if v is None else v) for k, v in values.items()} | changes

    assert officer.post(url, data(officer_form, phone="0987654321")).status_code == 302
    response = admin.post(url, data(admin_form, email="anh.nv@bql.hanoi.gov.vn"))
    assert response.status_code == 200
    form = response.context["form"]
    body = response.content.decode()
    assert "vừa được" in body and "officer" in body
    assert "0987654321" in str(form.errors["phone"])
    assert form["email"].value() == "anh.nv@bql.hanoi.gov.vn"  # the admin's input is kept
    assert form["phone"].value() == "0987654321"  # the other change is taken in
    registry.anh.refresh_from_db()
    assert (registry.anh.phone, registry.anh.email) == ("0987654321", "")

    again = admin.post(url, data(form))
    assert again.status_code == 302
    registry.anh.refresh_from_db()
    assert (registry.anh.phone, registry.anh.email) == ("0987654321", "anh.nv@bql.hanoi.gov.vn")


def test_both_changed_the_same_field_the_user_decides(registry):
    """When both changed the phone, the form keeps the admin's value and names the other."""
    url = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    admin = _web(registry.admin)
    form = admin.get(url).context["form"]
    person_update(actor=registry.officer, person=registry.anh, phone="0911111111")
    values = {name: form[name].value() or "" for name in form.fields} | {"phone": "0922222222"}
    response = admin.post(url, values)
    assert response.status_code == 200
    assert response.context["form"]["phone"].value() == "0922222222"
    assert "0911111111" in str(response.context["form"].errors["phone"])
    registry.anh.refresh_from_db()
    assert registry.anh.phone == "0911111111"


@pytest.mark.parametrize(
    ("url_name", "obj", "change", "field"),
    [
        ("organization-update", "enterprise", "address", "address"),
        ("zone-update", "zone", "district", "district"),
    ],
)
def test_organisation_and_zone_forms_refuse_a_stale_save(registry, url_name, obj, change, field):
    """The same protection on the organisation and zone forms."""
    target = getattr(registry, obj)
    url = reverse(f"organizations:{url_name}", kwargs={"uuid": target.uuid})
    admin = _web(registry.admin)
    form = admin.get(url).context["form"]
    if obj == "enterprise":
        organization_update(actor=registry.officer, organization=target, address="Lô 9")
    else:
        zone_update(actor=registry.officer, zone=target, district="Sóc Sơn")
    values = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                values[name] = "on"
        else:
            values[name] = "" if value is None else value
    values[change] = "Giá trị của admin"
    response = admin.post(url, values)
    assert response.status_code == 200
    assert "vừa được" in response.content.decode()
    assert field in response.context["form"].errors
    target.refresh_from_db()
    assert getattr(target, change) != "Giá trị của admin"


def test_group_form_refuses_a_stale_save(registry):
    """And on the block/cluster form."""
    group = group_create(actor=registry.officer, name="Khối các phòng", kind="block")
    url = reverse("organizations:group-update", kwargs={"uuid": group.uuid})
    admin = _web(registry.admin)
    form = admin.get(url).context["form"]
    group_update(actor=registry.officer, group=group, organizer="Bộ Kế hoạch")
    values = {name: form[name].value() or "" for name in form.fields} | {"description": "A"}
    response = admin.post(url, values)
    assert response.status_code == 200
    assert "organizer" in response.context["form"].errors
    assert EmulationGroup.objects.get(pk=group.pk).description == ""


# --- the API -------------------------------------------------------------------------------------


def test_api_get_gives_an_etag_and_patch_honours_if_match(registry):
    """GET answers an ETag; a PATCH with an older one is 412 in the error shape and writes
    nothing; with the current one (or none) it goes through and answers the new ETag."""
    client = _api(registry.admin)
    url = f"/api/v1/people/{registry.anh.uuid}/"
    etag = client.get(url)["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    person_update(actor=registry.officer, person=registry.anh, phone="0987654321")
    stale = client.patch(url, {"email": "a@b.vn"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.json()["code"] == "precondition_failed"
    assert set(stale.json()) == {"code", "message", "fields"}
    registry.anh.refresh_from_db()
    assert registry.anh.email == ""
    fresh = client.get(url)["ETag"]
    saved = client.patch(url, {"email": "a@b.vn"}, format="json", HTTP_IF_MATCH=fresh)
    assert saved.status_code == 200
    assert saved["ETag"] != fresh


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("organizations/{enterprise}/", {"address": "Lô 2"}),
        ("zones/{zone}/", {"district": "Mê Linh"}),
    ],
)
def test_api_if_match_on_organisations_and_zones(registry, path, body):
    """The same on organisations (with their enterprise profile) and zones."""
    url = "/api/v1/" + path.format(enterprise=registry.enterprise.uuid, zone=registry.zone.uuid)
    client = _api(registry.admin)
    etag = client.get(url)["ETag"]
    organization_update(
        actor=registry.officer,
        organization=registry.enterprise,
        enterprise={"registered_capital": "13000000"},
    )
    zone_update(actor=registry.officer, zone=registry.zone, status="planned")
    assert client.patch(url, body, format="json", HTTP_IF_MATCH=etag).status_code == 412
    assert Enterprise.objects.get(pk=registry.enterprise.pk).organization.address == ""
    assert IndustrialZone.objects.get(pk=registry.zone.pk).district == "Đông Anh"
