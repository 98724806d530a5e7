"""Duplicates to review: submissions refused because their CCCD belongs to someone the
submitter may not see (decision 0036)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DuplicateReviewStatus(models.TextChoices):
    OPEN = "open", _("Chưa xử lý")
    RESOLVED = "resolved", _("Đã xử lý")


class DuplicateContext(models.TextChoices):
    CREATE = "create", _("Thêm cá nhân")
    UPDATE = "update", _("Sửa cá nhân")
    IMPORT = "import", _("Nhập dữ liệu từ tệp")


class DuplicateReview(models.Model):
    """A person submitted with the CCCD of a registered person outside the submitter's scope.

    The submitter is only told that the record cannot be created; an officer sees here who
    tried, for which unit, what they typed and whom the number belongs to, and settles it
    (a transfer, a typing error, a forged number). ``submitted`` keeps the submitted fields
    as JSON (dates as ISO text).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    citizen_id = models.CharField(_("số CCCD"), max_length=12)
    person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("cá nhân đã có"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted = models.JSONField(_("thông tin đã nhập"), default=dict)
    context = models.CharField(_("thao tác"), max_length=10, choices=DuplicateContext.choices)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("thời điểm"))
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=DuplicateReviewStatus.choices,
        default=DuplicateReviewStatus.OPEN,
        db_index=True,
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("thời điểm xử lý"), null=True, blank=True)
    resolution = models.TextField(_("kết quả xử lý"), blank=True)

    class Meta:
        verbose_name = _("trùng số CCCD cần xem xét")
        verbose_name_plural = _("trùng số CCCD cần xem xét")
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.citizen_id} — {self.person}"
