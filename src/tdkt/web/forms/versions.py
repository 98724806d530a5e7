"""Edit forms that know which version of the record they were drawn from (decision 0038).

The form carries, in a hidden field, the state of the record when it was drawn; the view
passes its fingerprint to the service as ``expected_version``. When the service refuses a
stale save, ``show_stale`` compares three states — what the form was drawn from, what is
stored now, what the user typed — to take in the other person's changes to the fields the
user left alone, keep what the user typed, and mark every field someone else changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.core.errors import StaleVersionError
from tdkt.core.versions import decode_state, encode_state, fingerprint, public_value


class VersionedForm(forms.Form):
    """A form with the hidden ``seen`` field: the state of the record it was drawn from."""

    seen = forms.CharField(required=False, label="", widget=forms.HiddenInput)

    def expected_version(self) -> str | None:
        """Return the version the user saw (None when the form carried none)."""
        state = self.seen_state()
        return None if state is None else fingerprint(state)

    def seen_state(self) -> dict[str, Any] | None:
        """Return the state the form was drawn from."""
        return decode_state(self.data.get("seen") if self.is_bound else self.initial.get("seen"))


def seen_initial(state: Mapping[str, Any]) -> dict[str, str]:
    """Return the initial value of ``seen`` for a form drawn from ``state``."""
    return {"seen": encode_state(state)}


EMPTY = gettext_lazy("(trống)")


def show_stale(
    form: VersionedForm,
    exc: StaleVersionError,
    *,
    current_state: Mapping[str, Any],
    current_values: Mapping[str, Any],
) -> None:
    """Explain a refused stale save on ``form`` and prepare it to be saved again.

    For each field someone else changed since the form was drawn: if the user left it
    alone, it takes the new value; if the user changed it too, it keeps the user's value.
    Both are marked with the new value, so nothing is overwritten without the user seeing
    it. ``current_values`` are the record's current values as the form's initial data.
    """
    seen = form.seen_state() or {}
    cleaned = getattr(form, "cleaned_data", {})
    data = _editable_copy(form.data)
    for name, field in form.fields.items():
        if name == "seen" or name not in current_state or seen.get(name) == current_state[name]:
            continue
        new_value = current_values.get(name)
        shown = _display(field, new_value)
        if name in cleaned and not _same(public_value(cleaned[name]), seen.get(name)):
            message = _("Người khác vừa đổi ô này thành «%(value)s»; ô vẫn giữ giá trị bạn nhập.")
        else:
            _set_input(data, name, field, new_value)
            message = _("Người khác vừa đổi ô này thành «%(value)s»; đã cập nhật vào ô.")
        form.add_error(name, message % {"value": shown})
    data["seen"] = encode_state(current_state)
    form.data = data
    form.add_error(None, exc.message)
    form.add_error(
        None, _("Dữ liệu bạn nhập vẫn còn: kiểm tra các ô được đánh dấu rồi bấm Lưu lần nữa.")
    )


def _editable_copy(data: Any) -> QueryDict:
    """Return the submitted data as a mutable QueryDict (a test may submit a plain dict)."""
    copy = QueryDict(mutable=True)
    for key in data:
        values = data.getlist(key) if hasattr(data, "getlist") else [data[key]]
        copy.setlist(key, values)
    return copy


def _same(typed: Any, seen: Any) -> bool:
    """An empty input is the same as a field stored empty or null."""
    return typed == seen or (typed in ("", None) and seen in ("", None))


def _display(field: forms.Field, value: Any) -> str:
    if value is None or value == "":
        return str(EMPTY)
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.ChoiceField):
        labels: dict[str, Any] = {}
        for code, label in getattr(field, "choices", ()):  # normalised to a list by Django
            group = label if isinstance(label, list | tuple) else [(code, label)]
            labels |= {str(c): sub for c, sub in group}
        return str(labels.get(str(value), value))
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _set_input(data: Any, name: str, field: forms.Field, value: Any) -> None:
    """Put ``value`` in the submitted data as its widget would have sent it."""
    if isinstance(field.widget, forms.CheckboxInput):
        if value:
            data[name] = "on"
        else:
            data.pop(name, None)
        return
    formatted = field.widget.format_value(field.prepare_value(value))
    data[name] = "" if formatted is None else str(formatted)
