"""Reads of the officer-set rule parameters (the Board's policy, readable by every user)."""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.commendations.models import RuleParameterOverride
from tdkt.core.errors import NotFoundError, PermissionDeniedError

log = logging.getLogger(__name__)


def rule_overrides() -> dict[str, str]:
    """Return the officer-set parameter values as the engine's ``overrides`` mapping.

    Rule parameters are Board-wide policy, read by every evaluation. A stored value the
    engine no longer accepts (saved before a legal range existed) is left out, so the
    default applies and an evaluation never fails on it; the parameters page flags it.
    When the table does not exist yet (a command run before ``migrate``) the defaults apply.
    """
    try:
        stored = dict(RuleParameterOverride.objects.values_list("key", "value"))
    except DatabaseError:
        return {}
    usable = {}
    for key, value in stored.items():
        try:
            rules.REGISTRY.coerce_override(key, value)
        except (rules.ParameterError, rules.RuleSetError):
            log.warning("rule parameter %s=%r is invalid; the default applies", key, value)
            continue
        usable[key] = value
    return usable


def _ensure_reader(actor: Any) -> None:
    """Rules are the Board's policy: every signed-in, active user may read them."""
    if not (getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", False)):
        raise PermissionDeniedError(_("Bạn cần đăng nhập để xem quy tắc khen thưởng."))


def rule_parameter_records(*, actor: Any) -> dict[str, RuleParameterOverride]:
    """Return the stored local values by key, with who changed them last.

    Every signed-in user may read the rules and their parameters (they are the Board's
    policy); the page shows the legal basis each officer typed.
    """
    _ensure_reader(actor)
    records = RuleParameterOverride.objects.select_related("updated_by").order_by("key")
    return {r.key: r for r in records}


def rule_parameter_get(*, actor: Any, name: str) -> str:
    """Return a parameter name the engine knows; an unknown one is "not found" (404)."""
    _ensure_reader(actor)
    if name not in rules.REGISTRY.known_parameters:
        raise NotFoundError(_("Không tìm thấy tham số."))
    return name
