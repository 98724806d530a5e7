"""People list search, filters and paging; person forms with service errors shown inline."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tdkt.audit.models import AuditEvent
from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.models import Employment, Person
from tdkt.organizations.services import person_create

pytestmark = pytest.mark.django_db


def _names(response) -> list[str]:
    return [p.full_name for p in response.context["page"].people]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van anh", ["Nguyễn Văn Ánh"]),
        ("duc", ["Trần Minh Đức"]),
        ("TRAN minh", ["Trần Minh Đức"]),
    ],
)
def test_search_without_diacritics_finds_people(client_for, query, expected):
    """Typing a name without accents (any case) finds the Vietnamese name."""
    response = client_for("officer").get(reverse("organizations:person-list"), {"q": query})
    assert _names(response) == expected
    assert expected[0] in response.content.decode()


def test_htmx_search_returns_only_the_results_partial(client_for):
    """An htmx request gets the results table only, not the whole page."""
    response = client_for("officer").get(
        reverse("organizations:person-list"), {"q": "nguyen van anh"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Nguyễn Văn Ánh" in body
    assert "<html" not in body
    assert "HX-Request" in response["Vary"]


def test_people_filters_by_organisation_and_category(client_for, registry):
    """Filtering by the enterprise shows its worker; by civil servants shows the two officials."""
    client = client_for("officer")
    by_org = client.get(
        reverse("organizations:person-list"), {"org": str(registry.enterprise.uuid)}
    )
    assert _names(by_org) == ["Lê Thị Hoa"]
    by_cat = client.get(reverse("organizations:person-list"), {"category": "civil_servant"})
    assert sorted(_names(by_cat)) == ["Nguyễn Văn Ánh", "Trần Minh Đức"]


def test_unit_head_search_stays_in_scope(client_for):
    """The planning head searching for Ánh finds nobody: Ánh is in another unit."""
    response = client_for("planning_head").get(reverse("organizations:person-list"), {"q": "anh"})
    assert _names(response) == []
    assert "Không tìm thấy cá nhân nào" in response.content.decode()


def test_people_list_pages_by_25_with_bounded_queries(
    client_for, registry, django_assert_max_num_queries
):
    """60 people show 25 per page in at most 13 queries (10, the organisation picker's bounded
    count, the officer's count of duplicates to review and the header's unread notifications);
    "next" links walk them all once."""
    for i in range(57):
        person_create(
            actor=registry.officer,
            full_name=f"Phạm Văn Số {i:02d}",
            category=PersonnelCategory.WORKER,
            organization=registry.centre,
            start_date=date(2020, 1, 1),
        )
    client = client_for("officer")
    with django_assert_max_num_queries(13):
        first = client.get(reverse("organizations:person-list"))
    assert len(first.context["page"].people) == 25
    assert "60 người" in first.content.decode()
    seen = _names(first)
    page = first.context["page"]
    while page.next_after:
        with django_assert_max_num_queries(13):
            response = client.get(reverse("organizations:person-list"), {"after": page.next_after})
        page = response.context["page"]
        seen += _names(response)
    assert len(seen) == 60 == len(set(seen))
    assert len(page.people) == 10
    assert "Trang sau" not in response.content.decode()
    assert "Trang trước" in response.content.decode()


def _create_data(registry, **overrides):
    data = {
        "full_name": "Đỗ Thị Mai",
        "gender": "female",
        "date_of_birth": "1990-02-03",
        "citizen_id": "001190000001",
        "nationality": "VN",
        "category": "public_employee",
        "email": "",
        "phone": "",
        "organization": registry.centre.pk,
        "position": "Chuyên viên",
        "start_date": "2024-01-01",
    }
    return data | overrides


def test_create_person_form_adds_person_with_post_and_audit(client_for, registry):
    """A valid form creates the person in the centre, with an audit event, then shows them."""
    response = client_for("officer").post(
        reverse("organizations:person-create"), _create_data(registry)
    )
    person = Person.objects.get(full_name="Đỗ Thị Mai")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "organizations:person-detail", kwargs={"uuid": person.uuid}
    )
    assert Employment.objects.get(person=person).organization == registry.centre
    assert AuditEvent.objects.filter(object_id=str(person.uuid)).exists()


@pytest.mark.parametrize(
    ("citizen_id", "message"),
    [
        ("12345", "Số CCCD phải gồm đúng 12 chữ số."),
        ("001085000001", "Số CCCD không khớp với năm sinh."),  # digits say born 1985, male
    ],
)
def test_bad_citizen_id_shows_vietnamese_error_and_writes_nothing(
    client_for, registry, citizen_id, message
):
    """A bad CCCD re-shows the form with the service's message next to the field; no row."""
    client = client_for("officer")
    people = Person.objects.count()
    events = AuditEvent.objects.count()
    response = client.post(
        reverse("organizations:person-create"), _create_data(registry, citizen_id=citizen_id)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert message in form.errors["citizen_id"]
    assert "Dữ liệu không hợp lệ." in form.non_field_errors()
    assert message in response.content.decode()
    assert Person.objects.count() == people
    assert AuditEvent.objects.count() == events


def test_edit_form_shows_duplicate_citizen_id_inline(client_for, registry):
    """Giving Đức Ánh's CCCD is refused next to the field and Đức keeps no CCCD."""
    url = reverse("organizations:person-update", kwargs={"uuid": registry.duc.uuid})
    response = client_for("officer").post(
        url,
        {
            "full_name": "Trần Minh Đức",
            "gender": "male",
            "citizen_id": "001085012345",
            "nationality": "VN",
            "category": "civil_servant",
            "date_of_birth": "1985-01-01",
        },
    )
    assert response.status_code == 200
    assert "Số CCCD đã có trong hệ thống." in response.context["form"].errors["citizen_id"]
    assert Person.objects.get(pk=registry.duc.pk).citizen_id is None


def test_transfer_closes_the_current_post(client_for, registry):
    """Moving Ánh to planning ends his investment post the day before and opens the new one."""
    url = reverse("organizations:employment-create", kwargs={"uuid": registry.anh.uuid})
    response = client_for("officer").post(
        url,
        {
            "organization": registry.planning.pk,
            "position": "Trưởng phòng",
            "start_date": "2025-01-01",
            "close_current": "on",
        },
    )
    assert response.status_code == 302
    posts = list(Employment.objects.filter(person=registry.anh).order_by("start_date"))
    assert posts[0].end_date == date(2024, 12, 31)
    assert posts[1].organization == registry.planning
    detail = client_for("officer").get(
        reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    )
    assert "Thêm quá trình công tác" in detail.content.decode()
    assert "31/12/2024" in detail.content.decode()


def test_overlapping_post_is_refused_inline(client_for, registry):
    """A post overlapping the current one (no transfer) shows the overlap error, adds nothing."""
    url = reverse("organizations:employment-create", kwargs={"uuid": registry.anh.uuid})
    response = client_for("officer").post(
        url, {"organization": registry.planning.pk, "start_date": "2016-01-01"}
    )
    assert response.status_code == 200
    assert "Trùng thời gian với quá trình khác." in response.context["form"].errors["start_date"]
    assert Employment.objects.filter(person=registry.anh).count() == 1


def test_a_crowded_picker_keeps_the_units_and_the_chosen_enterprise(
    client_for, registry, monkeypatch
):
    """Past the picker's limit the organisation filter lists the units, not every enterprise;
    an enterprise chosen from its page ("see all") stays selected and filters the list."""
    from tdkt.organizations.selectors import organizations as org_selectors

    monkeypatch.setattr(org_selectors, "PICKER_LIMIT", 3)
    client = client_for("officer")
    plain = client.get(reverse("organizations:person-list")).content.decode()
    assert "Phòng Quy hoạch và Xây dựng</option>" in plain
    assert "Điện tử Sao Mai</option>" not in plain
    chosen = client.get(
        reverse("organizations:person-list"), {"org": str(registry.enterprise.uuid)}
    )
    assert _names(chosen) == ["Lê Thị Hoa"]
    assert f'value="{registry.enterprise.uuid}" selected' in chosen.content.decode()
