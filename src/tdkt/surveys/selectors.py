"""Actor-scoped reads of surveys, questions and answers (decision 0813).

* officers and administrators see every survey, drafts included, and every response;
* leaders see the surveys opened at least once (not drafts) and their results only;
* an enterprise representative sees the open surveys and those their enterprise answered,
  and only their own enterprise's response;
* anyone else sees no survey: every lookup answers "not found".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible
from tdkt.commendations.selectors.work import WorkItem
from tdkt.surveys.constants import SurveyState
from tdkt.surveys.models import Question, Response, Section, Survey
from tdkt.surveys.permissions import answering_enterprise, can_manage, can_read_results
from tdkt.surveys.state import accepting_answers, survey_questions


def survey_list(*, actor: Any) -> QuerySet[Survey]:
    """Return the surveys the actor may see, newest year first."""
    surveys = Survey.objects.all()
    if can_manage(actor):
        return surveys
    if can_read_results(actor):
        return surveys.exclude(state=SurveyState.DRAFT)
    enterprise = answering_enterprise(actor)
    if enterprise is None:
        return surveys.none()
    answered = Response.objects.filter(survey=OuterRef("pk"), enterprise=enterprise)
    # An open survey whose first day is still ahead is listed too: its invitation was sent
    # when it was opened, and its page says from when it takes answers.
    return surveys.filter(Q(state=SurveyState.OPEN) | Q(Exists(answered))).exclude(
        state=SurveyState.DRAFT
    )


def survey_get(*, actor: Any, uuid: UUID | str) -> Survey:
    """Return a survey the actor may see; any other answers "not found"."""
    return get_visible(
        Survey.objects.all(),
        uuid=uuid,
        visible=lambda s: survey_list(actor=actor).filter(pk=s.pk).exists(),
        message=_("Không tìm thấy khảo sát."),
    )


def section_get(*, actor: Any, uuid: UUID | str) -> Section:
    """Return a group of questions of a survey the actor manages."""
    return get_visible(
        Section.objects.select_related("survey"),
        uuid=uuid,
        visible=lambda s: can_manage(actor),
        message=_("Không tìm thấy nhóm câu hỏi."),
    )


def question_get(*, actor: Any, uuid: UUID | str) -> Question:
    """Return a question of a survey the actor manages."""
    return get_visible(
        Question.objects.select_related("section__survey"),
        uuid=uuid,
        visible=lambda q: can_manage(actor),
        message=_("Không tìm thấy câu hỏi."),
    )


@dataclass
class NumberedQuestion:
    number: int
    question: Question


@dataclass
class OutlineSection:
    section: Section
    questions: list[NumberedQuestion] = field(default_factory=list)


def survey_outline(survey: Survey) -> list[OutlineSection]:
    """Return the survey's groups with their questions, numbered across the whole survey.

    Callers have read ``survey`` through ``survey_get``.
    """
    sections = survey.sections.order_by("position").prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("position"))
    )
    outline, number = [], 0
    for section in sections:
        entry = OutlineSection(section)
        for question in section.questions.all():
            number += 1
            entry.questions.append(NumberedQuestion(number, question))
        outline.append(entry)
    return outline


def own_response(*, actor: Any, survey: Survey) -> Response | None:
    """Return the response of the actor's enterprise to ``survey``, or None (also for anyone
    who answers for no enterprise)."""
    enterprise = answering_enterprise(actor)
    if enterprise is None:
        return None
    return (
        Response.objects.filter(survey=survey, enterprise=enterprise)
        .select_related("submitted_by", "updated_by")
        .prefetch_related("answers")
        .first()
    )


def questions_of(survey: Survey) -> list[Question]:
    """Return the questions of a survey read through ``survey_get``, in order."""
    return survey_questions(survey)


def response_counts(*, actor: Any, surveys: list[Survey]) -> dict[int, int]:
    """Return how many enterprises answered each survey (for those who read results)."""
    if not can_read_results(actor) or not surveys:
        return {}
    counts: dict[int, int] = {}
    rows = Response.objects.filter(survey__in=surveys).values_list("survey_id", flat=True)
    for survey_id in rows:
        counts[survey_id] = counts.get(survey_id, 0) + 1
    return counts


def answered_ids(*, actor: Any, surveys: list[Survey]) -> set[int]:
    """Return the ids of the surveys the actor's enterprise has answered."""
    enterprise = answering_enterprise(actor)
    if enterprise is None or not surveys:
        return set()
    return set(
        Response.objects.filter(survey__in=surveys, enterprise=enterprise).values_list(
            "survey_id", flat=True
        )
    )


def survey_work(*, actor: Any) -> list[WorkItem]:
    """The dashboard's waiting work about surveys: for an enterprise, the open surveys it
    has not answered; for an officer, the surveys open now."""
    url = reverse("surveys:survey-list")
    enterprise = answering_enterprise(actor)
    if enterprise is not None:
        today = timezone.localdate()
        waiting = [
            s
            for s in survey_list(actor=actor).filter(state=SurveyState.OPEN)
            if accepting_answers(s, today)
        ]
        answered = answered_ids(actor=actor, surveys=waiting)
        count = sum(1 for s in waiting if s.pk not in answered)
        return (
            [WorkItem(_("Khảo sát mức độ hài lòng chờ doanh nghiệp trả lời"), count, url)]
            if count
            else []
        )
    if can_manage(actor):
        count = Survey.objects.filter(state=SurveyState.OPEN).count()
        return [WorkItem(_("Khảo sát mức độ hài lòng đang mở"), count, url)] if count else []
    return []
