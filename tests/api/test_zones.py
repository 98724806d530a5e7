"""Industrial zones through the API: readable by all, written by board-wide roles only."""

from __future__ import annotations

import pytest

from tdkt.organizations.models import IndustrialZone

from .helpers import assert_error, names

pytestmark = pytest.mark.django_db

ZONES = "/api/v1/zones/"


def test_every_unit_reads_zones(registry, api_as):
    """A unit head and an enterprise representative both see the zone list."""
    for user in (registry.planning_head, registry.enterprise_rep):
        assert names(api_as(user).get(ZONES, {"search": "thang long"}), "name") == {
            "KCN Thăng Long"
        }


def test_officer_creates_and_renames_zone(registry, api_as):
    """The officer adds a zone, renames it, and the history shows the rename."""
    client = api_as(registry.officer)
    created = client.post(ZONES, {"name": "KCN Quang Minh", "area_ha": "407.00"}, format="json")
    assert created.status_code == 201, created.json()
    url = f"{ZONES}{created.json()['uuid']}/"
    renamed = client.patch(url, {"name": "KCN Quang Minh I"}, format="json")
    assert renamed.json()["name"] == "KCN Quang Minh I"
    history = client.get(f"{url}history/").json()["results"]
    assert history[0]["changes"] == {"name": ["KCN Quang Minh", "KCN Quang Minh I"]}


def test_unit_head_cannot_create_or_change_zones(registry, api_as):
    """A unit head gets 403 adding or renaming a zone, and nothing changes."""
    client = api_as(registry.investment_head)
    assert_error(client.post(ZONES, {"name": "KCN Mới"}, format="json"), 403, "forbidden")
    url = f"{ZONES}{registry.zone.uuid}/"
    assert_error(client.patch(url, {"name": "Khác"}, format="json"), 403, "forbidden")
    assert list(IndustrialZone.objects.values_list("name", flat=True)) == ["KCN Thăng Long"]


def test_negative_area_is_refused(registry, api_as):
    """A zone with a negative area is refused on ``area_ha``."""
    response = api_as(registry.officer).post(
        ZONES, {"name": "KCN Âm", "area_ha": "-1"}, format="json"
    )
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["area_ha"] == ["Diện tích phải lớn hơn 0."]
