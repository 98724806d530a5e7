"""Writes of surveys, their sections and questions, and their states.

Each: permission → validate → save → ``audit.record()`` in one transaction. A write drawn
from an older page (``expected_version``) is refused (412) instead of overwriting another
officer's change.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.notifications.services import notify
from tdkt.organizations.constants import OrganizationKind
from tdkt.surveys.constants import (
    MAX_INTRODUCTION,
    MAX_QUESTION,
    MAX_SECTION_TITLE,
    MAX_TITLE,
    QuestionKind,
    SurveyState,
)
from tdkt.surveys.models import Question, Section, Survey
from tdkt.surveys.permissions import ensure_can_manage

from .common import (
    bump,
    check_dates,
    check_not_past,
    check_version,
    check_year,
    lock_survey,
    moment,
    require_draft,
    shown,
    text_value,
)

SURVEY_FIELDS = ("name", "year", "opens_on", "closes_on", "introduction")


def _clean_header(
    *, name: str, year: int, opens_on: date, closes_on: date, introduction: str
) -> dict[str, Any]:
    check_year(year)
    check_dates(opens_on, closes_on)
    return {
        "name": text_value(name, "name", required=True, limit=MAX_TITLE),
        "year": year,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "introduction": text_value(
            introduction, "introduction", required=False, limit=MAX_INTRODUCTION, multiline=True
        ),
    }


@transaction.atomic
def survey_create(
    *,
    actor: Any,
    name: str,
    year: int,
    opens_on: date,
    closes_on: date,
    introduction: str = "",
) -> Survey:
    """Start a draft survey; its questions are added next."""
    ensure_can_manage(actor)
    values = _clean_header(
        name=name, year=year, opens_on=opens_on, closes_on=closes_on, introduction=introduction
    )
    survey = Survey.objects.create(**values, created_by=actor)
    record(
        event_type=AuditEventType.SURVEY_CREATED,
        actor=actor,
        obj=survey,
        changes=diff({}, snapshot(survey, SURVEY_FIELDS)),
    )
    return survey


@transaction.atomic
def survey_update(
    *,
    actor: Any,
    survey: Survey,
    expected_version: int | None,
    name: str,
    year: int,
    opens_on: date,
    closes_on: date,
    introduction: str = "",
) -> Survey:
    """Change the name, year, dates or introduction of a draft survey."""
    ensure_can_manage(actor)
    values = _clean_header(
        name=name, year=year, opens_on=opens_on, closes_on=closes_on, introduction=introduction
    )
    survey = lock_survey(survey)
    check_version(survey, expected_version)
    require_draft(survey)
    before = snapshot(survey, SURVEY_FIELDS)
    for name, value in values.items():
        setattr(survey, name, value)
    changes = diff(before, snapshot(survey, SURVEY_FIELDS))
    if not changes:
        return survey
    bump(survey, *SURVEY_FIELDS)
    record(event_type=AuditEventType.SURVEY_UPDATED, actor=actor, obj=survey, changes=changes)
    return survey


def _next_year_day(day: date) -> date:
    """The same day a year later (28 February for a 29 February)."""
    last = calendar.monthrange(day.year + 1, day.month)[1]
    return day.replace(year=day.year + 1, day=min(day.day, last))


@transaction.atomic
def survey_copy(*, actor: Any, source: Survey) -> Survey:
    """Start next year's draft from ``source``: its texts, sections and questions, its dates
    a year later; the name's year, when it names it, becomes the new year."""
    ensure_can_manage(actor)
    year = source.year + 1
    if year > 2100:
        raise ApplicationError(_("Năm không hợp lệ."))
    survey = Survey.objects.create(
        name=source.name.replace(str(source.year), str(year)),
        year=year,
        opens_on=_next_year_day(source.opens_on),
        closes_on=_next_year_day(source.closes_on),
        introduction=source.introduction.replace(str(source.year), str(year)),
        copied_from=source,
        created_by=actor,
    )
    sections = list(source.sections.prefetch_related("questions").order_by("position"))
    for section in sections:
        copy = Section.objects.create(survey=survey, position=section.position, title=section.title)
        Question.objects.bulk_create(
            Question(section=copy, position=q.position, text=q.text, kind=q.kind)
            for q in section.questions.all()
        )
    record(
        event_type=AuditEventType.SURVEY_COPIED,
        actor=actor,
        obj=survey,
        changes={
            **diff({}, snapshot(survey, SURVEY_FIELDS)),
            "copied_from": [None, source.name],
            "questions": [None, sum(len(s.questions.all()) for s in sections)],
        },
    )
    return survey


@transaction.atomic
def section_add(*, actor: Any, survey: Survey, title: str, expected_version: int | None) -> Section:
    """Add a group of questions at the end of a draft survey."""
    ensure_can_manage(actor)
    title = text_value(title, "title", required=True, limit=MAX_SECTION_TITLE)
    survey = lock_survey(survey)
    check_version(survey, expected_version)
    require_draft(survey)
    last = survey.sections.aggregate(last=Max("position"))["last"] or 0
    section = Section.objects.create(survey=survey, position=last + 1, title=title)
    bump(survey)
    record(
        event_type=AuditEventType.SURVEY_SECTION_ADDED,
        actor=actor,
        obj=survey,
        changes={"section": [None, title]},
    )
    return section


@transaction.atomic
def section_remove(*, actor: Any, section: Section, expected_version: int | None) -> None:
    """Remove a group and its questions from a draft survey."""
    ensure_can_manage(actor)
    survey = lock_survey(section.survey)
    check_version(survey, expected_version)
    require_draft(survey)
    questions = [q.text for q in section.questions.order_by("position")]
    title = section.title
    section.delete()
    bump(survey)
    record(
        event_type=AuditEventType.SURVEY_SECTION_REMOVED,
        actor=actor,
        obj=survey,
        changes={"section": [title, None], "questions": [questions, None]},
    )


@transaction.atomic
def question_add(
    *, actor: Any, section: Section, text: str, kind: str, expected_version: int | None
) -> Question:
    """Add a question at the end of a group of a draft survey."""
    ensure_can_manage(actor)
    text = text_value(text, "text", required=True, limit=MAX_QUESTION)
    if kind not in QuestionKind.values:
        message = _("Loại câu hỏi không hợp lệ.")
        raise ApplicationError(message, fields={"kind": [message]})
    survey = lock_survey(section.survey)
    check_version(survey, expected_version)
    require_draft(survey)
    last = section.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question.objects.create(section=section, position=last + 1, text=text, kind=kind)
    bump(survey)
    record(
        event_type=AuditEventType.SURVEY_QUESTION_ADDED,
        actor=actor,
        obj=survey,
        changes={"question": [None, text], "kind": [None, kind]},
    )
    return question


@transaction.atomic
def question_update(
    *, actor: Any, question: Question, text: str, kind: str, expected_version: int | None
) -> Question:
    """Change the wording or kind of a question of a draft survey."""
    ensure_can_manage(actor)
    text = text_value(text, "text", required=True, limit=MAX_QUESTION)
    if kind not in QuestionKind.values:
        message = _("Loại câu hỏi không hợp lệ.")
        raise ApplicationError(message, fields={"kind": [message]})
    survey = lock_survey(question.section.survey)
    check_version(survey, expected_version)
    require_draft(survey)
    before = snapshot(question, ("text", "kind"))
    question.text, question.kind = text, kind
    changes = diff(before, snapshot(question, ("text", "kind")))
    if not changes:
        return question
    question.save(update_fields=["text", "kind"])
    bump(survey)
    record(
        event_type=AuditEventType.SURVEY_QUESTION_UPDATED,
        actor=actor,
        obj=survey,
        changes=changes,
    )
    return question


@transaction.atomic
def question_move(
    *, actor: Any, question: Question, up: bool, expected_version: int | None
) -> Question:
    """Swap a question of a draft with the one above (``up``) or below it in its group."""
    ensure_can_manage(actor)
    survey = lock_survey(question.section.survey)
    check_version(survey, expected_version)
    require_draft(survey)
    siblings = question.section.questions.order_by("position")
    neighbour = (
        siblings.filter(position__lt=question.position).last()
        if up
        else siblings.filter(position__gt=question.position).first()
    )
    if neighbour is None:
        return question
    mine, theirs = question.position, neighbour.position
    # Positions are unique in a group: park one question at 0 while the other moves.
    question.position = 0
    question.save(update_fields=["position"])
    neighbour.position = mine
    neighbour.save(update_fields=["position"])
    question.position = theirs
    question.save(update_fields=["position"])
    bump(survey)
    record(
        event_type=AuditEventType.SURVEY_QUESTION_MOVED,
        actor=actor,
        obj=survey,
        changes={"question": [None, question.text], "position": [mine, theirs]},
    )
    return question


@transaction.atomic
def question_remove(*, actor: Any, question: Question, expected_version: int | None) -> None:
    """Remove a question from a draft survey."""
    ensure_can_manage(actor)
    survey = lock_survey(question.section.survey)
    check_version(survey, expected_version)
    require_draft(survey)
    text = question.text
    question.delete()
    bump(survey)
    record(
        event_type=AuditEventType.SURVEY_QUESTION_REMOVED,
        actor=actor,
        obj=survey,
        changes={"question": [text, None]},
    )


@transaction.atomic
def survey_open(
    *, actor: Any, survey: Survey, expected_version: int | None, today: date | None = None
) -> Survey:
    """Open a draft to the enterprises: its questions are fixed from now on.

    It needs at least one rating question and a close date not yet past (``today``: the
    demo's and tests' day; the screens leave it to the clock).
    """
    ensure_can_manage(actor)
    survey = lock_survey(survey)
    check_version(survey, expected_version)
    require_draft(survey)
    if not Question.objects.filter(section__survey=survey, kind=QuestionKind.RATING).exists():
        raise ConflictError(_("Khảo sát cần ít nhất một câu hỏi chấm mức độ hài lòng."))
    check_not_past(survey.closes_on, today)
    survey.state = SurveyState.OPEN
    survey.opened_at = moment(today)
    bump(survey, "state", "opened_at")
    record(
        event_type=AuditEventType.SURVEY_OPENED,
        actor=actor,
        obj=survey,
        changes={"state": [SurveyState.DRAFT, SurveyState.OPEN]},
    )
    _announce(actor, survey)
    return survey


def _announce(actor: Any, survey: Survey) -> None:
    """Tell every enterprise representative that the survey awaits their answers (in the
    app and by e-mail), unless its last day has already passed (the demo's past surveys)."""
    if survey.closes_on < timezone.localdate():
        return
    representatives = User.objects.filter(
        is_active=True,
        role=Role.ENTERPRISE_REPRESENTATIVE,
        organization__kind=OrganizationKind.ENTERPRISE,
        organization__is_active=True,
    ).order_by("pk")
    notify(
        actor=actor,
        recipients=representatives,
        kind="survey.opened",
        title=_("Mời doanh nghiệp trả lời %(name)s") % {"name": survey.name},
        body=_(
            "Ban Quản lý mời doanh nghiệp cho biết mức độ hài lòng với các dịch vụ của Ban. "
            "Doanh nghiệp trả lời từ %(start)s đến hết %(end)s; câu trả lời được giữ kín."
        )
        % {"start": f"{survey.opens_on:%d/%m/%Y}", "end": f"{survey.closes_on:%d/%m/%Y}"},
        link=reverse("surveys:survey-answer", kwargs={"uuid": survey.uuid}),
    )


@transaction.atomic
def survey_change_close_date(
    *, actor: Any, survey: Survey, closes_on: date, expected_version: int | None
) -> Survey:
    """Move the close date of an open survey (extend it, or bring it forward)."""
    ensure_can_manage(actor)
    survey = lock_survey(survey)
    check_version(survey, expected_version)
    if survey.state != SurveyState.OPEN:
        raise ConflictError(_("Chỉ đổi được ngày kết thúc của khảo sát đang mở."))
    check_dates(survey.opens_on, closes_on)
    check_not_past(closes_on)
    before = survey.closes_on
    if before == closes_on:
        return survey
    survey.closes_on = closes_on
    bump(survey, "closes_on")
    record(
        event_type=AuditEventType.SURVEY_CLOSE_DATE_CHANGED,
        actor=actor,
        obj=survey,
        changes={"closes_on": [shown(before), shown(closes_on)]},
    )
    return survey


@transaction.atomic
def survey_close(
    *, actor: Any, survey: Survey, expected_version: int | None, today: date | None = None
) -> Survey:
    """Close an open survey, before its close date or after it: no answer changes any more."""
    ensure_can_manage(actor)
    survey = lock_survey(survey)
    check_version(survey, expected_version)
    if survey.state != SurveyState.OPEN:
        raise ConflictError(_("Khảo sát không ở trạng thái đang mở."))
    survey.state = SurveyState.CLOSED
    survey.closed_at = moment(today)
    bump(survey, "state", "closed_at")
    record(
        event_type=AuditEventType.SURVEY_CLOSED,
        actor=actor,
        obj=survey,
        changes={"state": [SurveyState.OPEN, SurveyState.CLOSED]},
    )
    return survey


@transaction.atomic
def survey_reopen(
    *,
    actor: Any,
    survey: Survey,
    closes_on: date,
    reason: str,
    expected_version: int | None,
) -> Survey:
    """Open a closed survey again until ``closes_on``, for a stated reason (decision 0812).

    Never silent: the reason and the new close date are recorded in the audit trail and
    shown on the survey's page.
    """
    ensure_can_manage(actor)
    reason = text_value(reason, "reason", required=True, limit=MAX_INTRODUCTION, multiline=True)
    survey = lock_survey(survey)
    check_version(survey, expected_version)
    if survey.state != SurveyState.CLOSED:
        raise ConflictError(_("Chỉ mở lại được khảo sát đã đóng."))
    check_dates(survey.opens_on, closes_on)
    check_not_past(closes_on)
    before = survey.closes_on
    survey.state = SurveyState.OPEN
    survey.closes_on = closes_on
    survey.closed_at = None
    bump(survey, "state", "closes_on", "closed_at")
    record(
        event_type=AuditEventType.SURVEY_REOPENED,
        actor=actor,
        obj=survey,
        changes={
            "state": [SurveyState.CLOSED, SurveyState.OPEN],
            "closes_on": [shown(before), shown(closes_on)],
            "reason": [None, reason],
        },
    )
    return survey
