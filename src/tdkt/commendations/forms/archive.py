"""The archive search form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.forms.rounds import code_choices
from tdkt.organizations.forms.fields import OrganizationChoiceField
from tdkt.web.forms.widgets import choice_field, model_choice_field


class AwardSearchForm(forms.Form):
    """Name without accents, unit, code, year, decision number."""

    q = forms.CharField(label=_("Họ tên, tên tập thể"), required=False, max_length=200)
    unit = OrganizationChoiceField(label=_("Đơn vị"), queryset=None, required=False)
    code = forms.ChoiceField(label=_("Danh hiệu, hình thức"), required=False)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1945, max_value=2100)
    decision = forms.CharField(label=_("Số quyết định"), required=False, max_length=50)

    def __init__(self, *args: Any, organizations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organizations is not None:
            model_choice_field(self, "unit").queryset = organizations
        choice_field(self, "code").choices = [("", _("Tất cả")), *code_choices()]
