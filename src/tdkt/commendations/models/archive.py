"""The archive: every award ever granted, and the yearly facts the rule engine reads.

These rows are the one copy of a person's or a collective's history: the rule engine's
adapter (``commendations.adapters``) builds its ``Case`` from them, and the person and
organisation pages show them. An award decided in tdkt and one imported from paper records
are the same kind of row; ``origin`` tells them apart.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.constants import (
    AwardOrigin,
    AwardStatus,
    DisciplineLevel,
    InitiativeScope,
    IssuerLevel,
    Rating,
)

# Exactly one recipient: a person (individual) or an organisation (collective).
ONE_RECIPIENT = (Q(person__isnull=False) & Q(organization__isnull=True)) | (
    Q(person__isnull=True) & Q(organization__isnull=False)
)


class Award(models.Model):
    """One title or form granted to one recipient for the achievements of a year or period.

    ``code`` is a rule-engine award code (validated by the services, not by ``choices``, so a
    new code needs no migration). ``recipient_name`` and ``unit_label`` keep the wording of
    the decision even when the person later changes name or unit. An award of a tdkt decision
    points at it; an imported award keeps the paper decision's number and date as text.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("tập thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    recipient_name = models.CharField(_("tên cá nhân, tập thể"), max_length=300)
    unit_label = models.CharField(_("chức vụ, đơn vị công tác"), max_length=300, blank=True)
    code = models.CharField(_("danh hiệu, hình thức"), max_length=64)
    issuer_level = models.CharField(
        _("cấp khen thưởng"), max_length=20, choices=IssuerLevel.choices
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    period_end_year = models.PositiveSmallIntegerField(
        _("đến năm"),
        null=True,
        blank=True,
        help_text=_("Chỉ ghi khi thành tích là một giai đoạn nhiều năm."),
    )
    achievement = models.TextField(_("thành tích"), blank=True)
    decision = models.ForeignKey(
        "commendations.Decision",
        verbose_name=_("quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    proposal_line = models.OneToOneField(
        "commendations.ProposalLine",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award",
    )
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True, db_index=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer_name = models.CharField(_("cơ quan quyết định"), max_length=300, blank=True)
    prize_vnd = models.BigIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)
    prize_coefficient = models.DecimalField(
        _("hệ số tiền thưởng"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    prize_note = models.CharField(
        _("ghi chú tiền thưởng"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: không chi vì cùng thời gian đã hưởng danh hiệu cao hơn."),
    )
    register_number = models.CharField(
        _("số sổ vàng"),
        max_length=30,
        blank=True,
        help_text=_("Số vào sổ khen thưởng, in trên giấy khen; theo loại giấy khen và năm."),
    )
    list_position = models.PositiveIntegerField(
        _("thứ tự trong danh sách"), default=0, help_text=_("Thứ tự in trong danh sách kèm theo.")
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=AwardStatus.choices, default=AwardStatus.GRANTED
    )
    origin = models.CharField(
        _("nguồn"), max_length=10, choices=AwardOrigin.choices, default=AwardOrigin.DECIDED
    )
    verification_token = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Mã không đoán được in trong mã QR của giấy chứng nhận."),
    )
    revoked_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)
    revocation_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revocation_decision = models.CharField(_("quyết định thu hồi"), max_length=100, blank=True)
    search_key = models.CharField(max_length=300, db_index=True, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["-year", "search_key", "id"]
        constraints = [
            models.CheckConstraint(condition=ONE_RECIPIENT, name="award_one_recipient"),
            models.CheckConstraint(
                condition=Q(prize_vnd__isnull=True) | Q(prize_vnd__gte=0),
                name="award_prize_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(period_end_year__isnull=True)
                | Q(period_end_year__gte=models.F("year")),
                name="award_period_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "year"], name="award_person_year"),
            models.Index(fields=["organization", "year"], name="award_org_year"),
            models.Index(fields=["code", "year"], name="award_code_year"),
            models.Index(fields=["year", "status"], name="award_year_status"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name} — {self.code} {self.year}"


class YearlyRating(models.Model):
    """The task-completion rating of a person or a collective for one year (mức độ HTNV)."""

    person = models.ForeignKey(
        "organizations.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(
        _("mức độ hoàn thành nhiệm vụ"), max_length=12, choices=Rating.choices
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("xếp loại hằng năm")
        verbose_name_plural = _("xếp loại hằng năm")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=ONE_RECIPIENT, name="rating_one_recipient"),
            models.UniqueConstraint(
                fields=["person", "year"],
                condition=Q(person__isnull=False),
                name="rating_person_once_a_year",
            ),
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=Q(organization__isnull=False),
                name="rating_org_once_a_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.organization} {self.year}: {self.rating}"


class Initiative(models.Model):
    """A recognised initiative or research project (sáng kiến, đề tài) of a person.

    An initiative serves one award only (Law 2022 Art 5.2.c): ``used_for`` points at the award
    it served, and the rule engine reads it to refuse a second use.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        "organizations.Person", on_delete=models.PROTECT, related_name="initiatives"
    )
    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=500)
    year = models.PositiveSmallIntegerField(_("năm công nhận"))
    scope = models.CharField(_("phạm vi ảnh hưởng"), max_length=12, choices=InitiativeScope.choices)
    recognized_by = models.CharField(_("cơ quan công nhận"), max_length=300, blank=True)
    decision_number = models.CharField(_("số quyết định công nhận"), max_length=50, blank=True)
    recognized_on = models.DateField(_("ngày công nhận"), null=True, blank=True)
    used_for = models.ForeignKey(
        Award,
        verbose_name=_("đã dùng để xét"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives_used",
    )

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title


class Discipline(models.Model):
    """A disciplinary measure taken against a person (it bars awards for its year)."""

    person = models.ForeignKey(
        "organizations.Person", on_delete=models.PROTECT, related_name="disciplines"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    level = models.CharField(_("hình thức kỷ luật"), max_length=12, choices=DisciplineLevel.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.person} {self.year}: {self.level}"
