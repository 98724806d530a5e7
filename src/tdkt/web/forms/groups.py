"""Forms for a block/cluster's yearly members and elected leadership."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.models import Organization

from .people import OrganizationChoiceField
from .widgets import organization_label


class _YearForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)


class GroupMembersForm(_YearForm):
    """The full member list for one year (ticked organisations replace the old list)."""

    members = forms.ModelMultipleChoiceField(
        label=_("Thành viên"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["members"]
        field.queryset = organizations
        field.label_from_instance = organization_label


class GroupLeadershipForm(_YearForm):
    """The leader (khối trưởng) and optional deputy (khối phó) elected for one year."""

    leader = OrganizationChoiceField(label=_("Khối trưởng"), queryset=None)
    deputy = OrganizationChoiceField(
        label=_("Khối phó"), queryset=None, required=False, empty_label=_("(Không có)")
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = organizations
        self.fields["deputy"].queryset = organizations
