"""Emulation blocks/clusters through the API: yearly members, leadership, scoping."""

from __future__ import annotations

import pytest

from tdkt.organizations.models import EmulationGroup, GroupLeadership, GroupMembership
from tdkt.organizations.services import group_create, group_members_set

from .helpers import assert_error, assert_hidden, names

pytestmark = pytest.mark.django_db

GROUPS = "/api/v1/groups/"


@pytest.fixture
def block(registry):
    """A block whose 2025 members are investment and planning (set through the service)."""
    group = group_create(
        actor=registry.officer, name="Khối các phòng chuyên môn", kind="block", organizer="BQL"
    )
    group_members_set(
        actor=registry.officer,
        group=group,
        year=2025,
        members=[registry.investment, registry.planning],
    )
    return group


def url(group, suffix: str = "") -> str:
    return f"{GROUPS}{group.uuid}/{suffix}"


def test_officer_sets_members_and_leadership(registry, api_as, block):
    """The officer adds the centre for 2026, elects a leader and deputy, and reads them back."""
    client = api_as(registry.officer)
    members = [str(o.uuid) for o in (registry.investment, registry.centre)]
    response = client.put(url(block, "years/2026/members/"), {"members": members}, format="json")
    assert response.status_code == 200, response.json()
    response = client.put(
        url(block, "years/2026/leadership/"),
        {"leader": str(registry.centre.uuid), "deputy": str(registry.investment.uuid)},
        format="json",
    )
    assert response.status_code == 200, response.json()
    years = client.get(url(block)).json()["years"]
    assert [y["year"] for y in years] == [2026, 2025]
    assert {m["name"] for m in years[0]["members"]} == {
        registry.investment.name,
        registry.centre.name,
    }
    assert years[0]["leader"]["name"] == registry.centre.name
    assert years[0]["deputy"]["name"] == registry.investment.name
    assert years[1]["leader"] is None
    history = client.get(url(block, "history/")).json()["results"]
    assert history[0]["event_type"] == "group.leadership_set"


def test_officer_creates_and_renames_a_cluster(registry, api_as):
    """The officer adds a cluster, renames it, and its history shows both changes."""
    client = api_as(registry.officer)
    created = client.post(
        GROUPS,
        {"name": "Cụm thi đua các KCN phía Bắc", "kind": "cluster", "organizer": "BQL"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["kind"], body["organizer"], body["years"]) == ("cluster", "BQL", [])
    group_url = f"{GROUPS}{body['uuid']}/"
    renamed = client.patch(group_url, {"name": "Cụm thi đua phía Bắc"}, format="json")
    assert renamed.status_code == 200, renamed.json()
    assert renamed.json()["name"] == "Cụm thi đua phía Bắc"
    events = [e["event_type"] for e in client.get(f"{group_url}history/").json()["results"]]
    assert events == ["group.updated", "group.created"]


def test_a_second_group_with_the_same_name_is_refused(registry, api_as, block):
    """Creating another "Khối các phòng chuyên môn" fails on ``name``; one group remains."""
    response = api_as(registry.officer).post(
        GROUPS, {"name": "Khối các phòng chuyên môn", "kind": "block"}, format="json"
    )
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["name"]
    assert EmulationGroup.objects.count() == 1


def test_a_member_unit_head_cannot_create_or_rename_groups(registry, api_as, block):
    """The head of planning (a member) gets 403 adding or renaming; nothing changes."""
    client = api_as(registry.planning_head)
    assert_error(
        client.post(GROUPS, {"name": "Khối mới", "kind": "block"}, format="json"), 403, "forbidden"
    )
    assert_error(client.patch(url(block), {"name": "Khác"}, format="json"), 403, "forbidden")
    assert list(EmulationGroup.objects.values_list("name", flat=True)) == [
        "Khối các phòng chuyên môn"
    ]


def test_leader_must_be_a_member_of_that_year(registry, api_as, block):
    """Electing the enterprise, not a member in 2025, is refused on ``leader``; nothing saved."""
    response = api_as(registry.officer).put(
        url(block, "years/2025/leadership/"),
        {"leader": str(registry.enterprise.uuid)},
        format="json",
    )
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["leader"] == ["Khối trưởng phải là thành viên của khối trong năm 2025."]
    assert not GroupLeadership.objects.exists()


def test_member_unit_head_reads_but_cannot_change_members(registry, api_as, block):
    """The head of planning (a member) sees the block but cannot change its members."""
    client = api_as(registry.planning_head)
    assert names(client.get(GROUPS), "name") == {"Khối các phòng chuyên môn"}
    assert client.get(url(block)).status_code == 200
    response = client.put(
        url(block, "years/2025/members/"),
        {"members": [str(registry.planning.uuid)]},
        format="json",
    )
    assert_error(response, 403, "forbidden")
    assert GroupMembership.objects.filter(group=block, year=2025).count() == 2


def test_non_member_unit_cannot_see_the_block(registry, api_as, block):
    """The enterprise representative's enterprise is no member: empty list, and the detail
    answers 404 exactly like an unknown block."""
    client = api_as(registry.enterprise_rep)
    assert names(client.get(GROUPS), "name") == set()
    assert_hidden(client, url(block), block.uuid)


@pytest.mark.parametrize("role", ["leader", "council"])
def test_leader_and_council_read_groups_but_cannot_elect(registry, api_as, block, role):
    """Leaders and council members read the block but electing its leader is refused."""
    client = api_as(getattr(registry, role))
    assert client.get(url(block)).status_code == 200
    response = client.put(
        url(block, "years/2025/leadership/"),
        {"leader": str(registry.investment.uuid)},
        format="json",
    )
    assert_error(response, 403, "forbidden")
    assert not GroupLeadership.objects.exists()


def test_group_list_query_count_is_bounded(registry, api_as, block, django_assert_max_num_queries):
    """Listing groups with their yearly members costs a fixed number of queries."""
    for index in range(5):
        group = group_create(actor=registry.officer, name=f"Cụm {index}", kind="cluster")
        group_members_set(actor=registry.officer, group=group, year=2025, members=[registry.centre])
    client = api_as(registry.officer)
    with django_assert_max_num_queries(5):
        assert len(client.get(GROUPS).json()["results"]) == 6
