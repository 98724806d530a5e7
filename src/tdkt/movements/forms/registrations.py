"""Forms of the registration campaign and of a unit's sheet."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.movements.codes import code_label
from tdkt.movements.constants import REGISTRATION_TARGET_PERCENT, CampaignState
from tdkt.organizations.forms.fields import OrganizationMultipleChoiceField
from tdkt.organizations.models import Organization, Person
from tdkt.rules.codes import CODES_BY_KIND, COLLECTIVE, INDIVIDUAL
from tdkt.web.forms.widgets import DateInput, model_choice_field


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CampaignForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    deadline = forms.DateField(label=_("Hạn đăng ký"), widget=DateInput())
    target_percent = forms.IntegerField(
        label=_("Chỉ tiêu tỷ lệ đăng ký (%)"),
        min_value=1,
        max_value=100,
        initial=REGISTRATION_TARGET_PERCENT,
    )
    organizations = OrganizationMultipleChoiceField(
        label=_("Đơn vị đăng ký"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "organizations").queryset = organizations


class CampaignUpdateForm(_Versioned):
    deadline = forms.DateField(label=_("Hạn đăng ký"), widget=DateInput())
    target_percent = forms.IntegerField(
        label=_("Chỉ tiêu tỷ lệ đăng ký (%)"), min_value=1, max_value=100
    )
    state = forms.ChoiceField(label=_("Trạng thái"), choices=CampaignState.choices)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LineForm(_Versioned):
    """A registrant (a person of the unit, or the unit or a sub-unit) and the title."""

    registrant = forms.ChoiceField(label=_("Tập thể, cá nhân"), choices=())
    code = forms.ChoiceField(label=_("Danh hiệu, hình thức"), choices=())
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(
        self,
        *args: Any,
        people: list[Person],
        collectives: list[Organization],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.uuid): p for p in people}
        self.collectives = {str(o.uuid): o for o in collectives}
        registrant = self.fields["registrant"]
        code = self.fields["code"]
        if isinstance(registrant, forms.ChoiceField) and isinstance(code, forms.ChoiceField):
            registrant.choices = [
                (_("Tập thể"), [(f"o:{k}", str(o)) for k, o in self.collectives.items()]),
                (_("Cá nhân"), [(f"p:{k}", p.full_name) for k, p in self.people.items()]),
            ]
            code.choices = [
                (_("Tập thể"), [(c, code_label(c)) for c in CODES_BY_KIND[COLLECTIVE]]),
                (_("Cá nhân"), [(c, code_label(c)) for c in CODES_BY_KIND[INDIVIDUAL]]),
            ]

    def registrant_objects(self) -> dict[str, Any]:
        """Return ``person`` / ``organization`` for the service from the chosen registrant."""
        kind, _sep, key = self.cleaned_data["registrant"].partition(":")
        if kind == "p":
            return {"person": self.people[key], "organization": None}
        return {"person": None, "organization": self.collectives[key]}


class SheetTransitionForm(_Versioned):
    to_state = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Lý do trả lại"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
