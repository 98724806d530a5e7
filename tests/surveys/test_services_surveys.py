"""Writing surveys: officers only, questions fixed once open, states, copies, audit, versions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import history_for
from tdkt.core.errors import (
    ApplicationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    StaleVersionError,
)
from tdkt.notifications.models import Notification
from tdkt.surveys.constants import QuestionKind, SurveyState
from tdkt.surveys.models import Question, Survey
from tdkt.surveys.services import (
    question_add,
    question_move,
    question_remove,
    question_update,
    section_add,
    survey_change_close_date,
    survey_close,
    survey_copy,
    survey_create,
    survey_open,
    survey_reopen,
    survey_update,
)
from tests.builders import Registry

from .conftest import SurveyWorld

pytestmark = pytest.mark.django_db


def _events(obj) -> list[str]:
    return [e.event_type for e in history_for(obj)]


def test_officer_creates_a_draft_and_it_is_audited(registry: Registry) -> None:
    survey = survey_create(
        actor=registry.officer,
        name="  Khảo sát   năm 2026 ",
        year=2026,
        opens_on=date(2026, 11, 1),
        closes_on=date(2026, 11, 30),
    )
    assert survey.state == SurveyState.DRAFT
    assert survey.name == "Khảo sát năm 2026"
    assert _events(survey) == [AuditEventType.SURVEY_CREATED]


@pytest.mark.parametrize(
    "who", ["leader", "investment_head", "enterprise_rep", "viewer", "council"]
)
def test_only_officers_write_surveys(registry: Registry, who: str) -> None:
    # Refused: 403 for those who read surveys, 404 for those who have no survey page at all.
    with pytest.raises((PermissionDeniedError, NotFoundError)):
        survey_create(
            actor=getattr(registry, who),
            name="Khảo sát",
            year=2026,
            opens_on=date(2026, 11, 1),
            closes_on=date(2026, 11, 30),
        )
    assert not Survey.objects.exists()


def test_close_date_before_open_date_is_refused_with_a_field_message(registry: Registry) -> None:
    with pytest.raises(ApplicationError) as caught:
        survey_create(
            actor=registry.officer,
            name="Khảo sát",
            year=2026,
            opens_on=date(2026, 11, 30),
            closes_on=date(2026, 11, 1),
        )
    assert "closes_on" in caught.value.fields
    assert not Survey.objects.exists()


def test_questions_change_only_while_draft(sw: SurveyWorld) -> None:
    officer = sw.registry.officer
    with pytest.raises(ConflictError):
        question_add(
            actor=officer,
            section=sw.procedures.section,
            text="Câu mới",
            kind=QuestionKind.RATING,
            expected_version=None,
        )
    with pytest.raises(ConflictError):
        question_update(
            actor=officer,
            question=sw.procedures,
            text="Đổi chữ",
            kind=QuestionKind.RATING,
            expected_version=None,
        )
    with pytest.raises(ConflictError):
        question_remove(actor=officer, question=sw.procedures, expected_version=None)
    sw.procedures.refresh_from_db()
    assert sw.procedures.text == "Thủ tục được hướng dẫn rõ ràng"


def test_a_stale_page_cannot_change_the_draft(draft: SurveyWorld) -> None:
    """Two officers on the same draft: the second save, drawn from the older version, fails."""
    officer = draft.registry.officer
    seen = draft.survey.version
    question_update(
        actor=officer,
        question=draft.procedures,
        text="Thủ tục được niêm yết công khai",
        kind=QuestionKind.RATING,
        expected_version=seen,
    )
    with pytest.raises(StaleVersionError):
        question_remove(actor=officer, question=draft.speed, expected_version=seen)
    assert Question.objects.filter(pk=draft.speed.pk).exists()


def test_opening_needs_a_rating_question(registry: Registry) -> None:
    today = timezone.localdate()
    survey = survey_create(
        actor=registry.officer, name="Khảo sát", year=today.year, opens_on=today, closes_on=today
    )
    section = section_add(
        actor=registry.officer, survey=survey, title="Chung", expected_version=None
    )
    question_add(
        actor=registry.officer,
        section=section,
        text="Ý kiến",
        kind=QuestionKind.TEXT,
        expected_version=None,
    )
    with pytest.raises(ConflictError, match="ít nhất một câu hỏi chấm"):
        survey_open(actor=registry.officer, survey=survey, expected_version=None)
    survey.refresh_from_db()
    assert survey.state == SurveyState.DRAFT


def test_draft_editing_is_refused_after_opening(sw: SurveyWorld) -> None:
    with pytest.raises(ConflictError):
        survey_update(
            actor=sw.registry.officer,
            survey=sw.survey,
            expected_version=None,
            name="Tên khác",
            year=sw.survey.year,
            opens_on=sw.survey.opens_on,
            closes_on=sw.survey.closes_on,
        )


def test_close_early_then_reopen_only_with_a_reason(sw: SurveyWorld) -> None:
    officer = sw.registry.officer
    survey = survey_close(actor=officer, survey=sw.survey, expected_version=sw.survey.version)
    assert survey.state == SurveyState.CLOSED and survey.closed_at is not None
    new_close = timezone.localdate() + timedelta(days=7)
    with pytest.raises(ApplicationError) as caught:
        survey_reopen(
            actor=officer, survey=survey, closes_on=new_close, reason="  ", expected_version=None
        )
    assert "reason" in caught.value.fields
    survey = survey_reopen(
        actor=officer,
        survey=survey,
        closes_on=new_close,
        reason="Nhiều doanh nghiệp xin thêm thời gian",
        expected_version=survey.version,
    )
    assert survey.state == SurveyState.OPEN and survey.closes_on == new_close
    reopened = history_for(survey).first()
    assert reopened is not None and reopened.event_type == AuditEventType.SURVEY_REOPENED
    assert reopened.changes["reason"] == [None, "Nhiều doanh nghiệp xin thêm thời gian"]


def test_close_date_can_move_but_not_into_the_past(sw: SurveyWorld) -> None:
    officer = sw.registry.officer
    with pytest.raises(ApplicationError):
        survey_change_close_date(
            actor=officer,
            survey=sw.survey,
            closes_on=timezone.localdate() - timedelta(days=1),
            expected_version=None,
        )
    later = timezone.localdate() + timedelta(days=60)
    survey = survey_change_close_date(
        actor=officer, survey=sw.survey, closes_on=later, expected_version=None
    )
    assert survey.closes_on == later
    assert AuditEventType.SURVEY_CLOSE_DATE_CHANGED in _events(survey)


def test_copy_of_last_year_is_a_draft_with_the_same_questions(sw: SurveyWorld) -> None:
    source = sw.survey
    copy = survey_copy(actor=sw.registry.officer, source=source)
    assert copy.state == SurveyState.DRAFT
    assert copy.year == source.year + 1
    assert str(copy.year) in copy.name and str(source.year) not in copy.name
    assert copy.opens_on.year == source.opens_on.year + 1
    texts = list(
        Question.objects.filter(section__survey=copy)
        .order_by("section__position", "position")
        .values_list("text", "kind")
    )
    assert texts == [
        ("Thủ tục được hướng dẫn rõ ràng", "rating"),
        ("Hồ sơ được giải quyết đúng hạn", "rating"),
        ("Cán bộ hỗ trợ nhiệt tình", "rating"),
        ("Góp ý khác", "text"),
    ]
    assert _events(copy) == [AuditEventType.SURVEY_COPIED]
    # The copy is a draft of its own: its questions change without touching the source.
    question = Question.objects.filter(section__survey=copy).first()
    assert question is not None
    question_remove(actor=sw.registry.officer, question=question, expected_version=None)
    assert Question.objects.filter(section__survey=source).count() == 4


def test_opening_tells_the_enterprise_representatives_only(sw: SurveyWorld) -> None:
    notices = Notification.objects.filter(kind="survey.opened")
    assert {n.recipient for n in notices} == {sw.registry.enterprise_rep}
    notice = notices.get()
    assert sw.survey.name in notice.title
    assert notice.link == f"/surveys/{sw.survey.uuid}/answer/"


def test_a_survey_opened_for_past_days_tells_nobody(draft: SurveyWorld) -> None:
    """The demo records last year's survey on last year's days: nobody is invited to it."""
    survey = draft.survey
    past = survey.closes_on + timedelta(days=-400)
    survey_update(
        actor=draft.registry.officer,
        survey=survey,
        expected_version=None,
        name=survey.name,
        year=survey.year - 1,
        opens_on=past,
        closes_on=past + timedelta(days=30),
    )
    survey_open(actor=None, survey=survey, expected_version=None, today=past)
    assert not Notification.objects.filter(kind="survey.opened").exists()


def test_questions_move_within_their_group_while_draft(draft: SurveyWorld) -> None:
    officer = draft.registry.officer
    question_move(actor=officer, question=draft.speed, up=True, expected_version=None)
    order = list(
        Question.objects.filter(section=draft.procedures.section)
        .order_by("position")
        .values_list("text", flat=True)
    )
    assert order == ["Hồ sơ được giải quyết đúng hạn", "Thủ tục được hướng dẫn rõ ràng"]
    moved = history_for(draft.survey).first()
    assert moved is not None and moved.event_type == AuditEventType.SURVEY_QUESTION_MOVED
    # The first question cannot go further up; nothing changes, nothing is recorded.
    draft.speed.refresh_from_db()
    question_move(actor=officer, question=draft.speed, up=True, expected_version=None)
    assert history_for(draft.survey).first() == moved
    with pytest.raises(PermissionDeniedError):
        question_move(
            actor=draft.registry.leader, question=draft.speed, up=False, expected_version=None
        )


def test_questions_do_not_move_once_open(sw: SurveyWorld) -> None:
    with pytest.raises(ConflictError):
        question_move(actor=sw.registry.officer, question=sw.speed, up=True, expected_version=None)
