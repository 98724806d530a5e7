"""Widgets shared by the web forms."""

from __future__ import annotations

from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe


class DateInput(forms.DateInput):
    """A native date picker (phones show their own), exchanging ISO dates."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FastSelect(forms.Select):
    """A single ``<select>`` rendered in one pass.

    Django renders each option through its own template, about 1 ms per 100 options: the
    organisation pickers of a city (over a thousand organisations) spent most of a page's time
    there. Groups (optgroup) are not supported.
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        """Render the select with its options, the current value selected."""
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = {str(v) for v in self.format_value(value)}
        options = []
        for key, label in self.choices:
            text = "" if key is None else str(key)
            selected = " selected" if text in chosen else ""
            options.append(
                f'<option value="{escape(text)}"{selected}>{escape(str(label))}</option>'
            )
        return mark_safe(f"<select{flatatt(final)}>{''.join(options)}</select>")  # noqa: S308


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
