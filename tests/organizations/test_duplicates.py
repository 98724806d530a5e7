"""A CCCD already registered outside the caller's scope is not revealed (issue #7, ADR 0036).

"Số CCCD đã có trong hệ thống" told a unit head that a person they may not see exists, in bulk
through import dry runs. Now the submission is refused without saying whose number it is, and
routed to an officer as a duplicate to review (with the match), audited.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError
from tdkt.documents.services import import_run
from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.models import DuplicateReview, Person
from tdkt.organizations.services import duplicate_review_resolve, person_create, person_update
from tests.documents.helpers import PEOPLE_HEADERS, person_row, xlsx

pytestmark = pytest.mark.django_db

ANH_CCCD = "001085012345"  # Ánh works in investment: outside the planning head's scope
REVEALING = "đã có trong hệ thống"
NEUTRAL = (
    "Không thể tạo hồ sơ với số CCCD này. Yêu cầu đã được chuyển cho cán bộ thi đua – khen "
    "thưởng để kiểm tra."
)


def _create(registry, actor, **overrides):
    data = {
        "actor": actor,
        "full_name": "Nguyễn Văn Ánh",
        "category": PersonnelCategory.CIVIL_SERVANT,
        "organization": registry.planning,
        "start_date": date(2024, 1, 1),
        "gender": "male",
        "date_of_birth": date(1985, 5, 17),
        "citizen_id": ANH_CCCD,
    }
    return person_create(**(data | overrides))


def _messages(exc: ApplicationError) -> list[str]:
    return [exc.message, *exc.fields.get("citizen_id", [])]


def test_out_of_scope_duplicate_is_refused_without_saying_so_and_routed(registry):
    """The planning head is refused in words that do not reveal Ánh; an officer gets a review
    entry naming the match and the submitter; the routing is audited and committed."""
    with pytest.raises(ApplicationError) as exc:
        _create(registry, registry.planning_head)
    assert not any(REVEALING in m for m in _messages(exc.value))
    assert exc.value.message == NEUTRAL
    assert Person.objects.filter(citizen_id=ANH_CCCD).count() == 1
    review = DuplicateReview.objects.get()
    assert (review.person, review.reported_by, review.organization) == (
        registry.anh,
        registry.planning_head,
        registry.planning,
    )
    assert review.submitted["full_name"] == "Nguyễn Văn Ánh"
    assert review.status == "open"
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.PERSON_DUPLICATE_REPORTED, object_id=str(review.uuid)
    ).exists()


def test_an_update_to_an_out_of_scope_cccd_is_routed_too(registry):
    """Giving Đức (planning) Ánh's number is refused the same way."""
    with pytest.raises(ApplicationError) as exc:
        person_update(
            actor=registry.planning_head,
            person=registry.duc,
            citizen_id=ANH_CCCD,
            date_of_birth=date(1985, 1, 1),
        )
    assert not any(REVEALING in m for m in _messages(exc.value))
    assert "chuyển cho cán bộ thi đua" in exc.value.message
    assert Person.objects.get(pk=registry.duc.pk).citizen_id is None
    assert DuplicateReview.objects.get().context == "update"


@pytest.mark.parametrize("actor", ["officer", "investment_head"])
def test_a_duplicate_the_caller_may_see_is_named_plainly(registry, actor):
    """An officer, or the head of Ánh's own unit, may see Ánh: they are told plainly, and no
    review is opened."""
    with pytest.raises(ApplicationError) as exc:
        _create(registry, getattr(registry, actor), organization=registry.investment)
    assert exc.value.fields["citizen_id"] == ["Số CCCD đã có trong hệ thống."]
    assert not DuplicateReview.objects.exists()


def test_invalid_input_is_not_checked_against_the_registry(registry):
    """A submission with other errors is refused for them first: the number is only looked
    up for a submission that would otherwise be saved."""
    with pytest.raises(ApplicationError) as exc:
        _create(registry, registry.planning_head, full_name="")
    assert "full_name" in exc.value.fields
    assert not DuplicateReview.objects.exists()


def test_web_form_shows_the_neutral_refusal(registry):
    """The planning head's form keeps their input and shows the neutral message."""
    client = Client()
    client.force_login(registry.planning_head)
    response = client.post(
        reverse("organizations:person-create"),
        {
            "full_name": "Nguyễn Văn Ánh",
            "gender": "male",
            "date_of_birth": "1985-05-17",
            "citizen_id": ANH_CCCD,
            "nationality": "VN",
            "category": "civil_servant",
            "organization": registry.planning.pk,
            "start_date": "2024-01-01",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert REVEALING not in body
    assert "chuyển cho cán bộ thi đua" in body
    assert DuplicateReview.objects.filter(reported_by=registry.planning_head).exists()


def test_api_answers_the_neutral_refusal(registry):
    """The API's 400 names no match either."""
    client = APIClient()
    client.force_authenticate(user=registry.planning_head)
    response = client.post(
        "/api/v1/people/",
        {
            "full_name": "Nguyễn Văn Ánh",
            "category": "civil_servant",
            "gender": "male",
            "date_of_birth": "1985-05-17",
            "citizen_id": ANH_CCCD,
            "organization": str(registry.planning.uuid),
            "start_date": "2024-01-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert REVEALING not in response.content.decode()
    assert response.json()["message"] == NEUTRAL
    assert DuplicateReview.objects.count() == 1


@pytest.mark.parametrize("dry_run", [True, False])
def test_import_rows_are_refused_neutrally_and_routed(registry, dry_run):
    """A file (even a dry run) with Ánh's number gets the neutral row error, and the match
    is routed to an officer."""
    row = person_row(
        **{
            "Họ và tên": "Nguyễn Văn Ánh",
            "Giới tính": "Nam",
            "Ngày sinh": "17/05/1985",
            "Số CCCD": ANH_CCCD,
            "Đơn vị": "Phòng Quy hoạch và Xây dựng",
        }
    )
    result = import_run(
        actor=registry.planning_head,
        importer="people",
        data=xlsx(PEOPLE_HEADERS, [row]),
        filename="nhan-su.xlsx",
        dry_run=dry_run,
    )
    assert not result.ok
    assert all(REVEALING not in e.message for e in result.errors)
    assert any("chuyển cho cán bộ thi đua" in e.message for e in result.errors)
    review = DuplicateReview.objects.get()
    assert (review.person, review.context) == (registry.anh, "import")


def test_officer_sees_the_review_list_and_resolves_an_entry(registry):
    """The officer's list shows the submitter, the unit and the match; resolving is audited.
    A unit head may not open the list."""
    with pytest.raises(ApplicationError):
        _create(registry, registry.planning_head)
    review = DuplicateReview.objects.get()
    url = reverse("organizations:duplicate-list")

    head = Client()
    head.force_login(registry.planning_head)
    assert head.get(url).status_code == 403

    officer = Client()
    officer.force_login(registry.officer)
    body = officer.get(url).content.decode()
    assert "planning_head" in body and "Phòng Quy hoạch và Xây dựng" in body
    assert reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid}) in body
    response = officer.post(
        reverse("organizations:duplicate-detail", kwargs={"uuid": review.uuid}),
        {"resolution": "Đã trao đổi với phòng Quy hoạch: anh Ánh vẫn ở phòng Đầu tư."},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.status, review.resolved_by) == ("resolved", registry.officer)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.PERSON_DUPLICATE_RESOLVED, object_id=str(review.uuid)
    ).exists()
    with pytest.raises(ApplicationError):  # already resolved
        duplicate_review_resolve(actor=registry.officer, review=review, resolution="Lần hai")
