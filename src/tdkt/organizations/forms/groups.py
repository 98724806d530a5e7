"""Forms for a block/cluster itself, its yearly members and its elected leadership."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.constants import GroupKind
from tdkt.organizations.models import Organization
from tdkt.organizations.services.groups import GROUP_FIELDS
from tdkt.web.forms.versions import VersionedForm
from tdkt.web.forms.widgets import model_choice_field

from .fields import OrganizationChoiceField, OrganizationMultipleChoiceField


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


class GroupForm(VersionedForm):
    """Fields of ``group_create`` / ``group_update``; the service checks names are unique."""

    name = forms.CharField(
        label=_("Tên"),
        max_length=300,
        error_messages={"required": _("Tên khối, cụm thi đua là bắt buộc.")},
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=GroupKind.choices)
    organizer = forms.CharField(
        label=_("Cơ quan tổ chức"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: Bộ Tài chính."),
    )
    description = forms.CharField(
        label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        return {name: self.cleaned_data[name] for name in GROUP_FIELDS}
