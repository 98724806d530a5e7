"""Security events from Django auth and django-axes, recorded even when the request fails.

Failed logins and lockouts come from clients not signed in, so they are counted per source
and window rather than chained one by one (``security.py``, ADR 0027).
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .constants import AuditEventType
from .security import record_anonymous
from .services import record


@receiver(user_logged_in)
def _on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record(event_type=AuditEventType.USER_LOGIN, actor=user, obj=user)


@receiver(user_logged_out)
def _on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(event_type=AuditEventType.USER_LOGOUT, actor=user, obj=user)


@receiver(user_login_failed)
def _on_login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    username = str(credentials.get("username", ""))[:150]
    record_anonymous(
        event_type=AuditEventType.USER_LOGIN_FAILED,
        actor_label=f"anonymous ({username})",
        object_repr=username,
    )


@receiver(user_locked_out)
def _on_locked_out(sender: Any, request: Any = None, username: str = "", **kwargs: Any) -> None:
    record_anonymous(
        event_type=AuditEventType.USER_LOCKED_OUT,
        actor_label=f"anonymous ({username})",
        object_repr=str(username)[:150],
    )
