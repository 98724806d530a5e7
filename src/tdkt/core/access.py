"""Record refused lookups: an out-of-scope object answers 404, but the attempt is audited.

``tdkt.audit.middleware`` records every 403 response. A lookup of an object outside the
actor's scope answers 404 instead (no existence oracle, docs/decisions/0013), so the web and
API error mappings call ``record_access_denied`` for ``OutOfScopeError``: an administrator can
still see who probed what, and the caller cannot tell the difference.
"""

from __future__ import annotations

from typing import Any

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record


def record_access_denied(request: Any) -> None:
    """Append an ACCESS_DENIED event naming the request's method and path (outside any
    transaction of the refused work, so it survives it)."""
    user = getattr(request, "user", None)
    actor = user if user is not None and user.is_authenticated else None
    record(
        event_type=AuditEventType.ACCESS_DENIED,
        actor=actor,
        actor_label=None if actor else "anonymous",
        object_repr=f"{request.method} {request.path}"[:300],
    )
