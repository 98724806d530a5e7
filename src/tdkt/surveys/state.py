"""What a survey's state means on a given day, and the state of a response's answers.

Whether a survey takes answers is computed on read (decision 0506's way): an open survey
takes them from ``opens_on`` to ``closes_on`` included, without a job that closes it at
midnight; closing it is the officer's act (``survey_close``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from tdkt.surveys.constants import QuestionKind, SurveyState
from tdkt.surveys.models import Question, Response, Survey


def accepting_answers(survey: Survey, today: date | None = None) -> bool:
    """Return True when enterprises may answer ``survey`` (or change their answers) today."""
    day = today or timezone.localdate()
    return survey.state == SurveyState.OPEN and survey.opens_on <= day <= survey.closes_on


def survey_questions(survey: Survey) -> list[Question]:
    """Return the survey's questions in the order they are asked (by group, then position)."""
    return list(
        Question.objects.filter(section__survey=survey)
        .select_related("section")
        .order_by("section__position", "position")
    )


def answers_state(questions: list[Question], response: Response | None) -> dict[str, Any]:
    """Return the answers as the form shows them: each question's field name to its rating
    (or None) or text (or ""). Its fingerprint is the response's version (decision 0814)."""
    stored = {} if response is None else {a.question_id: a for a in response.answers.all()}
    state: dict[str, Any] = {}
    for question in questions:
        answer = stored.get(question.pk)
        if question.kind == QuestionKind.RATING:
            state[question.field_name] = None if answer is None else answer.rating
        else:
            state[question.field_name] = "" if answer is None else answer.text
    return state
