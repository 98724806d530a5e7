"""Forms for a block/cluster's yearly members and elected leadership."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.models import Organization

from .people import OrganizationChoiceField
from .widgets import model_choice_field, organization_label


class OrganizationMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Organisation checkboxes showing the tree through indentation."""

    def label_from_instance(self, obj: Organization) -> str:
        return organization_label(obj)


class _YearForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)


class GroupMembersForm(_YearForm):
    """The full member list for one year (ticked organisations replace the old list)."""

    members = OrganizationMultipleChoiceField(
        label=_("Thành viên"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "members").queryset = organizations


class GroupLeadershipForm(_YearForm):
    """The leader (khối trưởng) and optional deputy (khối phó) elected for one year."""

    leader = OrganizationChoiceField(label=_("Khối trưởng"), queryset=None)
    deputy = OrganizationChoiceField(
        label=_("Khối phó"), queryset=None, required=False, empty_label=_("(Không có)")
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "leader").queryset = organizations
        model_choice_field(self, "deputy").queryset = organizations
