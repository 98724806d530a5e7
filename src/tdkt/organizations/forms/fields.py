"""Organisation pickers shared by the registry forms (and by other apps' forms that need one)."""

from __future__ import annotations

from django import forms

from tdkt.organizations.models import Organization
from tdkt.web.forms.widgets import FastSelect


def organization_label(org: object) -> str:
    """Indent an organisation's name by its depth so a flat <select> reads like the tree."""
    depth = getattr(org, "depth", 0)
    return f"{'— ' * depth}{org}"


class OrganizationChoiceField(forms.ModelChoiceField):
    """Organisation picker showing the tree through indentation."""

    widget = FastSelect

    def label_from_instance(self, obj: Organization) -> str:
        return organization_label(obj)


class OrganizationMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Organisation checkboxes showing the tree through indentation."""

    def label_from_instance(self, obj: Organization) -> str:
        return organization_label(obj)
