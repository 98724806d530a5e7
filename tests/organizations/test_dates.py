"""Dates of people and posts are plausible, and a saved record is never answered as an error.

Issue #7: a person created with a future start date was saved and audited, but the creator
(a unit head, who sees people through their current post) got an error page and retried,
making duplicates.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError
from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.models import Employment, Person
from tdkt.organizations.services import (
    employment_add,
    employment_update,
    person_create,
    person_update,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2026, 3, 10), tick=False):
        yield


def _create(registry, actor=None, **overrides):
    data = {
        "actor": actor or registry.officer,
        "full_name": "Phạm Thị Đào",
        "category": PersonnelCategory.PUBLIC_EMPLOYEE,
        "organization": registry.investment,
        "start_date": date(2020, 1, 1),
        "gender": "female",
        "date_of_birth": date(1990, 2, 3),
    }
    return person_create(**(data | overrides))


@pytest.mark.parametrize(
    ("date_of_birth", "message"),
    [
        (TODAY + timedelta(days=1), "Ngày sinh không được sau ngày hôm nay."),
        (date(2011, 3, 11), "Người lao động phải từ đủ 15 tuổi"),  # 14 years old today
        (date(1925, 3, 9), "hơn 100 tuổi"),
    ],
)
def test_implausible_birth_dates_are_refused(registry, date_of_birth, message):
    """A birth in the future, under 15 or over 100 years ago is refused on the field."""
    with pytest.raises(ApplicationError) as exc:
        _create(registry, date_of_birth=date_of_birth)
    assert message in exc.value.fields["date_of_birth"][0]
    assert not Person.objects.filter(full_name="Phạm Thị Đào").exists()
    with pytest.raises(ApplicationError) as exc:
        person_update(actor=registry.officer, person=registry.duc, date_of_birth=date_of_birth)
    assert message in exc.value.fields["date_of_birth"][0]


def test_the_limits_of_working_age_are_accepted(registry):
    """Exactly 15 today, or exactly 100, is a plausible age."""
    assert _create(registry, date_of_birth=date(2011, 3, 10)).pk
    person_update(actor=registry.officer, person=registry.duc, date_of_birth=date(1926, 3, 10))


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (date(1944, 12, 31), "không được trước năm 1945"),
        (date(2028, 1, 1), "không được sau năm 2027"),  # next year is 2027
    ],
)
def test_post_dates_outside_1945_to_next_year_are_refused(registry, start, message):
    """A first post, a transfer and a correction all refuse dates before 1945 or after next
    year (a typo such as 2062 for 2026)."""
    with pytest.raises(ApplicationError) as exc:
        _create(
            registry,
            start_date=start,
            date_of_birth=date(1927, 1, 1),  # 99 today, 17 in 1944
        )
    assert message in exc.value.fields["start_date"][0]
    with pytest.raises(ApplicationError) as exc:
        employment_add(
            actor=registry.officer,
            person=registry.duc,
            organization=registry.centre,
            start_date=start,
            close_current=False,
        )
    assert message in exc.value.fields["start_date"][0]
    post = registry.duc.employments.get()
    with pytest.raises(ApplicationError) as exc:
        employment_update(actor=registry.officer, employment=post, start_date=start)
    assert message in exc.value.fields["start_date"][0]


def test_a_post_may_start_during_next_year(registry):
    """A transfer decided for next year is recorded."""
    post = employment_add(
        actor=registry.officer,
        person=registry.duc,
        organization=registry.centre,
        start_date=date(2027, 12, 31),
    )
    assert post.start_date == date(2027, 12, 31)


def test_end_before_start_is_explained_in_vietnamese(registry):
    """An end date before the start date is refused on the end date, in words."""
    post = registry.duc.employments.get()
    with pytest.raises(ApplicationError) as exc:
        employment_update(actor=registry.officer, employment=post, end_date=date(2018, 6, 30))
    assert exc.value.fields["end_date"] == ["Đến ngày không được trước Từ ngày (01/07/2018)."]
    with pytest.raises(ApplicationError) as exc:
        employment_add(
            actor=registry.officer,
            person=registry.duc,
            organization=registry.centre,
            start_date=date(2025, 1, 1),
            end_date=date(2024, 1, 1),
            close_current=False,
        )
    assert exc.value.fields["end_date"] == ["Đến ngày không được trước Từ ngày (01/01/2025)."]
    post.refresh_from_db()
    assert post.end_date is None


def test_a_transfer_to_a_post_already_ended_is_refused(registry):
    """Closing the current post for a new post that has already ended would leave the person
    with no post at all (and out of their unit's sight): refused."""
    with pytest.raises(ApplicationError) as exc:
        employment_add(
            actor=registry.officer,
            person=registry.duc,
            organization=registry.centre,
            start_date=date(2024, 1, 1),
            end_date=date(2025, 1, 1),
            close_current=True,
        )
    assert "end_date" in exc.value.fields
    assert registry.duc.employments.get().end_date is None


def test_web_creation_with_a_future_start_lands_on_a_page_the_creator_may_see(registry):
    """The head of investment adds someone who starts next month: one person is saved, the
    answer is a success that leads to a page they may open, never 403 or 404."""
    client = Client()
    client.force_login(registry.investment_head)
    response = client.post(
        reverse("organizations:person-create"),
        {
            "full_name": "Đỗ Thị Mai",
            "gender": "female",
            "date_of_birth": "1992-06-15",
            "nationality": "VN",
            "category": "civil_servant",
            "organization": registry.investment.pk,
            "start_date": "2026-04-01",
        },
        follow=True,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đã thêm Đỗ Thị Mai" in body
    assert "01/04/2026" in body
    assert Person.objects.filter(full_name="Đỗ Thị Mai").count() == 1
    person = Person.objects.get(full_name="Đỗ Thị Mai")
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.PERSON_CREATED, object_id=str(person.uuid)
    ).exists()


def test_api_creation_with_a_future_start_answers_201_with_the_person(registry):
    """The API answers the creation itself (201 and the person), not a 404 from a re-read."""
    client = APIClient()
    client.force_authenticate(user=registry.investment_head)
    response = client.post(
        "/api/v1/people/",
        {
            "full_name": "Đỗ Thị Mai",
            "category": "civil_servant",
            "organization": str(registry.investment.uuid),
            "start_date": "2026-04-01",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["full_name"] == "Đỗ Thị Mai"
    assert body["employments"][0]["start_date"] == "2026-04-01"
    assert Employment.objects.filter(person__full_name="Đỗ Thị Mai").count() == 1
