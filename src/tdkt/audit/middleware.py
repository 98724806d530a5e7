"""Record forbidden requests, and expose the client IP to ``audit.record``."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .constants import AuditEventType
from .context import current_ip
from .services import record


def client_ip(request: HttpRequest) -> str:
    """Return REMOTE_ADDR; a trusted proxy in front must set it (no X-Forwarded-For trust)."""
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


class SecurityAuditMiddleware:
    """Every 403 response becomes an ACCESS_DENIED event, committed on its own.

    Services roll back their transaction before the 403 is rendered, so the event is written
    after the failed work and survives it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            response = self.get_response(request)
            if response.status_code == 403:
                user = getattr(request, "user", None)
                actor = user if user is not None and user.is_authenticated else None
                record(
                    event_type=AuditEventType.ACCESS_DENIED,
                    actor=actor,
                    actor_label=None if actor else "anonymous",
                    object_repr=f"{request.method} {request.path}"[:300],
                )
            return response
        finally:
            current_ip.reset(token)
