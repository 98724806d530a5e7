"""An enterprise's answers: one response per enterprise and survey, changed until the close
date; a save drawn from answers someone else has changed since is refused (decision 0814)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError, StaleVersionError
from tdkt.core.versions import fingerprint
from tdkt.organizations.models import Organization
from tdkt.organizations.versions import ensure_version
from tdkt.surveys.constants import MAX_ANSWER_TEXT, QuestionKind, Rating
from tdkt.surveys.models import Answer, Question, Response, Survey
from tdkt.surveys.permissions import ensure_answers_for
from tdkt.surveys.state import accepting_answers, answers_state, survey_questions

from .common import moment, text_value

STALE_NEW = _(
    "Một người khác của doanh nghiệp vừa gửi phiếu này trước bạn. Chưa có gì được ghi; hãy "
    "xem các câu trả lời mới rồi lưu lại."
)


def _rating(question: Question, value: Any) -> int:
    try:
        rating = int(value)
    except (TypeError, ValueError):
        rating = 0
    if rating not in Rating.values:
        message = _("Hãy chọn một mức từ 1 đến 5 cho câu hỏi này.")
        raise ApplicationError(message, fields={question.field_name: [message]})
    return rating


def _clean(questions: list[Question], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Return the answers by field name, checked: every rating given, texts bounded."""
    known = {q.field_name for q in questions}
    unknown = [name for name in answers if name not in known]
    if unknown:
        raise ApplicationError(_("Phiếu có câu trả lời cho câu hỏi không thuộc khảo sát này."))
    cleaned: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for question in questions:
        value = answers.get(question.field_name)
        try:
            if question.kind == QuestionKind.RATING:
                cleaned[question.field_name] = _rating(question, value)
            else:
                cleaned[question.field_name] = text_value(
                    str(value or ""),
                    question.field_name,
                    required=False,
                    limit=MAX_ANSWER_TEXT,
                    multiline=True,
                )
        except ApplicationError as exc:
            errors |= exc.fields
    if errors:
        raise ApplicationError(
            _("Phiếu chưa gửi được: hãy trả lời đủ các câu hỏi chấm điểm."), fields=errors
        )
    return cleaned


def _labels(questions: list[Question]) -> dict[str, str]:
    """Name each answer in the audit trail by its question's number and words."""
    return {q.field_name: f"{n}. {q.text}" for n, q in enumerate(questions, start=1)}


@transaction.atomic
def response_save(
    *,
    actor: Any,
    survey: Survey,
    answers: Mapping[str, Any],
    expected_version: str | None,
    enterprise: Organization | None = None,
    today: date | None = None,
) -> Response:
    """Store the answers of the actor's enterprise, the first time or again until closing.

    ``answers`` maps each question's ``field_name`` to a rating (1–5) or a text.
    ``expected_version`` is the version (``core.versions.fingerprint`` of
    ``state.answers_state``) of the answers the form showed: when another representative
    of the same enterprise saved in between, nothing is written (412). ``today`` is the
    demo's and tests' day (the screens leave it to the clock).
    """
    enterprise = ensure_answers_for(actor, enterprise)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not accepting_answers(survey, today):
        raise ConflictError(_("Khảo sát không nhận trả lời: chưa mở hoặc đã kết thúc."))
    questions = survey_questions(survey)
    cleaned = _clean(questions, answers)
    now = moment(today)
    response = (
        Response.objects.select_for_update().filter(survey=survey, enterprise=enterprise).first()
    )
    if response is None:
        if expected_version is not None and expected_version != fingerprint(
            answers_state(questions, None)
        ):
            raise StaleVersionError(STALE_NEW)
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    survey=survey,
                    enterprise=enterprise,
                    submitted_by=actor,
                    submitted_at=now,
                    updated_by=actor,
                    updated_at=now,
                )
        except IntegrityError as exc:  # another representative sent it a moment ago
            raise StaleVersionError(STALE_NEW) from exc
        Answer.objects.bulk_create(_answer(response, q, cleaned[q.field_name]) for q in questions)
        labels = _labels(questions)
        record(
            event_type=AuditEventType.SURVEY_RESPONSE_SUBMITTED,
            actor=actor,
            obj=response,
            changes={labels[name]: [None, value] for name, value in cleaned.items()},
        )
        return response
    before = answers_state(questions, response)
    ensure_version(fingerprint(before), expected_version, audited=response)
    changed = [q for q in questions if before[q.field_name] != cleaned[q.field_name]]
    if not changed:
        return response
    stored = {a.question_id: a for a in response.answers.all()}
    for question in changed:
        answer = stored.get(question.pk)
        if answer is None:
            _answer(response, question, cleaned[question.field_name]).save()
            continue
        value = cleaned[question.field_name]
        answer.rating = value if question.kind == QuestionKind.RATING else None
        answer.text = value if question.kind == QuestionKind.TEXT else ""
        answer.save(update_fields=["rating", "text"])
    response.updated_by = actor
    response.updated_at = now
    response.save(update_fields=["updated_by", "updated_at"])
    labels = _labels(questions)
    record(
        event_type=AuditEventType.SURVEY_RESPONSE_CHANGED,
        actor=actor,
        obj=response,
        changes={
            labels[q.field_name]: [before[q.field_name], cleaned[q.field_name]] for q in changed
        },
    )
    return response


def _answer(response: Response, question: Question, value: Any) -> Answer:
    if question.kind == QuestionKind.RATING:
        return Answer(response=response, question=question, rating=value)
    return Answer(response=response, question=question, text=value)
