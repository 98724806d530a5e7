"""Yearly registration (đăng ký thi đua): the year's campaign, each unit's sheet and its lines."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.movements.constants import (
    REGISTRATION_TARGET_PERCENT,
    CampaignState,
    SheetState,
)


class RegistrationCampaign(models.Model):
    """The Board's call to register for a year: the units asked, the deadline, the target.

    ``target_percent`` is the share of collectives and individuals the Board aims to see
    registered (``REGISTRATION_TARGET_PERCENT``, 100 % by default).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    deadline = models.DateField(_("hạn đăng ký"))
    target_percent = models.PositiveSmallIntegerField(
        _("chỉ tiêu tỷ lệ đăng ký (%)"), default=REGISTRATION_TARGET_PERCENT
    )
    organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("đơn vị đăng ký"),
        related_name="registration_campaigns",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=8, choices=CampaignState.choices, default=CampaignState.OPEN
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("đợt đăng ký thi đua")
        verbose_name_plural = _("đợt đăng ký thi đua")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_percent__gte=1) & Q(target_percent__lte=100),
                name="campaign_target_is_a_percent",
            )
        ]

    def __str__(self) -> str:
        return str(_("Đăng ký thi đua năm %(year)s") % {"year": self.year})


class RegistrationSheet(models.Model):
    """One unit's bản đăng ký thi đua for a year: its own collective line and its people's.

    The unit prepares and submits it; a writer of the level above approves it or returns it
    with a reason (decision 0604). Moves go through ``registration_workflow``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(
        RegistrationCampaign, on_delete=models.PROTECT, related_name="sheets"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="registration_sheets",
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=SheetState.choices, default=SheetState.DRAFT
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bản đăng ký thi đua")
        verbose_name_plural = _("bản đăng ký thi đua")
        ordering = ["-campaign__year", "organization__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organization"], name="sheet_one_per_unit_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.campaign.year}"


class RegistrationLine(models.Model):
    """A title a collective or an individual registers for (a rule-engine code)."""

    sheet = models.ForeignKey(RegistrationSheet, on_delete=models.CASCADE, related_name="lines")
    person = models.ForeignKey(
        "organizations.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registration_lines",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registration_lines",
    )
    code = models.CharField(_("danh hiệu, hình thức đăng ký"), max_length=64)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("dòng đăng ký thi đua")
        verbose_name_plural = _("dòng đăng ký thi đua")
        ordering = ["sheet_id", "organization_id", "person__search_key", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=True, organization__isnull=False)
                | Q(person__isnull=False, organization__isnull=True),
                name="registration_line_one_registrant",
            ),
            models.UniqueConstraint(
                fields=["sheet", "person", "code"],
                condition=Q(person__isnull=False),
                name="registration_line_person_code_once",
            ),
            models.UniqueConstraint(
                fields=["sheet", "organization", "code"],
                condition=Q(organization__isnull=False),
                name="registration_line_collective_code_once",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "code"], name="registration_line_person_idx"),
            models.Index(fields=["organization", "code"], name="registration_line_org_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.organization}: {self.code}"


class SheetTransition(models.Model):
    """One step of a sheet's timeline (submitted, approved, returned with its reason)."""

    sheet = models.ForeignKey(
        RegistrationSheet, on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(max_length=10, choices=SheetState.choices)
    to_state = models.CharField(max_length=10, choices=SheetState.choices)
    reason = models.TextField(_("lý do"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bước của bản đăng ký")
        verbose_name_plural = _("các bước của bản đăng ký")
        ordering = ["sheet_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.sheet_id}: {self.from_state} → {self.to_state}"
