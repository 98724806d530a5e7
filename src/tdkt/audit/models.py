"""The audit trail: an append-only, hash-chained log of every change and security event."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import AuditEventType


class AuditEvent(models.Model):
    """One change or security event.

    ``seq`` orders the chain; ``hash`` = SHA-256 over ``prev_hash`` and the canonical JSON of
    this row's content (see ``chain.py``), so editing, deleting or reordering rows breaks the
    chain at the first tampered row. Only ``tdkt.audit.services.record`` creates rows.
    """

    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    occurred_at = models.DateTimeField(_("thời điểm (UTC)"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("tên người thực hiện"), max_length=200, blank=True)
    event_type = models.CharField(
        _("loại sự kiện"), max_length=64, choices=AuditEventType.choices, db_index=True
    )
    object_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    ip_address = models.CharField(_("địa chỉ IP"), max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký kiểm toán")
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.event_type} {self.object_repr}"


class AuditChainHead(models.Model):
    """Singleton row holding the chain's last link; locked while appending.

    It serialises writers on PostgreSQL (row lock) and lets ``verify`` notice a deleted tail.
    """

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return f"head #{self.last_seq}"
