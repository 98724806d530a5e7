"""Internal integer ids never leave the server in history (issue #7).

Audit events record foreign keys by their database id (``parent``, ``zone``, a post's
``organization``); the API history returned them as they were, and the web timeline showed
"#42" for an organisation the viewer may not see. Both now show public ids and names.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.services import (
    employment_add,
    organization_create,
    organization_update,
)

pytestmark = pytest.mark.django_db

REFERENCE_KEYS = {"organization", "parent", "zone", "leader", "deputy"}


def _api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def _references(value: Any, key: str = "") -> list[Any]:
    """Return every value under a reference key, however deep (a post is a nested object)."""
    found = []
    if isinstance(value, dict):
        for name, item in value.items():
            if name in REFERENCE_KEYS:
                found.extend(item if isinstance(item, list) else [item])
            found.extend(_references(item, name))
    elif isinstance(value, list):
        for item in value:
            found.extend(_references(item, key))
    return found


@pytest.fixture
def moved(registry):
    """A branch moved under a new holding enterprise, with its zone changed; Ánh with an old
    post in planning, which the head of investment may not see."""
    holding = organization_create(
        actor=registry.officer,
        name="Tập đoàn Sao Mai",
        kind=OrganizationKind.ENTERPRISE,
        parent=registry.board,
        enterprise={"tax_code": "0107654321", "investment_type": "ddi", "zone": registry.zone},
    )
    organization_update(
        actor=registry.officer,
        organization=registry.enterprise,
        parent=holding,
        enterprise={"zone": None},
    )
    employment_add(
        actor=registry.officer,
        person=registry.anh,
        organization=registry.planning,
        start_date=date(2010, 1, 1),
        end_date=date(2014, 12, 31),
        close_current=False,
    )
    return holding


def test_api_history_names_references_by_public_id(registry, moved):
    """Every reference in the history is {uuid, name}; no integer, and no chain number."""
    client = _api(registry.officer)
    for url in (
        f"/api/v1/organizations/{registry.enterprise.uuid}/history/",
        f"/api/v1/organizations/{moved.uuid}/history/",
        f"/api/v1/people/{registry.anh.uuid}/history/",
    ):
        events = client.get(url).json()["results"]
        assert events
        assert all("seq" not in event for event in events)
        references = [r for e in events for r in _references(e["changes"]) if r is not None]
        assert references
        assert all(isinstance(r, dict) and set(r) == {"uuid", "name"} for r in references)
    events = client.get(f"/api/v1/organizations/{registry.enterprise.uuid}/history/").json()
    parent = events["results"][0]["changes"]["parent"]
    assert parent == [
        {"uuid": str(registry.board.uuid), "name": registry.board.name},
        {"uuid": str(moved.uuid), "name": "Tập đoàn Sao Mai"},
    ]


def test_api_history_hides_what_the_caller_may_not_see_without_an_id(registry, moved):
    """The head of investment reads Ánh's history: the planning post is there, but planning,
    outside their scope, is neither named nor numbered."""
    events = _api(registry.investment_head).get(f"/api/v1/people/{registry.anh.uuid}/history/")
    body = events.content.decode()
    added = events.json()["results"][0]["changes"]["employment"][1]
    assert added["organization"] == {"uuid": None, "name": None}
    assert added["start_date"] == "2010-01-01"
    assert not re.search(rf'"organization":\s*{registry.planning.pk}\b', body)


def test_web_timeline_shows_no_internal_id(registry, moved):
    """The timeline names what the viewer may see and never prints "#<id>"."""
    client = Client()
    client.force_login(registry.investment_head)
    body = client.get(
        reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    ).content.decode()
    assert f"#{registry.planning.pk}" not in body
    assert "ngoài phạm vi" in body
    client.force_login(registry.officer)
    body = client.get(
        reverse("organizations:organization-detail", kwargs={"uuid": registry.enterprise.uuid})
    ).content.decode()
    assert "<ins>Tập đoàn Sao Mai</ins>" in body
    assert "<del>KCN Thăng Long</del>" in body
    assert not re.search(r"#\d+", body)
