"""Person, employment and people-filter forms (typed input for the people services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.constants import Gender, PersonnelCategory
from tdkt.organizations.models import Organization
from tdkt.web.forms.versions import VersionedForm
from tdkt.web.forms.widgets import DateInput, FastSelect, choice_field, model_choice_field

from .fields import OrganizationChoiceField

PERSON_FIELDS = [
    "full_name",
    "gender",
    "date_of_birth",
    "citizen_id",
    "nationality",
    "category",
    "email",
    "phone",
]


class PersonForm(VersionedForm):
    """A person's own fields, as ``person_update`` takes them (with the version it saw)."""

    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    gender = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", "—"), *Gender.choices], required=False
    )
    date_of_birth = forms.DateField(label=_("Ngày sinh"), required=False, widget=DateInput())
    citizen_id = forms.CharField(
        label=_("Số CCCD"),
        max_length=20,
        required=False,
        help_text=_("Căn cước công dân: 12 chữ số."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    nationality = forms.CharField(
        label=_("Quốc tịch"),
        max_length=2,
        initial="VN",
        help_text=_("Mã quốc gia 2 chữ cái, ví dụ VN, JP, KR."),
    )
    category = forms.ChoiceField(label=_("Đối tượng"), choices=PersonnelCategory.choices)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(
        label=_("Điện thoại"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}


class PersonCreateForm(PersonForm):
    """A new person enters the registry with a post in one organisation."""

    organization = OrganizationChoiceField(label=_("Đơn vị công tác"), queryset=None)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    start_date = forms.DateField(label=_("Từ ngày"), widget=DateInput())

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "organization").queryset = organizations
        del self.fields["seen"]  # a new person has no version yet

    def service_data(self) -> dict[str, Any]:
        data = super().service_data()
        for name in ("organization", "position", "start_date"):
            data[name] = self.cleaned_data[name]
        return data


class EmploymentForm(VersionedForm):
    """A new post; "close current" ends the open post the day before (a transfer). It carries
    the version of the person's employment history it was drawn from."""

    organization = OrganizationChoiceField(label=_("Đơn vị"), queryset=None)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    start_date = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    end_date = forms.DateField(label=_("Đến ngày"), required=False, widget=DateInput())
    close_current = forms.BooleanField(
        label=_("Kết thúc quá trình công tác hiện tại (điều chuyển)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "organization").queryset = organizations

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under ``employment_add``'s argument names."""
        return {name: value for name, value in self.cleaned_data.items() if name != "seen"}


class PersonFilterForm(forms.Form):
    """Search and filters of the people list; every field is optional.

    ``org`` is the public id of one of ``organizations`` (``organization_choices``): a city
    has over a thousand, so the picker holds plain values, not model rows.
    """

    q = forms.CharField(
        label=_("Tìm theo tên hoặc số CCCD"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "placeholder": _("Ví dụ: nguyen van")}
        ),
    )
    org = forms.ChoiceField(label=_("Đơn vị"), required=False, widget=FastSelect)
    category = forms.ChoiceField(
        label=_("Đối tượng"),
        choices=[("", _("Tất cả")), *PersonnelCategory.choices],
        required=False,
    )

    def __init__(self, *args: Any, organizations: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "org").choices = [("", _("Tất cả")), *organizations]
