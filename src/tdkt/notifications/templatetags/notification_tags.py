"""The header's unread count."""

from __future__ import annotations

from typing import Any

from django import template

from tdkt.notifications.selectors import notification_unread_count

register = template.Library()


@register.simple_tag
def unread_notifications(user: Any) -> int:
    """Return how many notifications ``user`` has not read yet (0 when signed out)."""
    return notification_unread_count(actor=user)
