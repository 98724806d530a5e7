"""Template helpers of the account pages (they only hide links; the services decide)."""

from __future__ import annotations

from typing import Any

from django import template

from tdkt.accounts.policy import can_manage_accounts

register = template.Library()


@register.filter
def manages_accounts(user: Any) -> bool:
    """Return True when the user may open the account managers' screens."""
    return can_manage_accounts(user)
