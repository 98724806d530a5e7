"""Every kind of user against every registry resource of the API, signed in with a real API
token (the table of ``tests/scope_matrix.py``)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tdkt.accounts.constants import Role
from tdkt.accounts.services import api_token_create, user_deactivate
from tests.builders import make_user
from tests.scope_matrix import (
    GROUPS,
    NOBODY,
    ORGANIZATIONS,
    PEOPLE,
    READS,
    REFERENCE_WRITERS,
    SEES_ZONES,
    USERS,
    WRITES,
    World,
)

from .helpers import MISSING, assert_error

pytestmark = pytest.mark.django_db

RESOURCES = {
    "organizations": ("/api/v1/organizations/", ORGANIZATIONS, "name"),
    "people": ("/api/v1/people/", PEOPLE, "full_name"),
    "groups": ("/api/v1/groups/", GROUPS, "name"),
}
# A valid change and an invalid one per resource: a refusal must not depend on the body.
CHANGES = {
    "organizations": ({"address": "Số 1 Nguyễn Trãi"}, {"name": ""}),
    "people": ({"phone": "0912000111"}, {"citizen_id": "123"}),
    "groups": ({"description": "Đã sửa"}, {"kind": "không có"}),
    "zones": ({"district": "Mê Linh"}, {"area_ha": "-1"}),
}


def _client(world: World, user: str) -> APIClient:
    client = APIClient()
    if user != "anonymous":
        account = world.actor(user)
        _, key = api_token_create(actor=None, user=account, name="scope matrix")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item.get("full_name") or item["name"] for item in response.json()["results"]}


def _label(world: World, name: str) -> str:
    obj = world.obj(name)
    return getattr(obj, "full_name", None) or obj.name


@pytest.mark.parametrize("user", NOBODY[1:])
def test_no_token_or_a_deactivated_account_s_token_is_refused(world, user):
    """Without a token, or with the token of an account deactivated since, every resource
    answers 401 in the API's error shape."""
    if user == "inactive":
        account = make_user("soon_inactive", Role.EMULATION_OFFICER)
        client = APIClient()
        _, key = api_token_create(actor=None, user=account, name="scope matrix")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        user_deactivate(actor=world.registry.admin, user=account)
    else:
        client = _client(world, user)
    for url, _, _ in RESOURCES.values():
        assert client.get(url).status_code == 401
    response = client.get(f"/api/v1/people/{world.registry.anh.uuid}/")
    assert response.status_code == 401
    assert set(response.json()) == {"code", "message", "fields"}


@pytest.mark.parametrize("user", [user for user in USERS if user not in NOBODY[1:]])
def test_lists_and_lookups_follow_the_scope(world, user):
    """Each list holds exactly the user's scope; each object outside it answers exactly like
    an unknown UUID (404, same body)."""
    client = _client(world, user)
    for kind, (url, names, _) in RESOURCES.items():
        expected = {_label(world, name) for name in READS[user][kind]}
        assert _names(client.get(url)) == expected, kind
        missing = client.get(f"{url}{MISSING}/")
        for name in names:
            response = client.get(f"{url}{world.obj(name).uuid}/")
            if name in READS[user][kind]:
                assert response.status_code == 200, (kind, name)
            else:
                assert_error(response, 404, "not_found")
                assert response.json() == missing.json()
    zones = client.get("/api/v1/zones/")
    assert _names(zones) == ({"KCN Thăng Long"} if user in SEES_ZONES else set())


@pytest.mark.parametrize("user", [user for user in USERS if user not in NOBODY[1:]])
def test_changes_follow_the_write_scope_and_refusals_ignore_the_body(world, user):
    """PATCH saves for who may change the object; who may only read it gets 403 and who may
    not see it 404, for a valid and an invalid body alike (refusal before validation)."""
    client = _client(world, user)
    targets = [
        (kind, url, name, world.obj(name))
        for kind, (url, names, _) in RESOURCES.items()
        for name in names
    ]
    targets.append(("zones", "/api/v1/zones/", "zone", world.registry.zone))
    for kind, url, name, obj in targets:
        if kind in ("groups", "zones"):
            writable = user in REFERENCE_WRITERS
            readable = name in READS[user].get(kind, set()) or (
                kind == "zones" and user in SEES_ZONES
            )
        else:
            writable = name in WRITES[user][kind]
            readable = name in READS[user][kind]
        valid, invalid = CHANGES[kind]
        if writable:
            response = client.patch(f"{url}{obj.uuid}/", valid, format="json")
            assert response.status_code == 200, (kind, name, response.content)
            (field, value), *_ = valid.items()
            assert response.json()[field] == value
            continue
        for body in (valid, invalid):
            response = client.patch(f"{url}{obj.uuid}/", body, format="json")
            if readable:
                assert_error(response, 403, "forbidden")
            else:
                assert_error(response, 404, "not_found")
