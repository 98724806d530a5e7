"""Forms of the petition screens; the services validate and normalise the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.models import User
from tdkt.web.forms.widgets import DateInput, choice_field, model_choice_field

from .constants import (
    CONTENT_MAX,
    NAME_MAX,
    NOTE_MAX,
    OUTCOME_LABELS,
    OUTCOMES_BY_KIND,
    SUMMARY_MAX,
    Channel,
    ComplaintRound,
    PetitionKind,
    PetitionState,
)
from .deadlines import UNIT_LABELS, DayUnit


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @property
    def expected_version(self) -> int:
        return int(self.cleaned_data.get("version") or 0)


class PetitionForm(_Versioned):
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=PetitionKind.choices)
    complaint_round = forms.ChoiceField(
        label=_("Lần khiếu nại (với đơn khiếu nại)"),
        choices=ComplaintRound.choices,
        required=False,
        initial=ComplaintRound.FIRST,
    )
    received_on = forms.DateField(label=_("Ngày nhận đơn"), widget=DateInput())
    channel = forms.ChoiceField(label=_("Hình thức nhận"), choices=Channel.choices)
    sender_name = forms.CharField(label=_("Họ tên người gửi hoặc tên tổ chức"), max_length=NAME_MAX)
    sender_address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    sender_phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    summary = forms.CharField(
        label=_("Tóm tắt nội dung"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    content = forms.CharField(
        label=_("Nội dung đơn"),
        max_length=CONTENT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    related_decision = forms.CharField(
        label=_("Quyết định, việc bị khiếu nại, tố cáo"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: Quyết định số 123/QĐ-BQL ngày 15/11/2026 về khen thưởng."),
    )
    known_on = forms.DateField(
        label=_("Ngày người khiếu nại biết được quyết định, hành vi bị khiếu nại"),
        required=False,
        widget=DateInput(),
        help_text=_("Để kiểm tra thời hiệu khiếu nại."),
    )
    late_reason = forms.CharField(
        label=_("Lý do nộp đơn quá thời hiệu (nếu có)"), max_length=500, required=False
    )


class AcceptForm(_Versioned):
    accepted_on = forms.DateField(label=_("Ngày thụ lý"), widget=DateInput())
    complex_case = forms.BooleanField(label=_("Vụ việc phức tạp"), required=False)
    remote_area = forms.BooleanField(label=_("Vùng sâu, vùng xa đi lại khó khăn"), required=False)
    handler: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Giao cho"), queryset=None, required=False
    )

    def __init__(self, *args: Any, handlers: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "handler").queryset = handlers


class EndForm(_Versioned):
    ended_on = forms.DateField(label=_("Ngày"), widget=DateInput())
    reason = forms.CharField(
        label=_("Lý do"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class ForwardForm(EndForm):
    forwarded_to = forms.CharField(label=_("Chuyển đến cơ quan"), max_length=300)


class ExtendForm(_Versioned):
    reason = forms.CharField(
        label=_("Lý do gia hạn"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResolveForm(_Versioned):
    ended_on = forms.DateField(label=_("Ngày ban hành văn bản"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Kết quả"))
    resolution_number = forms.CharField(
        label=_("Số văn bản (quyết định giải quyết, kết luận, văn bản trả lời)"),
        max_length=100,
        required=False,
    )
    resolution_text = forms.CharField(
        label=_("Nội dung kết luận, trả lời"),
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "outcome").choices = [
            (value, OUTCOME_LABELS[(kind, value)]) for value in OUTCOMES_BY_KIND[kind]
        ]


class ParameterForm(_Versioned):
    days = forms.IntegerField(label=_("Số ngày"), min_value=0, max_value=365)
    unit = forms.ChoiceField(
        label=_("Cách tính"),
        choices=[(unit.value, UNIT_LABELS[unit]) for unit in DayUnit],
        required=False,
    )
    note = forms.CharField(label=_("Căn cứ, ghi chú"), max_length=500, required=False)


STATE_FILTERS = [
    ("", _("Tất cả")),
    ("open", _("Chưa kết thúc")),
    *PetitionState.choices,
]
URGENCY_FILTERS = [
    ("", _("Tất cả")),
    ("overdue", _("Quá hạn")),
    ("due_soon", _("Sắp đến hạn")),
]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Loại đơn"), choices=[("", _("Tất cả")), *PetitionKind.choices], required=False
    )
    state = forms.ChoiceField(label=_("Tình trạng"), choices=STATE_FILTERS, required=False)
    urgency = forms.ChoiceField(label=_("Thời hạn"), choices=URGENCY_FILTERS, required=False)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)


class WhoForm(forms.Form):
    who = forms.CharField(label=_("Tìm cá nhân, tập thể"), max_length=100, required=False)
