"""Answering: one response per enterprise, ratings required, texts bounded, changes until the
close date, another representative's change never silently overwritten, audit."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import history_for
from tdkt.core.errors import (
    ApplicationError,
    ConflictError,
    PermissionDeniedError,
    StaleVersionError,
)
from tdkt.core.versions import fingerprint
from tdkt.surveys.constants import MAX_ANSWER_TEXT
from tdkt.surveys.models import Answer, Response
from tdkt.surveys.services import response_save, survey_close
from tdkt.surveys.state import answers_state, survey_questions

from .conftest import SurveyWorld, answers

pytestmark = pytest.mark.django_db


def _version(sw: SurveyWorld) -> str:
    response = Response.objects.filter(survey=sw.survey, enterprise=sw.registry.enterprise).first()
    return fingerprint(answers_state(survey_questions(sw.survey), response))


def test_enterprise_answers_once_and_it_is_audited(sw: SurveyWorld) -> None:
    rep = sw.registry.enterprise_rep
    response = response_save(
        actor=rep,
        survey=sw.survey,
        answers=answers(sw, text=" Cần thêm tập huấn "),
        expected_version=_version(sw),
    )
    assert response.enterprise == sw.registry.enterprise
    ratings = dict(Answer.objects.filter(response=response).values_list("question_id", "rating"))
    assert ratings[sw.procedures.pk] == 4 and ratings[sw.speed.pk] == 5
    assert Answer.objects.get(response=response, question=sw.comment).text == "Cần thêm tập huấn"
    event = history_for(response).get()
    assert event.event_type == AuditEventType.SURVEY_RESPONSE_SUBMITTED
    # The audit text of a response never names the enterprise (leaders see the trail).
    assert sw.registry.enterprise.name not in event.object_repr


def test_second_save_changes_the_same_response(sw: SurveyWorld) -> None:
    rep = sw.registry.enterprise_rep
    first = response_save(
        actor=rep, survey=sw.survey, answers=answers(sw), expected_version=_version(sw)
    )
    again = response_save(
        actor=rep, survey=sw.survey, answers=answers(sw, a=2), expected_version=_version(sw)
    )
    assert again.pk == first.pk
    assert Response.objects.filter(survey=sw.survey).count() == 1
    assert Answer.objects.get(response=first, question=sw.procedures).rating == 2
    changed = history_for(first).first()
    assert changed is not None and changed.event_type == AuditEventType.SURVEY_RESPONSE_CHANGED
    assert list(changed.changes.values()) == [[4, 2]]


def test_every_rating_is_required(sw: SurveyWorld) -> None:
    missing = answers(sw)
    missing[sw.speed.field_name] = None
    with pytest.raises(ApplicationError) as caught:
        response_save(
            actor=sw.registry.enterprise_rep,
            survey=sw.survey,
            answers=missing,
            expected_version=None,
        )
    assert list(caught.value.fields) == [sw.speed.field_name]
    assert not Response.objects.exists()


@pytest.mark.parametrize("bad", [0, 6, "năm", "4.5"])
def test_ratings_outside_one_to_five_are_refused(sw: SurveyWorld, bad: object) -> None:
    values = answers(sw)
    values[sw.procedures.field_name] = bad
    with pytest.raises(ApplicationError):
        response_save(
            actor=sw.registry.enterprise_rep,
            survey=sw.survey,
            answers=values,
            expected_version=None,
        )
    assert not Response.objects.exists()


def test_free_text_is_optional_and_bounded(sw: SurveyWorld) -> None:
    with pytest.raises(ApplicationError) as caught:
        response_save(
            actor=sw.registry.enterprise_rep,
            survey=sw.survey,
            answers=answers(sw, text="x" * (MAX_ANSWER_TEXT + 1)),
            expected_version=None,
        )
    assert sw.comment.field_name in caught.value.fields
    assert not Response.objects.exists()


@pytest.mark.parametrize("who", ["officer", "leader", "investment_head", "viewer", "admin"])
def test_only_enterprise_representatives_answer(sw: SurveyWorld, who: str) -> None:
    with pytest.raises(PermissionDeniedError):
        response_save(
            actor=getattr(sw.registry, who),
            survey=sw.survey,
            answers=answers(sw),
            expected_version=None,
        )
    assert not Response.objects.exists()


def test_a_representative_cannot_answer_for_another_enterprise(sw: SurveyWorld) -> None:
    with pytest.raises(PermissionDeniedError):
        response_save(
            actor=sw.registry.enterprise_rep,
            survey=sw.survey,
            answers=answers(sw),
            expected_version=None,
            enterprise=sw.other,
        )


def test_two_representatives_of_one_enterprise_do_not_overwrite_each_other(sw: SurveyWorld) -> None:
    """Both open the empty form; the first sends; the second's send is refused (412) and the
    first one's answers stay."""
    seen = _version(sw)
    response_save(
        actor=sw.registry.enterprise_rep,
        survey=sw.survey,
        answers=answers(sw, a=5),
        expected_version=seen,
    )
    with pytest.raises(StaleVersionError):
        response_save(
            actor=sw.colleague, survey=sw.survey, answers=answers(sw, a=1), expected_version=seen
        )
    assert Answer.objects.get(question=sw.procedures).rating == 5
    # Drawn again from the current answers, the colleague's change goes through.
    response_save(
        actor=sw.colleague,
        survey=sw.survey,
        answers=answers(sw, a=1),
        expected_version=_version(sw),
    )
    assert Answer.objects.get(question=sw.procedures).rating == 1


def test_stale_change_of_an_existing_response_says_who_changed_it(sw: SurveyWorld) -> None:
    response_save(
        actor=sw.registry.enterprise_rep,
        survey=sw.survey,
        answers=answers(sw),
        expected_version=None,
    )
    seen = _version(sw)
    response_save(
        actor=sw.colleague, survey=sw.survey, answers=answers(sw, b=1), expected_version=seen
    )
    with pytest.raises(StaleVersionError, match="saomai_rep2"):
        response_save(
            actor=sw.registry.enterprise_rep,
            survey=sw.survey,
            answers=answers(sw, c=1),
            expected_version=seen,
        )
    assert Answer.objects.get(question=sw.support).rating == 3


def test_no_answer_after_closing(sw: SurveyWorld) -> None:
    survey_close(actor=sw.registry.officer, survey=sw.survey, expected_version=None)
    with pytest.raises(ConflictError):
        response_save(
            actor=sw.registry.enterprise_rep,
            survey=sw.survey,
            answers=answers(sw),
            expected_version=None,
        )


def test_no_answer_to_a_draft(draft: SurveyWorld) -> None:
    with pytest.raises(ConflictError):
        response_save(
            actor=draft.registry.enterprise_rep,
            survey=draft.survey,
            answers=answers(draft),
            expected_version=None,
        )


def test_no_answer_after_the_close_date_even_if_still_open(sw: SurveyWorld) -> None:
    """The close date ends the answers by itself: no job needs to close the survey first."""
    day_after = datetime.combine(
        sw.survey.closes_on + timedelta(days=1), time(9), tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")
    )
    with time_machine.travel(day_after, tick=False), pytest.raises(ConflictError):
        response_save(
            actor=sw.registry.enterprise_rep,
            survey=sw.survey,
            answers=answers(sw),
            expected_version=None,
        )
    assert not Response.objects.exists()
