"""Widgets shared by the web forms."""

from __future__ import annotations

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    """A native date picker (phones show their own), exchanging ISO dates."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """Return the form's model choice field ``name`` (``form.fields`` types it as a plain field)."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name!r} is not a model choice field")
    return field


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """Return the form's choice field ``name`` (``form.fields`` types it as a plain field)."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name!r} is not a choice field")
    return field
