"""Screens of the officers: the list of surveys, a survey with its questions, its states."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError
from tdkt.surveys import permissions as perms
from tdkt.surveys.constants import QuestionKind, SurveyState
from tdkt.surveys.forms import (
    CloseDateForm,
    QuestionForm,
    ReopenForm,
    SectionForm,
    SurveyForm,
)
from tdkt.surveys.selectors import (
    answered_ids,
    question_get,
    response_counts,
    section_get,
    survey_get,
    survey_list,
    survey_outline,
)
from tdkt.surveys.services import (
    question_add,
    question_move,
    question_remove,
    question_update,
    section_add,
    section_remove,
    survey_change_close_date,
    survey_close,
    survey_copy,
    survey_create,
    survey_open,
    survey_reopen,
    survey_update,
)
from tdkt.surveys.state import accepting_answers
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.shortcuts import posted_version, show_error

HISTORY_LIMIT = 30


def _detail(survey_uuid: UUID) -> HttpResponse:
    return redirect("surveys:survey-detail", uuid=survey_uuid)


@web_view
def survey_list_view(request: HttpRequest) -> HttpResponse:
    """Officers: every survey; leaders: the surveys with results; an enterprise: the surveys
    it may answer and those it answered."""
    user = request.user
    perms.ensure_sees_surveys(user)
    surveys = list(survey_list(actor=user))
    today = timezone.localdate()
    counts = response_counts(actor=user, surveys=surveys)
    answered = answered_ids(actor=user, surveys=surveys)
    rows = [
        {
            "survey": s,
            "accepting": accepting_answers(s, today),
            "responses": counts.get(s.pk, 0),
            "answered": s.pk in answered,
        }
        for s in surveys
    ]
    return render(
        request,
        "surveys/survey_list.html",
        {
            "rows": rows,
            "today": today,
            "can_manage": perms.can_manage(user),
            "reads_results": perms.can_read_results(user),
            "enterprise": perms.answering_enterprise(user),
        },
    )


@web_view
def survey_create_view(request: HttpRequest) -> HttpResponse:
    """Start a draft survey (officers)."""
    perms.ensure_can_manage(request.user)
    if request.method == "POST":
        form = SurveyForm(request.POST)
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in SurveyForm.FIELDS}
            try:
                survey = survey_create(actor=request.user, **values)
            except ApplicationError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, _("Đã lập khảo sát. Hãy thêm nhóm câu hỏi và câu hỏi."))
                return _detail(survey.uuid)
    else:
        year = timezone.localdate().year
        form = SurveyForm(
            initial={
                "year": year,
                "name": _("Khảo sát mức độ hài lòng của doanh nghiệp năm %(year)s")
                % {"year": year},
            }
        )
    return render(request, "surveys/survey_form.html", {"form": form, "survey": None})


@web_view
def survey_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The survey's questions and, for officers, its editing, states and history."""
    survey = survey_get(actor=request.user, uuid=uuid)
    user = request.user
    if perms.answering_enterprise(user) is not None:
        return redirect("surveys:survey-answer", uuid=survey.uuid)
    manage = perms.can_manage(user)
    draft = survey.state == SurveyState.DRAFT
    today = timezone.localdate()
    context = {
        "survey": survey,
        "outline": survey_outline(survey),
        "accepting": accepting_answers(survey, today),
        "expired": survey.state == SurveyState.OPEN and survey.closes_on < today,
        "can_edit": manage and draft,
        "can_open": manage and draft,
        "can_close": manage and survey.state == SurveyState.OPEN,
        "can_reopen": manage and survey.state == SurveyState.CLOSED,
        "can_copy": manage,
        "reads_results": perms.can_read_results(user) and not draft,
        "section_form": SectionForm(initial={"version": survey.version})
        if manage and draft
        else None,
        "question_form": QuestionForm(initial={"version": survey.version})
        if manage and draft
        else None,
        "close_date_form": CloseDateForm(
            initial={"version": survey.version, "closes_on": survey.closes_on}
        )
        if manage and survey.state == SurveyState.OPEN
        else None,
        "reopen_form": ReopenForm(initial={"version": survey.version})
        if manage and survey.state == SurveyState.CLOSED
        else None,
        "timeline": timeline(history_for(survey)[:HISTORY_LIMIT], actor=user) if manage else None,
        "rating_kind": QuestionKind.RATING,
    }
    return render(request, "surveys/survey_detail.html", context)


@web_view
def survey_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a draft's name, year, dates and introduction."""
    survey = survey_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    if request.method == "POST":
        form = SurveyForm(request.POST)
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in SurveyForm.FIELDS}
            try:
                survey_update(
                    actor=request.user,
                    survey=survey,
                    expected_version=form.cleaned_data["version"],
                    **values,
                )
            except ApplicationError as exc:
                if exc.status == 400:
                    apply_service_error(form, exc)
                else:
                    show_error(request, exc)
                    return _detail(survey.uuid)
            else:
                messages.success(request, _("Đã lưu thông tin khảo sát."))
                return _detail(survey.uuid)
    else:
        initial = {name: getattr(survey, name) for name in SurveyForm.FIELDS}
        form = SurveyForm(initial={**initial, "version": survey.version})
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey})


@require_POST
@web_view
def section_add_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    survey = survey_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    form = SectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập tên nhóm câu hỏi (tối đa 300 ký tự)."))
        return _detail(survey.uuid)
    try:
        section_add(
            actor=request.user,
            survey=survey,
            title=form.cleaned_data["title"],
            expected_version=posted_version(request),
        )
    except ApplicationError as exc:
        show_error(request, exc)
    return _detail(survey.uuid)


@require_POST
@web_view
def section_remove_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    section = section_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    try:
        section_remove(
            actor=request.user, section=section, expected_version=posted_version(request)
        )
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã bỏ nhóm câu hỏi."))
    return _detail(section.survey.uuid)


@require_POST
@web_view
def question_add_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    section = section_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập câu hỏi (tối đa 500 ký tự) và chọn loại câu hỏi."))
        return _detail(section.survey.uuid)
    try:
        question_add(
            actor=request.user,
            section=section,
            text=form.cleaned_data["text"],
            kind=form.cleaned_data["kind"],
            expected_version=posted_version(request),
        )
    except ApplicationError as exc:
        show_error(request, exc)
    return _detail(section.survey.uuid)


@web_view
def question_edit_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a question's wording or kind (drafts only)."""
    question = question_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    survey = question.section.survey
    if request.method == "POST":
        form = QuestionForm(request.POST)
        if form.is_valid():
            try:
                question_update(
                    actor=request.user,
                    question=question,
                    text=form.cleaned_data["text"],
                    kind=form.cleaned_data["kind"],
                    expected_version=form.cleaned_data["version"],
                )
            except ApplicationError as exc:
                if exc.status == 400:
                    apply_service_error(form, exc)
                else:
                    show_error(request, exc)
                    return _detail(survey.uuid)
            else:
                messages.success(request, _("Đã lưu câu hỏi."))
                return _detail(survey.uuid)
    else:
        form = QuestionForm(
            initial={"text": question.text, "kind": question.kind, "version": survey.version}
        )
    return render(
        request,
        "surveys/question_form.html",
        {"form": form, "question": question, "survey": survey},
    )


@require_POST
@web_view
def question_remove_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    question = question_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    survey = question.section.survey
    try:
        question_remove(
            actor=request.user, question=question, expected_version=posted_version(request)
        )
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã bỏ câu hỏi."))
    return _detail(survey.uuid)


@require_POST
@web_view
def question_move_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Move a question of a draft one place up or down in its group."""
    question = question_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    try:
        question_move(
            actor=request.user,
            question=question,
            up=request.POST.get("direction") != "down",
            expected_version=posted_version(request),
        )
    except ApplicationError as exc:
        show_error(request, exc)
    return _detail(question.section.survey.uuid)


@require_POST
@web_view
def survey_open_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    survey = survey_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    try:
        survey_open(actor=request.user, survey=survey, expected_version=posted_version(request))
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã mở khảo sát: doanh nghiệp có thể trả lời."))
    return _detail(survey.uuid)


@require_POST
@web_view
def survey_close_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    survey = survey_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    try:
        survey_close(actor=request.user, survey=survey, expected_version=posted_version(request))
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã đóng khảo sát."))
    return _detail(survey.uuid)


@require_POST
@web_view
def survey_close_date_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    survey = survey_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    form = CloseDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ngày kết thúc mới."))
        return _detail(survey.uuid)
    try:
        survey_change_close_date(
            actor=request.user,
            survey=survey,
            closes_on=form.cleaned_data["closes_on"],
            expected_version=form.cleaned_data["version"],
        )
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã đổi ngày kết thúc."))
    return _detail(survey.uuid)


@require_POST
@web_view
def survey_reopen_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    survey = survey_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ngày kết thúc mới và ghi lý do mở lại."))
        return _detail(survey.uuid)
    try:
        survey_reopen(
            actor=request.user,
            survey=survey,
            closes_on=form.cleaned_data["closes_on"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã mở lại khảo sát."))
    return _detail(survey.uuid)


@require_POST
@web_view
def survey_copy_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Start next year's draft from this survey."""
    survey = survey_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage(request.user)
    try:
        copy = survey_copy(actor=request.user, source=survey)
    except ApplicationError as exc:
        show_error(request, exc)
        return _detail(survey.uuid)
    messages.success(
        request, _("Đã tạo bản nháp năm %(year)s từ khảo sát này.") % {"year": copy.year}
    )
    return _detail(copy.uuid)
