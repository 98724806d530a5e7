"""Helpers shared by the registry services: field validation and applying changes.

Who may write what is decided in ``tdkt.organizations.permissions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError


def full_clean_or_error(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    """Run model validation and turn its errors into an ApplicationError with field messages."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        fields = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=fields) from exc


def raise_if(errors: dict[str, list[str]]) -> None:
    """Raise one ApplicationError carrying every collected field error."""
    if errors:
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=errors)


def refuse_unknown(data: Mapping[str, Any], known: Iterable[str], what: str) -> None:
    """Raise TypeError for keys of ``data`` outside ``known`` (a caller's mistake, like an
    unexpected keyword argument), instead of dropping them silently."""
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise TypeError(f"unknown {what} field(s): {', '.join(unknown)}")


def apply_changes(instance: models.Model, data: dict[str, Any]) -> list[str]:
    """Set the attributes in ``data`` that differ and return the names of those changed."""
    changed = []
    for name, value in data.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


@dataclass(frozen=True)
class _FieldRule:
    required: bool
    max_length: int | None
    choices: frozenset[str]
    email: bool


@cache
def _rule(model: type[models.Model], name: str) -> _FieldRule:
    field = model._meta.get_field(name)
    if not isinstance(field, models.CharField):
        return _FieldRule(False, None, frozenset(), False)
    choices = frozenset(str(value) for value, _label in field.flatchoices) if field.choices else ()
    return _FieldRule(
        required=not field.blank,
        max_length=field.max_length,
        choices=frozenset(choices),
        email=isinstance(field, models.EmailField),
    )


def field_errors(model: type[models.Model], data: Mapping[str, Any]) -> dict[str, list[str]]:
    """Check text fields of ``data`` against ``model``'s definitions: required, length, choices,
    e-mail — what ``full_clean`` checks of them, in plain Python and without its per-object
    queries, so that a batch of thousands (the people import) validates in memory."""
    errors: dict[str, list[str]] = {}
    for name, value in data.items():
        rule = _rule(model, name)
        if value in (None, ""):
            if rule.required:
                errors[name] = [_("Không được để trống.")]
            continue
        if not isinstance(value, str):
            continue
        if rule.max_length is not None and len(value) > rule.max_length:
            errors[name] = [_("Dài quá %(max)s ký tự.") % {"max": rule.max_length}]
        elif rule.choices and value not in rule.choices:
            errors[name] = [_("Giá trị không hợp lệ.")]
        elif rule.email:
            try:
                validate_email(value)
            except ValidationError:
                errors[name] = [_("Địa chỉ thư điện tử không hợp lệ.")]
    return errors
