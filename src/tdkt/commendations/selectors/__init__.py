"""Reads of the commendation app."""

from __future__ import annotations

from django.db import DatabaseError

from tdkt.commendations.models import RuleParameterOverride


def rule_overrides() -> dict[str, str]:
    """Return the officer-set parameter values as the engine's ``overrides`` mapping.

    Rule parameters are Board-wide policy, readable by every signed-in user. When the table
    does not exist yet (a command run before ``migrate``) the engine's defaults apply.
    """
    try:
        return dict(RuleParameterOverride.objects.values_list("key", "value"))
    except DatabaseError:
        return {}
