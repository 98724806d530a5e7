"""The audit trail: an append-only, keyed hash chain of every change and security event."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .chain import GENESIS
from .constants import event_type_label
from .fields import CanonicalJSONField

# The stored columns of an event in link order (chain.link_message), then its two hashes:
# what record_many inserts and what verify reads, as plain tuples.
CHAIN_COLUMNS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_label",
    "event_type",
    "object_type",
    "object_id",
    "object_repr",
    "changes",
    "ip_address",
    "key_id",
    "prev_hash",
    "hash",
)


class AuditEvent(models.Model):
    """One change or security event.

    ``seq`` orders the chain; ``hash`` = HMAC-SHA256, under the key named by ``key_id``, of
    ``prev_hash`` and this row's stored values (see ``chain.py``), so editing, deleting or
    reordering rows breaks the chain at the first tampered row, and without the key nobody can
    write a chain that verifies. Events with an empty ``key_id`` predate the keys (legacy).
    Only ``tdkt.audit.services.record_many`` creates rows; on PostgreSQL a trigger refuses
    UPDATE and DELETE.

    ``event_type`` has no ``choices``: its values are ``AuditEventType`` members, and a new
    member needs no migration (ADR 0028).
    """

    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    occurred_at = models.DateTimeField(_("thời điểm (UTC)"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("tên người thực hiện"), max_length=200, blank=True)
    event_type = models.CharField(_("loại sự kiện"), max_length=64, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    changes = CanonicalJSONField(_("thay đổi"), default=dict, blank=True)
    ip_address = models.CharField(_("địa chỉ IP"), max_length=64, blank=True)
    key_id = models.CharField(_("mã khoá"), max_length=16, blank=True, default="")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký kiểm toán")
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.event_type} {self.object_repr}"

    def get_event_type_display(self) -> str:
        """Return the event type's label (what Django would give a field with choices)."""
        return event_type_label(self.event_type)


class AuditChainHead(models.Model):
    """Singleton row holding the chain's last link; locked while appending.

    It serialises writers on PostgreSQL (row lock) and lets ``verify`` notice a deleted tail.
    """

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return f"head #{self.last_seq}"


class AnonymousEventWindow(models.Model):
    """How often one kind of security event came from one anonymous source in one window.

    Anonymous clients can cause security events (forbidden requests, failed logins, lockouts)
    as fast as they can send requests. The first event of a source and kind in a window is
    chained as usual; the rest only count here, and when the window closes one chained summary
    event carries the count (ADR 0027). These rows are counters, not evidence: not chained,
    updated in place, deleted once summarised.
    """

    event_type = models.CharField(_("loại sự kiện"), max_length=64)
    source = models.CharField(_("nguồn"), max_length=64)
    window_start = models.DateTimeField(_("đầu khoảng thời gian"))
    window_end = models.DateTimeField(_("cuối khoảng thời gian"), db_index=True)
    count = models.PositiveIntegerField(_("số lần"), default=1)
    first_at = models.DateTimeField(_("lần đầu"))
    last_at = models.DateTimeField(_("lần cuối"))

    class Meta:
        verbose_name = _("sự kiện ẩn danh đang đếm")
        constraints = [
            models.UniqueConstraint(
                fields=["event_type", "source", "window_start"], name="audit_anonymous_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.source} ×{self.count}"
