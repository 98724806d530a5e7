"""A movement, its participants, criteria and scores, deadlines and the reminders sent."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tdkt.movements.constants import (
    CriterionSource,
    DeadlineKind,
    MovementKind,
    MovementState,
)
from tdkt.movements.storage import plan_storage


def _plan_path(instance: Movement, filename: str) -> str:
    """Store under a random name: the original name is kept in a column, never in the path."""
    return f"plans/{instance.uuid}/{uuid.uuid4().hex}"


class Movement(models.Model):
    """A phong trào thi đua: its plan document, period, participants and criteria.

    After creation its state changes only through ``movements.workflow.movement_transition``;
    ``version`` lets a form notice that somebody else changed the movement since it was read.
    ``higher_movement`` / ``higher_movement_text`` name the City's or the ministry's movement it
    relays, as a link when that movement is in tdkt, otherwise as text.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(
        _("mã phong trào"),
        max_length=30,
        unique=True,
        help_text=_("Mã ngắn, duy nhất, ví dụ ATTP-2019."),
    )
    name = models.CharField(_("tên phong trào"), max_length=300)
    kind = models.CharField(_("loại phong trào"), max_length=12, choices=MovementKind.choices)
    slogan = models.CharField(_("khẩu hiệu"), max_length=300, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    plan_number = models.CharField(
        _("số kế hoạch"), max_length=50, blank=True, help_text=_("Ví dụ 163/KH-BQL.")
    )
    plan_date = models.DateField(_("ngày kế hoạch"), null=True, blank=True)
    plan_file = models.FileField(
        _("tệp kế hoạch"), storage=plan_storage, upload_to=_plan_path, max_length=200, blank=True
    )
    plan_file_name = models.CharField(_("tên tệp kế hoạch"), max_length=255, blank=True)
    plan_file_type = models.CharField(max_length=100, blank=True)
    plan_file_size = models.PositiveBigIntegerField(null=True, blank=True)
    plan_file_sha256 = models.CharField(max_length=64, blank=True)
    higher_movement = models.ForeignKey(
        "self",
        verbose_name=_("hưởng ứng phong trào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relays",
    )
    higher_movement_text = models.CharField(
        _("hưởng ứng phong trào cấp trên"),
        max_length=300,
        blank=True,
        help_text=_("Phong trào của Thành phố hoặc Bộ, ngành mà phong trào này hưởng ứng."),
    )
    description = models.TextField(_("nội dung chính"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=14, choices=MovementState.choices, default=MovementState.DRAFT
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    launched_on = models.DateField(_("ngày phát động"), null=True, blank=True)
    commendation_round = models.OneToOneField(
        "commendations.Round",
        verbose_name=_("đợt xét khen thưởng chuyên đề"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="movement",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-starts_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="movement_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(higher_movement=F("id")), name="movement_not_own_higher"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Participant(models.Model):
    """A unit taking part in a movement, and its acknowledgement of the launch."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="participants")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="movement_participations",
    )
    acknowledged_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledgement_note = models.CharField(_("ghi chú xác nhận"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("đơn vị tham gia")
        verbose_name_plural = _("đơn vị tham gia")
        ordering = ["movement_id", "organization__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "organization"], name="participant_once_per_movement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.movement}"


class Criterion(models.Model):
    """A tiêu chí of a movement with its scale; ``source`` says whether points are typed in
    or computed from an indicator (``indicator_code``) or from the procedure statistics."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField(_("tiêu chí"), max_length=500)
    weight = models.DecimalField(_("hệ số"), max_digits=6, decimal_places=2, default=1)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=7, decimal_places=2)
    bonus_max = models.DecimalField(
        _("điểm thưởng tối đa"), max_digits=7, decimal_places=2, default=0
    )
    penalty_max = models.DecimalField(
        _("điểm trừ tối đa"), max_digits=7, decimal_places=2, default=0
    )
    source = models.CharField(
        _("cách tính điểm"),
        max_length=12,
        choices=CriterionSource.choices,
        default=CriterionSource.MANUAL,
    )
    indicator_code = models.CharField(_("mã chỉ tiêu"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("tiêu chí thi đua")
        verbose_name_plural = _("tiêu chí thi đua")
        ordering = ["movement_id", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(max_points__gt=0), name="criterion_max_positive"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
            models.CheckConstraint(
                condition=Q(bonus_max__gte=0) & Q(penalty_max__gte=0),
                name="criterion_bonus_penalty_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(source="indicator") | Q(indicator_code__gt=""),
                name="criterion_indicator_has_code",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class CriterionScore(models.Model):
    """One unit's points on one criterion, with bonus and penalty (decision 0605).

    ``computed`` marks points that came from data; ``version`` lets two officers scoring at
    once notice each other.
    """

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="criterion_scores",
    )
    points = models.DecimalField(_("điểm"), max_digits=7, decimal_places=2, null=True, blank=True)
    bonus = models.DecimalField(_("điểm thưởng"), max_digits=7, decimal_places=2, default=0)
    penalty = models.DecimalField(_("điểm trừ"), max_digits=7, decimal_places=2, default=0)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    computed = models.BooleanField(_("tính từ số liệu"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        ordering = ["criterion_id", "organization_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "organization"], name="score_once_per_unit"
            ),
            models.CheckConstraint(
                condition=(Q(points__isnull=True) | Q(points__gte=0))
                & Q(bonus__gte=0)
                & Q(penalty__gte=0),
                name="score_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.criterion}"


class Deadline(models.Model):
    """A date the participants must meet (acknowledge, send a report); reminders count to it."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("loại mốc"), max_length=16, choices=DeadlineKind.choices)
    title = models.CharField(_("nội dung"), max_length=200)
    due_on = models.DateField(_("hạn"))

    class Meta:
        verbose_name = _("mốc thời hạn")
        verbose_name_plural = _("mốc thời hạn")
        ordering = ["movement_id", "due_on", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.due_on:%d/%m/%Y})"


class MovementTransition(models.Model):
    """One step of a movement's timeline (the audit trail records the same step, chained)."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=14, choices=MovementState.choices)
    to_state = models.CharField(max_length=14, choices=MovementState.choices)
    reason = models.TextField(_("lý do"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bước của phong trào")
        verbose_name_plural = _("các bước của phong trào")
        ordering = ["movement_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.movement_id}: {self.from_state} → {self.to_state}"


class Reminder(models.Model):
    """A reminder sent to a unit before a deadline (a movement's or a registration campaign's).

    One row per deadline, unit and threshold (5 or 1 working days before), so running the
    reminder command twice sends nothing twice (decision 0603).
    """

    deadline = models.ForeignKey(
        Deadline, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    campaign = models.ForeignKey(
        "movements.RegistrationCampaign",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    days_before = models.PositiveSmallIntegerField(_("số ngày làm việc trước hạn"))
    sent_on = models.DateField(_("gửi ngày"))

    class Meta:
        verbose_name = _("nhắc hạn")
        verbose_name_plural = _("nhắc hạn")
        ordering = ["-sent_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True, campaign__isnull=False)
                | Q(deadline__isnull=False, campaign__isnull=True),
                name="reminder_one_subject",
            ),
            models.UniqueConstraint(
                fields=["deadline", "organization", "days_before"],
                condition=Q(deadline__isnull=False),
                name="reminder_once_per_deadline",
            ),
            models.UniqueConstraint(
                fields=["campaign", "organization", "days_before"],
                condition=Q(campaign__isnull=False),
                name="reminder_once_per_campaign",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} −{self.days_before} ({self.sent_on:%d/%m/%Y})"
