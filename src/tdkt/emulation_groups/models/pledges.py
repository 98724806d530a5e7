"""A block's yearly pledge: criteria and scoring scale as data, signatures, scores, evidence."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.emulation_groups.constants import CriterionKind, PledgeState, TieBreakKind
from tdkt.emulation_groups.storage import evidence_storage


class Pledge(models.Model):
    """The pledge (giao ước thi đua) the members of a block/cluster sign for one year.

    There is no national scoring rule (legal-rules §7): each block sets its criteria, weights,
    maximum points, bonus and penalty items and tie-break rules, kept here as rows.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        "organizations.EmulationGroup", on_delete=models.PROTECT, related_name="pledges"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên giao ước"), max_length=300)
    note = models.TextField(_("ghi chú"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=PledgeState.choices, default=PledgeState.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    opened_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")
        ordering = ["group_id", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["group", "year"], name="pledge_once_per_group_year")
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """A line of the scoring scale: a weighted criterion, or a bonus or penalty item."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("loại"), max_length=10, choices=CriterionKind.choices)
    text = models.CharField(_("nội dung"), max_length=500)
    weight = models.DecimalField(_("hệ số"), max_digits=7, decimal_places=2, default=Decimal(1))
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["pledge_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "position"], name="criterion_position"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="criterion_weight"),
            models.CheckConstraint(condition=models.Q(max_points__gt=0), name="criterion_max"),
        ]

    def __str__(self) -> str:
        return self.text


class TieBreakRule(models.Model):
    """A declared tie-break rule; the pledge applies them by ``position``."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="tie_breaks")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("quy tắc"), max_length=20, choices=TieBreakKind.choices)
    criterion = models.ForeignKey(
        Criterion, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("quy tắc xếp hạng khi bằng điểm")
        verbose_name_plural = _("quy tắc xếp hạng khi bằng điểm")
        ordering = ["pledge_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "position"], name="tie_break_position"),
        ]

    def __str__(self) -> str:
        return f"{self.pledge} #{self.position}"


class PledgeSignature(models.Model):
    """A member's signature of the pledge, confirmed in the app by its representative."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="signatures")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "organization"], name="pledge_signed_once_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pledge}: {self.organization}"


class Score(models.Model):
    """A member's points on one criterion: its own, and the leading member's review.

    The reviewed points, when set, are final; otherwise the self-assessed points are.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    self_points = models.DecimalField(_("điểm tự chấm"), max_digits=7, decimal_places=2)
    self_note = models.TextField(_("giải trình"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField()
    reviewed_points = models.DecimalField(
        _("điểm thẩm định"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    review_reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("điểm")
        verbose_name_plural = _("điểm")
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "organization"], name="score_once_per_member"
            ),
            models.CheckConstraint(condition=models.Q(self_points__gte=0), name="score_self"),
            models.CheckConstraint(
                condition=models.Q(reviewed_points__isnull=True) | models.Q(reviewed_points__gte=0),
                name="score_reviewed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.organization}"

    @property
    def points(self) -> Decimal:
        """The final points: the review's when there is one, else the member's own."""
        return self.self_points if self.reviewed_points is None else self.reviewed_points


class Evidence(models.Model):
    """A file backing a self-assessed score (private; members and officers only)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(storage=evidence_storage, upload_to="pledges/%Y/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
