"""Helpers shared by the registry services: field validation and applying changes.

Who may write what is decided in ``tdkt.organizations.permissions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
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
