"""Forms of the survey screens; the services validate the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.core.versions import encode_state
from tdkt.surveys.constants import (
    MAX_ANSWER_TEXT,
    MAX_INTRODUCTION,
    MAX_QUESTION,
    MAX_SECTION_TITLE,
    MAX_TITLE,
    MAX_YEAR,
    MIN_YEAR,
    QuestionKind,
    Rating,
)
from tdkt.surveys.models import Question
from tdkt.web.forms.versions import VersionedForm
from tdkt.web.forms.widgets import DateInput


class _Versioned(forms.Form):
    """Carries the survey's version the page showed, so a stale form is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SurveyForm(_Versioned):
    name = forms.CharField(
        label=gettext_lazy("Tên cuộc khảo sát"),
        max_length=MAX_TITLE,
        help_text=gettext_lazy("Ví dụ: Khảo sát mức độ hài lòng của doanh nghiệp năm 2026."),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Năm"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    opens_on = forms.DateField(label=gettext_lazy("Ngày bắt đầu"), widget=DateInput())
    closes_on = forms.DateField(
        label=gettext_lazy("Ngày kết thúc"),
        widget=DateInput(),
        help_text=gettext_lazy("Doanh nghiệp trả lời và sửa câu trả lời đến hết ngày này."),
    )
    introduction = forms.CharField(
        label=gettext_lazy("Lời giới thiệu"),
        max_length=MAX_INTRODUCTION,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Doanh nghiệp đọc lời này ở đầu phiếu khảo sát."),
    )

    FIELDS = ("name", "year", "opens_on", "closes_on", "introduction")


class SectionForm(_Versioned):
    title = forms.CharField(
        label=gettext_lazy("Tên nhóm câu hỏi"),
        max_length=MAX_SECTION_TITLE,
        help_text=gettext_lazy("Ví dụ: Thủ tục hành chính; Hỗ trợ doanh nghiệp; Tập huấn."),
    )


class QuestionForm(_Versioned):
    text = forms.CharField(
        label=gettext_lazy("Câu hỏi"),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại câu hỏi"),
        choices=QuestionKind.choices,
        initial=QuestionKind.RATING,
    )


class CloseDateForm(_Versioned):
    closes_on = forms.DateField(label=gettext_lazy("Ngày kết thúc mới"), widget=DateInput())


class ReopenForm(_Versioned):
    closes_on = forms.DateField(label=gettext_lazy("Ngày kết thúc mới"), widget=DateInput())
    reason = forms.CharField(
        label=gettext_lazy("Lý do mở lại"),
        max_length=MAX_INTRODUCTION,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Lý do được ghi vào nhật ký thay đổi của khảo sát."),
    )


class VersionForm(_Versioned):
    """An action without fields but the version (open, close, remove, copy)."""


RATING_CHOICES = [(value, f"{value}. {label}") for value, label in Rating.choices]


class _AnswerText(forms.CharField):
    """A comment whose line breaks count once: browsers send each as CR LF, while the
    counter beside the box (and the stored text) count one character."""

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value) or "")
        return text.replace("\r\n", "\n").replace("\r", "\n")


class AnswerForm(VersionedForm):
    """The questionnaire: a choice of 1–5 per rating question (required), a text per open
    question (optional); ``seen`` holds the answers the form was drawn from (decision 0814)."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        # The answers the form was drawn from: without them a send could overwrite a
        # colleague's answers unseen (decision 0814), so a form that lost them is refused.
        self.fields["seen"].required = True
        self.fields["seen"].error_messages["required"] = _(
            "Trang trả lời không còn đầy đủ; hãy tải lại trang."
        )
        for number, question in enumerate(questions, start=1):
            label = f"{number}. {question.text}"
            if question.kind == QuestionKind.RATING:
                self.fields[question.field_name] = forms.TypedChoiceField(
                    label=label,
                    choices=RATING_CHOICES,
                    coerce=int,
                    widget=forms.RadioSelect(attrs={"class": "rating"}),
                    error_messages={
                        "required": _("Hãy chọn một mức từ 1 đến 5 cho câu hỏi này."),
                    },
                )
            else:
                self.fields[question.field_name] = _AnswerText(
                    label=label,
                    required=False,
                    max_length=MAX_ANSWER_TEXT,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text=_("Không bắt buộc; tối đa %(n)s ký tự.")
                    % {"n": f"{MAX_ANSWER_TEXT:,}".replace(",", ".")},
                )

    def answers(self) -> dict[str, Any]:
        """Return the answers as ``response_save`` takes them."""
        return {q.field_name: self.cleaned_data.get(q.field_name) for q in self.questions}


def answer_initial(state: dict[str, Any]) -> dict[str, Any]:
    """Return the form's initial data drawn from the stored answers' state."""
    return {**state, "seen": encode_state(state)}
