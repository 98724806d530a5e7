"""Organisation form, with the enterprise profile fields used when the kind is enterprise."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.constants import Currency, InvestmentType, OrganizationKind
from tdkt.organizations.models import IndustrialZone, Organization
from tdkt.web.forms.versions import VersionedForm
from tdkt.web.forms.widgets import choice_field, model_choice_field

from .fields import OrganizationChoiceField

ORG_FIELDS = ["name", "short_name", "kind", "parent", "address"]
ENTERPRISE_FIELDS = [
    "tax_code",
    "investment_type",
    "investor_country",
    "zone",
    "registered_capital",
    "capital_currency",
]


class OrganizationForm(VersionedForm):
    """Fields of ``organization_create`` / ``organization_update`` (with the version seen)."""

    name = forms.CharField(label=_("Tên"), max_length=300)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Loại"), choices=OrganizationKind.choices)
    parent = OrganizationChoiceField(
        label=_("Đơn vị cấp trên"), queryset=None, required=False, empty_label=_("(Không có)")
    )
    address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    is_active = forms.BooleanField(label=_("Đang hoạt động"), required=False, initial=True)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=20, required=False)
    investment_type = forms.ChoiceField(
        label=_("Loại hình đầu tư"), choices=[("", "—"), *InvestmentType.choices], required=False
    )
    investor_country = forms.CharField(
        label=_("Quốc gia nhà đầu tư"),
        max_length=2,
        required=False,
        help_text=_("Mã ISO 3166-1, ví dụ JP."),
    )
    zone: forms.ModelChoiceField[IndustrialZone] = forms.ModelChoiceField(
        label=_("Khu công nghiệp"), queryset=None, required=False, empty_label=_("(Không có)")
    )
    registered_capital = forms.DecimalField(
        label=_("Vốn đăng ký"), required=False, min_value=0, decimal_places=2, max_digits=20
    )
    capital_currency = forms.ChoiceField(
        label=_("Đơn vị tiền tệ"), choices=Currency.choices, initial=Currency.VND
    )

    def __init__(
        self,
        *args: Any,
        parents: QuerySet[Organization],
        zones: QuerySet[IndustrialZone],
        kinds: Collection[str],
        editing: bool = False,
        editable: Collection[str] | None = None,
        lock_parent: bool = False,
        **kwargs: Any,
    ) -> None:
        """``kinds`` are the kinds offered; ``editable`` (when editing) the fields the user may
        change (``permissions.changeable_fields``): the others are left out of the form."""
        super().__init__(*args, **kwargs)
        model_choice_field(self, "parent").queryset = parents
        model_choice_field(self, "zone").queryset = zones
        choice_field(self, "kind").choices = [
            (k, label) for k, label in OrganizationKind.choices if k in kinds
        ]
        if not editing:
            del self.fields["is_active"]
            del self.fields["seen"]
        if lock_parent:
            # The current parent is outside the user's scope, so they cannot pick it (or any
            # other): the field is left out and the organisation stays where it is.
            del self.fields["parent"]
        if OrganizationKind.ENTERPRISE not in kinds:
            for name in ENTERPRISE_FIELDS:
                del self.fields[name]
        if editable is not None:
            for name in [n for n in self.fields if n not in {*editable, "seen"}]:
                del self.fields[name]

    def organization_data(self) -> dict[str, Any]:
        """Return the organisation's own fields for the service."""
        names = [*ORG_FIELDS, "is_active"]
        return {name: self.cleaned_data[name] for name in names if name in self.fields}

    def enterprise_data(self) -> dict[str, Any] | None:
        """Return the enterprise profile fields of the form, or None when the kind is not
        enterprise or the user may change none of them."""
        if self.cleaned_data.get("kind", self.initial.get("kind")) != OrganizationKind.ENTERPRISE:
            return None
        data = {name: self.cleaned_data[name] for name in ENTERPRISE_FIELDS if name in self.fields}
        return data or None
