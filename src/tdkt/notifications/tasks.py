"""The background task that e-mails notifications through Django's mail backend.

Sending runs in a task worker after the commit, so a launch to a hundred units does not wait
on the mail server, and a mail server that is down fails the task (its log keeps the error)
without undoing the launch: the in-app notifications are there either way.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django_tasks import task

from tdkt.notifications.selectors import notifications_for_email

logger = logging.getLogger(__name__)
SUBJECT_PREFIX = "[TĐKT] "


def _message(notification_body: str, link: str) -> str:
    lines = [notification_body] if notification_body else []
    if link:
        base = str(getattr(settings, "TDKT_PUBLIC_URL", "")).rstrip("/")
        lines.append(f"Xem chi tiết: {base}{link}")
    lines.append("")
    lines.append("Thư này được gửi tự động từ hệ thống quản lý thi đua – khen thưởng.")
    return "\n\n".join(lines)


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail each notification among ``notification_ids`` to its recipient; return the count."""
    messages = [
        EmailMessage(
            subject=SUBJECT_PREFIX + n.title,
            body=_message(n.body, n.link),
            to=[n.recipient.email],
        )
        for n in notifications_for_email(ids=notification_ids)
    ]
    if not messages:
        return 0
    sent = get_connection().send_messages(messages) or 0
    logger.info("notification e-mails sent: %s of %s", sent, len(messages))
    return sent
