"""Forms of the report screens (Vietnamese labels; the services validate again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import MAX_YEAR, MIN_YEAR, NARRATIVE_MAX_CHARS, StatisticsForm


class NarrativeForm(forms.Form):
    """The officer's text of one section, with the version the page showed."""

    text = forms.CharField(
        label=_("Nội dung"),
        required=False,
        max_length=NARRATIVE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Mỗi đoạn một dòng. Số liệu của phần này do hệ thống tính, không cần gõ lại."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class StatisticsChoiceForm(forms.Form):
    """Which form, for which years."""

    form = forms.ChoiceField(label=_("Biểu"), choices=StatisticsForm.choices)
    year_from = forms.IntegerField(label=_("Từ năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    year_to = forms.IntegerField(label=_("Đến năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("year_from"), data.get("year_to")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            self.add_error("year_to", _("Năm kết thúc phải từ năm bắt đầu trở đi."))
        return data


class AsOfForm(forms.Form):
    """The day the report's procedure figures stand on (default: the end of the year)."""

    as_of = forms.DateField(
        label=_("Số liệu tính đến ngày"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
