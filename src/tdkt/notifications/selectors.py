"""Reads of notifications: a user reads only their own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.scopes import get_visible
from tdkt.notifications.models import Notification
from tdkt.organizations.models import Organization


def _own(actor: Any) -> QuerySet[Notification]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=actor)


def notification_list(*, actor: Any, unread_only: bool = False) -> QuerySet[Notification]:
    """Return the actor's notifications, newest first."""
    qs = _own(actor)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs.order_by("-created_at", "-id")


def notification_unread_count(*, actor: Any) -> int:
    """Return how many of the actor's notifications are still unread (the header's badge)."""
    return _own(actor).filter(read_at__isnull=True).count()


def notification_get(*, actor: Any, uuid: UUID | str) -> Notification:
    """Return one of the actor's notifications; anybody else's answers like a missing one."""
    actor_pk = getattr(actor, "pk", None)
    return get_visible(
        Notification.objects.all(),
        uuid=uuid,
        visible=lambda n: actor_pk is not None and n.recipient_id == actor_pk,
        message=_("Không tìm thấy thông báo."),
    )


def recipients_of(*, organizations: Iterable[Organization]) -> QuerySet[User]:
    """Return the active accounts that act for one of ``organizations`` (not their subtrees).

    These are the people a unit's notice reaches: its head, its viewers, an enterprise's
    representative.
    """
    ids = [org.pk for org in organizations]
    return User.objects.filter(is_active=True, organization_id__in=ids).order_by("pk")


def notifications_for_email(*, ids: Iterable[int]) -> QuerySet[Notification]:
    """Return the notifications among ``ids`` whose recipient has an e-mail address (the
    background sender's read; the task acts for the system)."""
    return (
        Notification.objects.filter(pk__in=list(ids), recipient__is_active=True)
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("pk")
    )
