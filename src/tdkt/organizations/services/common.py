"""Helpers shared by the registry services: permission checks and field validation."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
from tdkt.core.errors import ApplicationError, PermissionDeniedError


def ensure_can_write_path(actor: Any, path: str) -> None:
    """Refuse unless the actor may change records of the organisation at ``path``."""
    scope = scope_for(actor)
    if not (scope.can_write and scope.covers_path(path)):
        raise PermissionDeniedError(_("Bạn không có quyền thay đổi dữ liệu của đơn vị này."))


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


def apply_changes(instance: models.Model, data: dict[str, Any]) -> list[str]:
    """Set the attributes in ``data`` that differ and return the names of those changed."""
    changed = []
    for name, value in data.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed
