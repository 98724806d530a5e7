"""Every kind of user against every registry page: what each list shows, which objects open,
which edit pages open, and which actions are offered (the table of ``tests/scope_matrix.py``).
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.scope_matrix import (
    GROUPS,
    NOBODY,
    ORGANIZATION_ADDERS,
    ORGANIZATIONS,
    PEOPLE,
    READS,
    REFERENCE_WRITERS,
    SEES_ZONES,
    USERS,
    WRITES,
    World,
)

pytestmark = pytest.mark.django_db

SIGNED_IN = [user for user in USERS if user not in NOBODY]
LISTS = ["organization-list", "person-list", "zone-list", "group-list"]
# The button of each list page that adds something, and who is offered it.
ADD_BUTTONS = {
    "organization-list": "Thêm tổ chức",
    "person-list": "Thêm cá nhân",
    "zone-list": "Thêm khu công nghiệp",
    "group-list": "Thêm khối, cụm thi đua",
}
DETAIL = {"organizations": "organization", "people": "person", "groups": "group"}


def _client(world: World, user: str) -> Client:
    client = Client()
    if user != "anonymous":
        client.force_login(world.actor(user))
    return client


def _label(world: World, name: str) -> str:
    obj = world.obj(name)
    return getattr(obj, "full_name", None) or obj.name


def _url(kind: str, action: str, obj) -> str:
    return reverse(f"organizations:{DETAIL[kind]}-{action}", kwargs={"uuid": obj.uuid})


@pytest.mark.parametrize("user", NOBODY[1:])
def test_signed_out_and_deactivated_users_are_sent_to_sign_in(world, user):
    """Every registry page sends an anonymous visitor, and a session of an account that was
    deactivated since, to the sign-in page without showing any data."""
    client = _client(world, user)
    urls = [reverse(f"organizations:{name}") for name in LISTS]
    urls += [_url(kind, "detail", world.obj(names[0])) for kind, names in _kinds().items()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login"))


def _kinds() -> dict[str, list[str]]:
    return {"organizations": ORGANIZATIONS, "people": PEOPLE, "groups": GROUPS}


@pytest.mark.parametrize("user", [*SIGNED_IN, "no_org"])
def test_list_pages_show_exactly_the_scope_and_the_allowed_actions(world, user):
    """The tree, people, zones and groups pages name every object of the user's scope and
    none outside it, and offer an "add" button only to those who may add."""
    client = _client(world, user)
    pages = {name: client.get(reverse(f"organizations:{name}")) for name in LISTS}
    for name, response in pages.items():
        assert response.status_code == 200, name
    shown = {
        "organizations": pages["organization-list"].content.decode(),
        "people": pages["person-list"].content.decode(),
        "groups": pages["group-list"].content.decode(),
    }
    for kind, names in _kinds().items():
        listed = {name for name in names if _label(world, name) in shown[kind]}
        assert listed == READS[user][kind], kind
    zones = pages["zone-list"].content.decode()
    assert ("KCN Thăng Long" in zones) is (user in SEES_ZONES)
    may_add = {
        "organization-list": user in ORGANIZATION_ADDERS,
        "person-list": bool(WRITES[user]["people"]),
        "zone-list": user in REFERENCE_WRITERS,
        "group-list": user in REFERENCE_WRITERS,
    }
    for name, button in ADD_BUTTONS.items():
        assert (button in pages[name].content.decode()) is may_add[name], name


@pytest.mark.parametrize("user", [*SIGNED_IN, "no_org"])
def test_detail_pages_open_in_scope_and_offer_edit_only_to_writers(world, user):
    """An object in scope opens with its name and an edit button exactly when the user may
    change it; any other object is the 404 page of an unknown one."""
    client = _client(world, user)
    for kind, names in _kinds().items():
        for name in names:
            obj = world.obj(name)
            response = client.get(_url(kind, "detail", obj))
            body = response.content.decode()
            if name not in READS[user][kind]:
                assert response.status_code == 404, name
                assert "Không tìm thấy" in body
                assert _label(world, name) not in body
                continue
            assert response.status_code == 200, name
            assert _label(world, name) in body
            may_edit = user in REFERENCE_WRITERS if kind == "groups" else name in WRITES[user][kind]
            assert (_url(kind, "update", obj) in body) is may_edit, name


@pytest.mark.parametrize("user", [*SIGNED_IN, "no_org"])
def test_edit_pages_open_for_writers_refuse_readers_and_hide_the_rest(world, user):
    """An edit page answers 200 to who may change the object, 403 to who may only read it
    and 404 to who may not even see it (zones are reference data every user sees)."""
    client = _client(world, user)
    for kind, names in _kinds().items():
        for name in names:
            writable = user in REFERENCE_WRITERS if kind == "groups" else name in WRITES[user][kind]
            expected = 200 if writable else 403 if name in READS[user][kind] else 404
            response = client.get(_url(kind, "update", world.obj(name)))
            assert response.status_code == expected, (kind, name)
    zone_edit = reverse("organizations:zone-update", kwargs={"uuid": world.registry.zone.uuid})
    expected = 200 if user in REFERENCE_WRITERS else 403 if user in SEES_ZONES else 404
    assert client.get(zone_edit).status_code == expected


@pytest.mark.parametrize("user", [*SIGNED_IN, "no_org"])
def test_add_forms_open_exactly_for_whoever_is_offered_the_button(world, user):
    """A create form answers 200 to who sees its "add" button and 403 to everyone else, on
    GET: nobody fills a form only to be refused on save."""
    client = _client(world, user)
    may_add = {
        "organization-create": user in ORGANIZATION_ADDERS,
        "person-create": bool(WRITES[user]["people"]),
        "zone-create": user in REFERENCE_WRITERS,
        "group-create": user in REFERENCE_WRITERS,
    }
    for name, allowed in may_add.items():
        response = client.get(reverse(f"organizations:{name}"))
        assert response.status_code == (200 if allowed else 403), name


@pytest.mark.parametrize("user", [*SIGNED_IN, "no_org"])
def test_dashboard_counts_and_names_only_the_scope(world, user):
    """The dashboard's figures add up to the user's scope, and this year's blocks/clusters
    table names exactly the groups the user may see."""
    response = _client(world, user).get(reverse("web:dashboard"))
    assert response.status_code == 200
    total = {name: sum(t.count for t in response.context[name]) for name in ("people", "zones")}
    orgs = {t.value: t.count for t in response.context["organizations"]}
    assert total["people"] == len(READS[user]["people"])
    assert sum(orgs.values()) == len(READS[user]["organizations"])
    assert total["zones"] == (1 if user in SEES_ZONES else 0)
    body = response.content.decode()
    for name in GROUPS:
        assert (_label(world, name) in body) is (name in READS[user]["groups"]), name
