"""A notification: one message to one user, read or not."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """A message shown in the recipient's list (and sent by e-mail when they have an address).

    ``kind`` is a stable code of what happened (``movement.launched``); ``link`` is a path
    inside tdkt that opening the notification leads to. The texts are composed in Vietnamese,
    the Board's working language, when the notification is created. Written only by
    ``tdkt.notifications.services``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("loại"), max_length=50)
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"), blank=True)
    link = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx"),
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        """True once the recipient opened it or marked everything read."""
        return self.read_at is not None
