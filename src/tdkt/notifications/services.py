"""Writes of notifications: send (in-app and e-mail), mark read.

``notify`` is a building block of other services, like ``audit.record``: it runs inside the
caller's transaction and has no permission of its own, because the caller has already
checked that its actor may do what the notification announces. Its rows commit or roll back
with that change, and the e-mails are queued only after the commit (a rolled-back launch
e-mails nobody).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.notifications.models import Notification
from tdkt.notifications.selectors import recipients_of
from tdkt.organizations.models import Organization

KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
# The audit event lists at most this many recipients by name; the count is always exact.
AUDITED_NAMES = 50


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_link(link: str) -> str:
    """A link is a path inside tdkt: opening a notification must never lead elsewhere."""
    link = link.strip()
    if link and (not link.startswith("/") or link.startswith("//") or "\\" in link):
        raise ValueError(f"a notification links to a path inside tdkt, not {link!r}")
    return link


@transaction.atomic
def notify(
    *,
    actor: Any,
    recipients: Iterable[User],
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    email: bool = True,
) -> list[Notification]:
    """Send one notification to each active recipient (duplicates once) and audit the batch.

    With ``email`` the notifications of recipients who have an address are also sent by
    e-mail, by a background task once the transaction commits.
    """
    if not KIND_PATTERN.match(kind) or len(kind) > 50:
        raise ValueError(f"invalid notification kind {kind!r}")
    title = _clip(title, 200)
    if not title:
        raise ApplicationError(_("Thông báo cần có tiêu đề."))
    link = _check_link(link)
    unique: dict[int, User] = {}
    for user in recipients:
        if user.is_active and user.pk not in unique:
            unique[user.pk] = user
    if not unique:
        return []
    now = timezone.now()
    created = Notification.objects.bulk_create(
        Notification(
            recipient=user, kind=kind, title=title, body=body.strip(), link=link, created_at=now
        )
        for user in unique.values()
    )
    names = sorted(user.get_username() for user in unique.values())
    record(
        event_type=AuditEventType.NOTIFICATIONS_SENT,
        actor=actor,
        object_repr=title,
        changes={
            "kind": [None, kind],
            "recipients": [None, len(unique)],
            "usernames": [None, names[:AUDITED_NAMES]],
        },
    )
    if email:
        # SQLite (3.35+) and PostgreSQL both return the ids of a bulk insert.
        ids = [n.pk for n in created]
        transaction.on_commit(lambda: _enqueue_emails(ids))
    return created


def _enqueue_emails(ids: Sequence[int]) -> None:
    from tdkt.notifications.tasks import send_notification_emails

    send_notification_emails.enqueue(list(ids))


def notify_organizations(
    *,
    actor: Any,
    organizations: Iterable[Organization],
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    email: bool = True,
) -> list[Notification]:
    """Notify every active account acting for one of ``organizations`` (see ``notify``)."""
    return notify(
        actor=actor,
        recipients=recipients_of(organizations=organizations),
        kind=kind,
        title=title,
        body=body,
        link=link,
        email=email,
    )


def _ensure_owner(actor: Any, notification: Notification) -> None:
    if actor is None or getattr(actor, "pk", None) != notification.recipient_id:
        raise PermissionDeniedError(_("Đây không phải thông báo của bạn."))


@transaction.atomic
def notification_open(*, actor: Any, notification: Notification) -> Notification:
    """Mark one of the actor's notifications read (nothing to do when it already is)."""
    _ensure_owner(actor, notification)
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.read_at is None:
        locked.read_at = timezone.now()
        locked.save(update_fields=["read_at"])
        record(
            event_type=AuditEventType.NOTIFICATIONS_READ,
            actor=actor,
            obj=locked,
            changes={"count": [None, 1]},
        )
    return locked


@transaction.atomic
def notifications_mark_all_read(*, actor: Any) -> int:
    """Mark every unread notification of the actor read; return how many changed."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Bạn cần đăng nhập."))
    count = Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        record(
            event_type=AuditEventType.NOTIFICATIONS_READ,
            actor=actor,
            object_repr=_("Tất cả thông báo"),
            changes={"count": [None, count]},
        )
    return count
