"""Forms of rounds and of the Board's tờ trình to the City."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.authority import city_codes
from tdkt.commendations.constants import RoundKind
from tdkt.rules import REGISTRY
from tdkt.rules.codes import AWARD_CODES
from tdkt.rules.labels import CODE_LABELS
from tdkt.web.forms.widgets import DateInput, choice_field


def code_choices(codes: tuple[str, ...] = AWARD_CODES) -> list[tuple[str, str]]:
    """(code, Vietnamese label) pairs in the engine's order."""
    return [(code, CODE_LABELS["vi"].get(code, code)) for code in codes]


class RoundForm(forms.Form):
    """Fields of ``round_create`` / ``round_update``; the service checks them again."""

    name = forms.CharField(label=_("Tên đợt xét"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại đợt xét"), choices=RoundKind.choices)
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=2000, max_value=2100)
    accepted_codes = forms.MultipleChoiceField(
        label=_("Danh hiệu, hình thức được đề nghị"),
        choices=code_choices(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một danh hiệu, hình thức.")},
    )
    unit_deadline = forms.DateField(label=_("Hạn đơn vị gửi hồ sơ"), widget=DateInput())
    rule_set = forms.ChoiceField(
        label=_("Bộ quy tắc"),
        required=False,
        help_text=_("Bỏ trống: bộ quy tắc có hiệu lực vào ngày hạn gửi hồ sơ."),
    )
    description = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "rule_set").choices = [
            ("", _("Tự động theo ngày")),
            *[(name, REGISTRY.get(name).title.get(_lang())) for name in REGISTRY.names()],
        ]

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


def _lang() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


class LetterForm(forms.Form):
    """What the officer fills in to draw up a tờ trình for one code."""

    code = forms.ChoiceField(label=_("Danh hiệu, hình thức đề nghị Thành phố"))
    council_minutes = forms.CharField(
        label=_("Căn cứ biên bản họp Hội đồng"),
        max_length=300,
        help_text=_("Ví dụ: Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Ban ngày …"),
    )
    signer_name = forms.CharField(label=_("Người ký"), max_length=200)
    deputy = forms.BooleanField(label=_("Phó Trưởng ban ký thay (KT. Trưởng ban)"), required=False)
    number = forms.IntegerField(
        label=_("Số tờ trình"),
        min_value=1,
        required=False,
        help_text=_("Bỏ trống khi là dự thảo: số được ghi sau khi ký."),
    )
    issued_on = forms.DateField(label=_("Ngày ký"), required=False, widget=DateInput())
    fmt = forms.ChoiceField(
        label=_("Định dạng"),
        choices=[("docx", _("Word (.docx)")), ("pdf", _("PDF"))],
        initial="docx",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, codes: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = tuple(code for code in city_codes() if code in codes)
        choice_field(self, "code").choices = code_choices(allowed)
