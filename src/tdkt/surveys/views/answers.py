"""The enterprise's screen: answer a survey once, change the answers until the close date."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, StaleVersionError
from tdkt.core.versions import encode_state
from tdkt.surveys import permissions as perms
from tdkt.surveys.constants import QuestionKind, Rating, SurveyState
from tdkt.surveys.forms import AnswerForm, answer_initial
from tdkt.surveys.models import Question
from tdkt.surveys.selectors import own_response, questions_of, survey_get, survey_outline
from tdkt.surveys.services import response_save
from tdkt.surveys.state import accepting_answers, answers_state
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error


def _shown(question: Question, value: Any) -> str:
    if value in (None, ""):
        return _("(để trống)")
    if question.kind == QuestionKind.RATING:
        return f"{value}. {Rating(int(value)).label}"
    return str(value)


def _typed(question: Question, data: Any) -> Any:
    raw = data.get(question.field_name, "")
    if question.kind == QuestionKind.RATING:
        return int(raw) if str(raw).isdigit() else None
    return str(raw).replace("\r\n", "\n").strip()


def _show_stale(
    form: AnswerForm, exc: StaleVersionError, questions: list[Question], current: dict[str, Any]
) -> None:
    """Explain a refused save: each answer someone else changed takes the new value when the
    user left it alone, keeps the user's otherwise; both are marked (decision 0814)."""
    seen = form.seen_state() or {}
    data = QueryDict(mutable=True)
    for key in form.data:
        data.setlist(
            key, form.data.getlist(key) if hasattr(form.data, "getlist") else [form.data[key]]
        )
    for question in questions:
        name = question.field_name
        if seen.get(name) == current.get(name):
            continue
        new = _shown(question, current.get(name))
        if _typed(question, form.data) != seen.get(name):
            message = _(
                "Người khác vừa đổi câu trả lời này thành «%(value)s»; ô vẫn giữ câu trả lời "
                "của bạn."
            )
        else:
            value = current.get(name)
            data[name] = "" if value is None else str(value)
            message = _("Người khác vừa đổi câu trả lời này thành «%(value)s»; đã cập nhật vào ô.")
        form.add_error(name, message % {"value": new})
    data["seen"] = encode_state(current)
    form.data = data
    form.add_error(None, exc.message)
    form.add_error(
        None, _("Câu trả lời bạn chọn vẫn còn: xem các câu được đánh dấu rồi bấm Gửi lần nữa.")
    )


@web_view
def survey_answer(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The questionnaire of the user's enterprise: its answers so far, editable while open."""
    survey = survey_get(actor=request.user, uuid=uuid)
    enterprise = perms.answering_enterprise(request.user)
    if enterprise is None:
        return redirect("surveys:survey-detail", uuid=survey.uuid)
    questions = questions_of(survey)
    response = own_response(actor=request.user, survey=survey)
    open_now = accepting_answers(survey)
    form = AnswerForm(
        initial=answer_initial(answers_state(questions, response)), questions=questions
    )
    if request.method == "POST" and not open_now:
        messages.error(
            request,
            _(
                "Khảo sát không nhận trả lời lúc này (chỉ từ %(start)s đến %(end)s); "
                "câu trả lời chưa được ghi."
            )
            % {
                "start": survey.opens_on.strftime("%d/%m/%Y"),
                "end": survey.closes_on.strftime("%d/%m/%Y"),
            },
        )
        return redirect("surveys:survey-answer", uuid=survey.uuid)
    if request.method == "POST" and open_now:
        form = AnswerForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                response_save(
                    actor=request.user,
                    survey=survey,
                    answers=form.answers(),
                    expected_version=form.expected_version(),
                )
            except StaleVersionError as exc:
                current = answers_state(questions, own_response(actor=request.user, survey=survey))
                _show_stale(form, exc, questions, current)
            except ApplicationError as exc:
                if exc.status == 400:
                    apply_service_error(form, exc)
                else:
                    messages.error(request, exc.message)
                    return redirect("surveys:survey-answer", uuid=survey.uuid)
            else:
                messages.success(
                    request,
                    _("Đã ghi phiếu trả lời. Cảm ơn doanh nghiệp đã tham gia khảo sát.")
                    if response is None
                    else _("Đã lưu câu trả lời mới."),
                )
                return redirect("surveys:survey-answer", uuid=survey.uuid)
        else:
            form.add_error(None, _("Phiếu chưa gửi được: xem các câu được đánh dấu."))
    return render(
        request,
        "surveys/survey_answer.html",
        {
            "survey": survey,
            "enterprise": enterprise,
            "response": response,
            "open_now": open_now,
            "not_yet": survey.state == SurveyState.OPEN and survey.opens_on > timezone.localdate(),
            "form": form,
            "groups": _groups(survey, form, answers_state(questions, response)),
        },
    )


def _groups(survey: Any, form: AnswerForm, stored: dict[str, Any]) -> list[dict[str, Any]]:
    """The questionnaire by group: each question's form field and its stored answer."""
    return [
        {
            "title": entry.section.title,
            "items": [
                {
                    "number": n.number,
                    "question": n.question,
                    "field": form[n.question.field_name],
                    "answer": _shown(n.question, stored.get(n.question.field_name)),
                }
                for n in entry.questions
            ],
        }
        for entry in survey_outline(survey)
        if entry.questions
    ]
