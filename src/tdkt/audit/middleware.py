"""Record forbidden requests, and expose the client IP to ``audit.record``."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from tdkt.core.network import client_address

from .constants import AuditEventType
from .context import current_ip
from .security import record_anonymous
from .services import record


def client_ip(request: HttpRequest) -> str:
    """Return the client's address (``X-Forwarded-For`` only as far as the trusted proxies
    vouch for it, ``tdkt.core.network``), cut to the audit column's width."""
    return client_address(request)[:64]


class SecurityAuditMiddleware:
    """Every 403 response becomes an ACCESS_DENIED event, committed on its own.

    Services roll back their transaction before the 403 is rendered, so the event is written
    after the failed work and survives it. A 403 to an anonymous client (a POST without its
    CSRF token, an API call without credentials) is counted per source (``security.py``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            response = self.get_response(request)
            if response.status_code == 403:
                user = getattr(request, "user", None)
                what = f"{request.method} {request.path}"[:300]
                if user is not None and user.is_authenticated:
                    record(event_type=AuditEventType.ACCESS_DENIED, actor=user, object_repr=what)
                else:
                    record_anonymous(event_type=AuditEventType.ACCESS_DENIED, object_repr=what)
            return response
        finally:
            current_ip.reset(token)
