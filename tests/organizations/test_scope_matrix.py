"""Every kind of user against every registry object, through the selectors and the services.

The expected answers are the table of ``tests/scope_matrix.py``; the same table is checked
through the pages and the API.
"""

from __future__ import annotations

import pytest

from tdkt.audit.models import AuditEvent
from tdkt.core.errors import NotFoundError, PermissionDeniedError
from tdkt.organizations.permissions import (
    can_change_organization,
    can_change_person,
    can_change_reference_data,
)
from tdkt.organizations.selectors import (
    group_get,
    group_list,
    organization_get,
    organization_list,
    person_get,
    person_list,
    zone_get,
    zone_list,
)
from tdkt.organizations.services import (
    group_update,
    organization_update,
    person_update,
    zone_update,
)
from tests.scope_matrix import (
    GROUPS,
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


def _names(world: World, objs, candidates: list[str]) -> set[str]:
    found = set(objs)
    return {name for name in candidates if world.obj(name) in found}


@pytest.mark.parametrize("user", USERS)
def test_lists_hold_exactly_the_user_s_scope(world, user):
    """Organisations, people, blocks/clusters and zones listed for the user are exactly those
    of the table (inactive organisations included)."""
    actor = world.actor(user)
    expected = READS[user]
    orgs = organization_list(actor=actor, include_inactive=True)
    assert _names(world, orgs, ORGANIZATIONS) == expected["organizations"]
    assert orgs.count() == len(expected["organizations"])
    people = person_list(actor=actor)
    assert _names(world, people, PEOPLE) == expected["people"]
    assert people.count() == len(expected["people"])
    assert _names(world, group_list(actor=actor), GROUPS) == expected["groups"]
    assert list(zone_list(actor=actor)) == ([world.registry.zone] if user in SEES_ZONES else [])


@pytest.mark.parametrize("user", USERS)
def test_single_lookups_find_the_scope_and_nothing_else(world, user):
    """Each object in scope is found; each other one raises the "not found" an unknown id
    raises, with the same message."""
    actor = world.actor(user)
    getters = {
        "organizations": (organization_get, ORGANIZATIONS),
        "people": (person_get, PEOPLE),
        "groups": (group_get, GROUPS),
    }
    for kind, (getter, names) in getters.items():
        for name in names:
            obj = world.obj(name)
            if name in READS[user][kind]:
                assert getter(actor=actor, uuid=obj.uuid) == obj
                continue
            with pytest.raises(NotFoundError) as hidden:
                getter(actor=actor, uuid=obj.uuid)
            with pytest.raises(NotFoundError) as missing:
                getter(actor=actor, uuid="00000000-0000-4000-8000-000000000000")
            assert hidden.value.message == missing.value.message
            assert (hidden.value.status, hidden.value.code) == (404, missing.value.code)
    zone = world.registry.zone
    if user in SEES_ZONES:
        assert zone_get(actor=actor, uuid=zone.uuid) == zone
    else:
        with pytest.raises(NotFoundError):
            zone_get(actor=actor, uuid=zone.uuid)


@pytest.mark.parametrize("user", USERS)
def test_permissions_match_the_write_table(world, user):
    """The predicates the pages use to offer buttons agree with the table."""
    actor = world.actor(user)
    writes = WRITES[user]
    for name in ORGANIZATIONS:
        expected = name in writes["organizations"]
        assert can_change_organization(actor, world.obj(name)) is expected, name
    for name in PEOPLE:
        assert can_change_person(actor, world.obj(name)) is (name in writes["people"]), name
    assert can_change_reference_data(actor) is (user in REFERENCE_WRITERS)


@pytest.mark.parametrize("user", USERS)
def test_services_change_exactly_the_write_scope(world, user):
    """Each update service saves (with an audit event) what the table allows and refuses the
    rest with 403, leaving the object and the audit trail unchanged."""
    actor = world.actor(user)
    writes = WRITES[user]
    attempts = [
        *[
            (name in writes["organizations"], organization_update, "organization", name)
            for name in ORGANIZATIONS
        ],
        *[(name in writes["people"], person_update, "person", name) for name in PEOPLE],
        (user in REFERENCE_WRITERS, zone_update, "zone", None),
        *[(user in REFERENCE_WRITERS, group_update, "group", name) for name in GROUPS],
    ]
    values = {
        "organization": {"address": "Số 1 Nguyễn Trãi"},
        "person": {"phone": "0912000111"},
        "zone": {"district": "Mê Linh"},
        "group": {"description": "Đã sửa"},
    }
    for allowed, service, argument, name in attempts:
        obj = world.registry.zone if name is None else world.obj(name)
        events = AuditEvent.objects.count()
        (field, value), *_ = values[argument].items()
        if allowed:
            service(actor=actor, **{argument: obj}, **values[argument])
            obj.refresh_from_db()
            assert getattr(obj, field) == value, (argument, name)
            assert AuditEvent.objects.count() == events + 1
        else:
            with pytest.raises(PermissionDeniedError):
                service(actor=actor, **{argument: obj}, **values[argument])
            obj.refresh_from_db()
            assert getattr(obj, field) != value, (argument, name)
            assert AuditEvent.objects.count() == events
