"""People through the API: scoped reads, scoped writes, validation and history."""

from __future__ import annotations

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import Person

from .helpers import assert_error, assert_hidden, names, results

pytestmark = pytest.mark.django_db

PEOPLE = "/api/v1/people/"


def detail(person: Person) -> str:
    return f"{PEOPLE}{person.uuid}/"


def test_officer_lists_everyone_with_current_post(registry, api_as):
    """A board-wide officer sees every person, each with the unit they work in today."""
    items = results(api_as(registry.officer).get(PEOPLE))
    by_name = {item["full_name"]: item for item in items}
    assert set(by_name) == {"Nguyễn Văn Ánh", "Trần Minh Đức", "Lê Thị Hoa"}
    post = by_name["Nguyễn Văn Ánh"]["current_posts"][0]
    assert post["organization"]["name"] == "Phòng Quản lý Đầu tư"
    assert "id" not in by_name["Nguyễn Văn Ánh"]
    assert by_name["Nguyễn Văn Ánh"]["uuid"] == str(registry.anh.uuid)


def test_unit_head_lists_only_their_unit(registry, api_as):
    """The head of planning sees Đức but not investment's Ánh nor the enterprise worker."""
    assert names(api_as(registry.planning_head).get(PEOPLE)) == {"Trần Minh Đức"}
    assert names(api_as(registry.investment_head).get(PEOPLE)) == {"Nguyễn Văn Ánh"}


def test_search_is_accent_and_case_insensitive(registry, api_as):
    """Typing 'nguyen van anh' without accents finds 'Nguyễn Văn Ánh'."""
    response = api_as(registry.officer).get(PEOPLE, {"search": "NGUYEN van anh"})
    assert names(response) == {"Nguyễn Văn Ánh"}


def test_filter_by_organization_and_category(registry, api_as):
    """Filtering by a unit's UUID and by category narrows the list."""
    client = api_as(registry.officer)
    by_org = client.get(PEOPLE, {"organization": str(registry.enterprise.uuid)})
    assert names(by_org) == {"Lê Thị Hoa"}
    by_category = client.get(PEOPLE, {"category": "civil_servant"})
    assert names(by_category) == {"Nguyễn Văn Ánh", "Trần Minh Đức"}


def test_filter_by_organization_outside_scope_is_refused_like_an_unknown_one(registry, api_as):
    """The head of planning filtering by investment's UUID gets the field error an unknown
    UUID gets ("not found"), and nothing is listed."""
    client = api_as(registry.planning_head)
    hidden = client.get(PEOPLE, {"organization": str(registry.investment.uuid)})
    unknown = client.get(PEOPLE, {"organization": "00000000-0000-4000-8000-000000000000"})
    body = assert_error(hidden, 400, "invalid")
    assert body["fields"]["organization"] == ["Không tìm thấy tổ chức."]
    assert body == unknown.json()


def test_enterprise_representative_sees_only_their_people(registry, api_as):
    """The enterprise representative lists only the enterprise's worker and cannot open Ánh."""
    client = api_as(registry.enterprise_rep)
    assert names(client.get(PEOPLE)) == {"Lê Thị Hoa"}
    assert client.get(detail(registry.worker)).status_code == 200
    assert_hidden(client, detail(registry.anh), registry.anh.uuid)


def test_unit_head_reads_and_changes_own_person(registry, api_as):
    """The head of investment opens Ánh with the history of posts and can change the phone."""
    client = api_as(registry.investment_head)
    body = client.get(detail(registry.anh)).json()
    assert body["citizen_id"] == "001085012345"
    assert [e["organization"]["name"] for e in body["employments"]] == ["Phòng Quản lý Đầu tư"]
    response = client.patch(detail(registry.anh), {"phone": "0912345678"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["phone"] == "0912345678"
    registry.anh.refresh_from_db()
    assert registry.anh.phone == "0912345678"


def test_unit_head_of_another_unit_can_neither_read_nor_change(registry, api_as):
    """The head of planning gets 404 (as for an unknown id) reading or changing Ánh, Ánh stays
    unchanged, and the attempt is recorded as an access-denied event."""
    client = api_as(registry.planning_head)
    assert_hidden(client, detail(registry.anh), registry.anh.uuid)
    response = client.patch(detail(registry.anh), {"phone": "0912345678"}, format="json")
    assert_error(response, 404, "not_found")
    registry.anh.refresh_from_db()
    assert registry.anh.phone == ""
    assert not AuditEvent.objects.filter(event_type=AuditEventType.PERSON_UPDATED).exists()
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.ACCESS_DENIED, actor=registry.planning_head
    ).exists()


def test_viewer_reads_their_unit_but_cannot_write(registry, api_as):
    """The viewer of investment opens Ánh but a change is refused and not saved."""
    client = api_as(registry.viewer)
    assert client.get(detail(registry.anh)).status_code == 200
    response = client.patch(detail(registry.anh), {"phone": "0912345678"}, format="json")
    assert_error(response, 403, "forbidden")
    registry.anh.refresh_from_db()
    assert registry.anh.phone == ""


@pytest.mark.parametrize("role", ["leader", "council"])
def test_leader_and_council_read_everything_but_cannot_write(registry, api_as, role):
    """Leaders and council members list all people but cannot change or add any."""
    client = api_as(getattr(registry, role))
    assert names(client.get(PEOPLE)) == {"Nguyễn Văn Ánh", "Trần Minh Đức", "Lê Thị Hoa"}
    response = client.patch(detail(registry.duc), {"phone": "0900000000"}, format="json")
    assert_error(response, 403, "forbidden")
    created = client.post(
        PEOPLE,
        {
            "full_name": "Người Mới",
            "category": "civil_servant",
            "organization": str(registry.planning.uuid),
            "start_date": "2025-01-02",
        },
        format="json",
    )
    assert_error(created, 403, "forbidden")
    assert not Person.objects.filter(full_name="Người Mới").exists()


def _new_person(registry, **extra):
    return {
        "full_name": "  Phạm   Thu Trang ",
        "category": "civil_servant",
        "gender": "female",
        "date_of_birth": "1990-04-02",
        "citizen_id": "001190004567",
        "organization": str(registry.planning.uuid),
        "start_date": "2024-01-02",
        "position": "Chuyên viên",
        **extra,
    }


def test_unit_head_creates_person_with_first_post(registry, api_as):
    """The head of planning adds a person in planning; the name is normalised and audited."""
    response = api_as(registry.planning_head).post(PEOPLE, _new_person(registry), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["full_name"] == "Phạm Thu Trang"
    assert body["employments"][0]["organization"]["uuid"] == str(registry.planning.uuid)
    person = Person.objects.get(uuid=body["uuid"])
    event = AuditEvent.objects.get(event_type=AuditEventType.PERSON_CREATED, object_id=person.uuid)
    assert event.actor == registry.planning_head


def test_unit_head_cannot_create_person_in_another_unit(registry, api_as):
    """The head of planning cannot add a person to investment, which they cannot see: the
    organisation is "not found" and nobody is created."""
    payload = _new_person(registry, organization=str(registry.investment.uuid))
    response = api_as(registry.planning_head).post(PEOPLE, payload, format="json")
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["organization"] == ["Không tìm thấy tổ chức."]
    assert not Person.objects.filter(full_name="Phạm Thu Trang").exists()


def test_bad_citizen_id_is_rejected_with_vietnamese_field_message(registry, api_as):
    """A CCCD of 11 digits comes back as a field error in Vietnamese; nothing is written."""
    payload = _new_person(registry, citizen_id="00119000456")
    response = api_as(registry.planning_head).post(PEOPLE, payload, format="json")
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["citizen_id"] == ["Số CCCD phải gồm đúng 12 chữ số."]
    assert not Person.objects.filter(full_name="Phạm Thu Trang").exists()


def test_citizen_id_must_match_birth_year(registry, api_as):
    """A CCCD whose year digits disagree with the date of birth is refused on update."""
    response = api_as(registry.officer).patch(
        detail(registry.anh), {"citizen_id": "001086012345"}, format="json"
    )
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["citizen_id"] == ["Số CCCD không khớp với năm sinh."]


def test_missing_required_fields_are_listed(registry, api_as):
    """An empty body names each required field."""
    response = api_as(registry.officer).post(PEOPLE, {}, format="json")
    body = assert_error(response, 400, "invalid")
    assert {"full_name", "category", "organization", "start_date"} <= set(body["fields"])


def test_malformed_reference_gets_vietnamese_message(registry, api_as):
    """A unit given as something that is not a UUID is named in Vietnamese on the field."""
    payload = _new_person(registry, organization="phong-dau-tu")
    response = api_as(registry.officer).post(PEOPLE, payload, format="json")
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["organization"] == ["Mã định danh (UUID) không hợp lệ."]


def test_history_shows_before_and_after_of_an_update(registry, api_as):
    """After renaming Ánh, the person's history starts with the change, old and new value."""
    client = api_as(registry.investment_head)
    client.patch(detail(registry.anh), {"full_name": "Nguyễn Văn Ánh Dương"}, format="json")
    events = results(client.get(f"{detail(registry.anh)}history/"))
    assert events[0]["event_type"] == "person.updated"
    assert events[0]["changes"] == {"full_name": ["Nguyễn Văn Ánh", "Nguyễn Văn Ánh Dương"]}
    assert events[0]["actor"].startswith("investment_head")
    assert events[-1]["event_type"] == "person.created"


def test_history_of_person_outside_scope_is_hidden(registry, api_as):
    """The head of planning cannot read Ánh's history: 404 as for an unknown person."""
    client = api_as(registry.planning_head)
    assert_hidden(client, f"{detail(registry.anh)}history/", registry.anh.uuid)


def test_transfer_closes_the_current_post(registry, api_as):
    """An officer moves Ánh to planning: the old post ends the day before the new one."""
    client = api_as(registry.officer)
    response = client.post(
        f"{detail(registry.anh)}employments/",
        {
            "organization": str(registry.planning.uuid),
            "start_date": "2025-02-01",
            "position": "Chuyên viên chính",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    posts = client.get(f"{detail(registry.anh)}employments/").json()
    assert [(p["organization"]["name"], p["end_date"]) for p in posts] == [
        ("Phòng Quy hoạch và Xây dựng", None),
        ("Phòng Quản lý Đầu tư", "2025-01-31"),
    ]
    assert names(api_as(registry.planning_head).get(PEOPLE)) == {
        "Trần Minh Đức",
        "Nguyễn Văn Ánh",
    }


def test_unit_cannot_take_a_person_from_another_unit(registry, api_as):
    """The head of planning cannot transfer Ánh, whom they cannot see, into planning: 404,
    the post is unchanged."""
    response = api_as(registry.planning_head).post(
        f"{detail(registry.anh)}employments/",
        {"organization": str(registry.planning.uuid), "start_date": "2025-02-01"},
        format="json",
    )
    assert_error(response, 404, "not_found")
    assert registry.anh.employments.get().end_date is None


def test_overlapping_post_is_refused(registry, api_as):
    """A post that overlaps an existing one (no transfer) is refused with a field message."""
    response = api_as(registry.officer).post(
        f"{detail(registry.anh)}employments/",
        {
            "organization": str(registry.planning.uuid),
            "start_date": "2016-01-01",
            "end_date": "2016-12-31",
            "close_current": False,
        },
        format="json",
    )
    body = assert_error(response, 400, "invalid")
    assert "start_date" in body["fields"]
    assert registry.anh.employments.count() == 1


@pytest.mark.parametrize("user", ["officer", "planning_head"])
def test_person_list_query_count_is_bounded(registry, api_as, django_assert_max_num_queries, user):
    """Listing people costs a fixed number of queries, however many people there are."""
    client = api_as(getattr(registry, user))
    for index in range(15):
        client_officer = api_as(registry.officer)
        client_officer.post(
            PEOPLE,
            _new_person(registry, full_name=f"Người {index}", citizen_id=None),
            format="json",
        )
    with django_assert_max_num_queries(5):
        assert len(results(client.get(PEOPLE))) >= 15


def test_pages_follow_next_links_in_vietnamese_order(registry, api_as):
    """Ten people in pages of three: `next` walks them once in order of given name,
    `previous` walks back, and `count` is exact."""
    officer = api_as(registry.officer)
    for given in ["Yến", "Bình", "An", "Xuân", "Giang", "Ân", "Đào"]:
        new = _new_person(registry, full_name=f"Phạm Thị {given}", citizen_id=None)
        assert officer.post(PEOPLE, new, format="json").status_code == 201
    pages = [officer.get(PEOPLE, {"page_size": 3}).json()]
    while pages[-1]["next"]:
        pages.append(officer.get(pages[-1]["next"]).json())
    assert [page["count"] for page in pages] == [10] * 4
    shown = [item["full_name"] for page in pages for item in page["results"]]
    assert shown == [
        "Phạm Thị An",
        "Nguyễn Văn Ánh",
        "Phạm Thị Ân",
        "Phạm Thị Bình",
        "Phạm Thị Đào",
        "Trần Minh Đức",
        "Phạm Thị Giang",
        "Lê Thị Hoa",
        "Phạm Thị Xuân",
        "Phạm Thị Yến",
    ]
    back = officer.get(pages[-1]["previous"]).json()
    assert back["results"] == pages[-2]["results"]
    assert pages[0]["previous"] is None


def test_a_malformed_page_position_is_a_field_error(registry, api_as):
    """A position that is not one the API gave is refused with a field error, not a 500."""
    response = api_as(registry.officer).get(PEOPLE, {"after": "1' OR '1'='1"})
    body = assert_error(response, 400, "invalid")
    assert "after" in body["fields"]
