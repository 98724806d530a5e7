"""The latest audit events an actor may see, for the dashboard.

They live with the registry because the registry scope decides which events a user sees.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import scope_for
from tdkt.audit.models import AuditEvent

from .organizations import organization_list
from .people import person_list

# Account and security events concern administrators only; others see registry changes.
# Notifications sent and read are each user's inbox, not changes of the registry.
ADMIN_ONLY_PREFIXES = ("security.", "user.", "notification.")
# Above this many objects in scope, a per-object event filter is not worth its cost.
MAX_SCOPED_OBJECTS = 500


def audit_events_recent(*, actor: Any, limit: int = 10) -> list[AuditEvent] | None:
    """Return the latest audit events the actor may see, or None when not shown.

    Board-wide roles see the latest changes (administrators also see account and security
    events). Other roles see changes to the organisations and people of their own scope; a
    scope too large for that filter shows nothing rather than a slow page.
    """
    scope = scope_for(actor)
    if scope.is_empty:
        return []
    qs = AuditEvent.objects.select_related("actor").order_by("-seq")
    if scope.everything:
        if not (actor.is_superuser or actor.role == Role.ADMIN):
            for prefix in ADMIN_ONLY_PREFIXES:
                qs = qs.exclude(event_type__startswith=prefix)
        return list(qs[:limit])
    org_ids = [str(u) for u in organization_list(actor=actor).values_list("uuid", flat=True)]
    person_ids = [
        str(u)
        for u in person_list(actor=actor)
        .prefetch_related(None)
        .values_list("uuid", flat=True)[: MAX_SCOPED_OBJECTS + 1]
    ]
    if len(org_ids) + len(person_ids) > MAX_SCOPED_OBJECTS:
        return None
    qs = qs.filter(
        Q(object_type="organizations.organization", object_id__in=org_ids)
        | Q(object_type="organizations.person", object_id__in=person_ids)
    )
    return list(qs[:limit])
