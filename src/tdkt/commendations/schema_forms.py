"""Django form fields derived from the engine's case schema (`tdkt.rules.schema`).

A form field made here takes its label, help, choices and limits from the schema field,
and checks a typed value with the engine's own reader, so the page refuses exactly what
`tdkt rules evaluate` and the API refuse, with the same message in Vietnamese.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from tdkt.rules.labels import VOCABULARIES
from tdkt.rules.schema import CASE, Field, Reader
from tdkt.web.forms.widgets import DateInput


class SchemaValidator:
    """Check a cleaned value against a schema field with the engine's reader."""

    def __init__(self, spec: Field, lang: str) -> None:
        self.spec, self.lang = spec, lang

    def __call__(self, value: Any) -> None:
        if value in (None, ""):
            return
        reader = Reader()
        reader.scalar(self.spec, value, self.spec.name)
        if reader.problems:
            raise ValidationError(reader.problems[0].message(self.lang))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SchemaValidator) and other.spec == self.spec


def choices_of(spec: Field, lang: str) -> list[tuple[str, str]]:
    """Return a choice field's values with their labels in a language."""
    vocabulary = VOCABULARIES.get(spec.vocabulary, {})
    return [(c, vocabulary[c].get(lang) if c in vocabulary else c) for c in spec.choices]


def form_field(
    path: str, lang: str, *, required: bool | None = None, schema: Field = CASE, **kwargs: Any
) -> forms.Field:
    """Return the form field of the schema field at `path` (`ballot.yes`, `awards.code`).

    `required` overrides the schema's (a row of a repeated group is optional as a whole);
    other keyword arguments go to the Django field (a label, a widget, extra choices).
    """
    spec = schema.at(path)
    kwargs.setdefault("label", spec.label.get(lang))
    if spec.help.get(lang):
        kwargs.setdefault("help_text", spec.help.get(lang))
    kwargs["required"] = spec.required if required is None else required
    field: forms.Field
    if spec.kind == "date":
        field = forms.DateField(widget=kwargs.pop("widget", DateInput()), **kwargs)
    elif spec.kind in ("year", "count"):
        attrs = {"inputmode": "numeric", "min": spec.minimum, "max": spec.maximum}
        if spec.kind == "year":
            attrs["class"] = "year"
        field = forms.IntegerField(widget=forms.NumberInput(attrs=attrs), **kwargs)
    elif spec.kind == "choice":
        blank = kwargs.pop("blank", None)
        options = choices_of(spec, lang)
        field = forms.ChoiceField(choices=[*([blank] if blank else []), *options], **kwargs)
    elif spec.kind == "text":  # the length is the schema's check, with the engine's message
        attrs = {} if spec.max_length is None else {"maxlength": spec.max_length}
        field = forms.CharField(widget=forms.TextInput(attrs=attrs), **kwargs)
    elif spec.kind == "list" and spec.item is not None and spec.item.kind == "choice":
        field = forms.MultipleChoiceField(choices=choices_of(spec.item, lang), **kwargs)
    else:
        raise TypeError(f"no form field for the {spec.kind} field {path}")
    target = spec.item if spec.kind == "list" and spec.item is not None else spec
    if target.kind in ("year", "count", "text"):
        field.validators.append(SchemaValidator(target, lang))
    return field
