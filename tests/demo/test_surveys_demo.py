"""The demo's satisfaction surveys: last year's closed with most enterprises' answers, this
year's open with some, loaded through the services and not loaded twice."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.demo.services import demo_data_load
from tdkt.surveys.constants import SurveyState
from tdkt.surveys.models import Response, Survey
from tdkt.surveys.results import survey_results

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_last_years_survey_is_closed_with_most_enterprises_answers(seeded) -> None:
    year = timezone.localdate().year - 1
    survey = Survey.objects.get(year=year)
    assert survey.state == SurveyState.CLOSED
    results = survey_results(actor=User.objects.get(username="lanhdao"), survey=survey)
    assert results.in_scope == 30 and results.answered == 26
    assert results.index is not None and 50 < results.index < 100
    assert results.comments and {c.enterprise for c in results.comments} == {None}
    # Answered on last year's days, through the service (one audit event per response).
    response = Response.objects.filter(survey=survey).earliest("submitted_at")
    assert response.submitted_at.year == year
    assert (
        AuditEvent.objects.filter(event_type=AuditEventType.SURVEY_RESPONSE_SUBMITTED).count()
        == Response.objects.count()
    )


def test_this_years_survey_is_open_and_waits_for_the_demo_enterprise(seeded) -> None:
    survey = Survey.objects.get(year=timezone.localdate().year)
    assert survey.state == SurveyState.OPEN
    assert survey.copied_from is not None
    assert 0 < survey.responses.count() < 30
    client = Client()
    client.force_login(User.objects.get(username="doanhnghiep"))
    page = client.get(reverse("web:dashboard")).content.decode()
    assert "Khảo sát mức độ hài lòng chờ doanh nghiệp trả lời" in page
    form = client.get(reverse("surveys:survey-answer", kwargs={"uuid": survey.uuid}))
    assert "Gửi phiếu khảo sát" in form.content.decode()


def test_second_load_adds_no_survey(seeded) -> None:
    before = (Survey.objects.count(), Response.objects.count())
    report = demo_data_load()
    assert not report.loaded
    assert (Survey.objects.count(), Response.objects.count()) == before
