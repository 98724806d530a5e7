"""Forms of the pledge, score and election screens; the services validate the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tdkt.emulation_groups.constants import CriterionKind, TieBreakKind
from tdkt.emulation_groups.models import Criterion
from tdkt.emulation_groups.services.proposals import BLOCK_CODES
from tdkt.organizations.models import Organization
from tdkt.rules.labels import CODE_LABELS
from tdkt.web.forms.widgets import choice_field, model_choice_field


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PledgeForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)
    title = forms.CharField(label=_("Tên giao ước"), max_length=300)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PledgeEditForm(_Versioned):
    title = forms.CharField(label=_("Tên giao ước"), max_length=300)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CriterionForm(_Versioned):
    kind = forms.ChoiceField(label=_("Loại"), choices=CriterionKind.choices)
    text = forms.CharField(label=_("Nội dung"), max_length=500)
    weight = forms.DecimalField(
        label=_("Hệ số"), max_digits=7, decimal_places=2, localize=True, required=False, initial=1
    )
    max_points = forms.DecimalField(
        label=_("Điểm tối đa"), max_digits=7, decimal_places=2, localize=True
    )


class _CriterionChoice(forms.ModelChoiceField[Criterion]):
    def label_from_instance(self, obj: Criterion) -> str:
        return obj.text


class TieBreakForm(_Versioned):
    kind = forms.ChoiceField(label=_("Quy tắc"), choices=TieBreakKind.choices)
    criterion = _CriterionChoice(label=_("Tiêu chí"), queryset=None, required=False)

    def __init__(self, *args: Any, criteria: QuerySet[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "criterion").queryset = criteria


class SelfAssessForm(_Versioned):
    points = forms.DecimalField(
        label=_("Điểm tự chấm"), max_digits=7, decimal_places=2, localize=True, min_value=0
    )
    note = forms.CharField(
        label=_("Giải trình"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewForm(_Versioned):
    points = forms.DecimalField(
        label=_("Điểm thẩm định"), max_digits=7, decimal_places=2, localize=True, min_value=0
    )
    reason = forms.CharField(
        label=_("Lý do điều chỉnh"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Tệp minh chứng"))


class ElectionForm(forms.Form):
    year = forms.IntegerField(label=_("Bầu cho năm"), min_value=1990, max_value=2100)


class _OrgChoice(forms.ModelChoiceField[Organization]):
    def label_from_instance(self, obj: Organization) -> str:
        return obj.name


class VoteForm(forms.Form):
    leader = _OrgChoice(label=_("Khối trưởng"), queryset=None)
    deputy = _OrgChoice(
        label=_("Khối phó"),
        queryset=None,
        required=False,
        empty_label=_("(Không bầu)"),
    )

    def __init__(self, *args: Any, candidates: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        queryset = candidates
        for name in ("leader", "deputy"):
            model_choice_field(self, name).queryset = queryset


class ProposeForm(forms.Form):
    round = forms.TypedChoiceField(label=_("Đợt xét"), coerce=int)
    code = forms.ChoiceField(label=_("Danh hiệu, hình thức"))
    top = forms.IntegerField(
        label=_("Số thành viên dẫn đầu"), min_value=1, max_value=100, initial=1
    )

    def __init__(self, *args: Any, rounds: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "round").choices = rounds
        labels = CODE_LABELS.get((get_language() or "vi")[:2], CODE_LABELS["vi"])
        choice_field(self, "code").choices = [
            (code, labels.get(code, code)) for code in BLOCK_CODES
        ]
