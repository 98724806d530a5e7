"""Publication of the voted list, the decision that grants the awards, and number series."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.constants import (
    CommentKind,
    DecisionState,
    IssuerLevel,
    PublicationState,
    SignerTitle,
)


class Publication(models.Model):
    """The public notice of a round's voted list, open for comments for a period."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(
        "commendations.Round", on_delete=models.PROTECT, related_name="publications"
    )
    starts_on = models.DateField(_("công khai từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    state = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=PublicationState.choices,
        default=PublicationState.OPEN,
    )
    note = models.TextField(_("hình thức công khai"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("công khai danh sách")
        verbose_name_plural = _("công khai danh sách")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="publication_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.starts_on}–{self.ends_on}"


class PublicationComment(models.Model):
    """A comment or objection recorded against a published line, and how it was settled."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="comments")
    line = models.ForeignKey(
        "commendations.ProposalLine", on_delete=models.PROTECT, related_name="comments"
    )
    kind = models.CharField(_("loại ý kiến"), max_length=10, choices=CommentKind.choices)
    author_name = models.CharField(_("người góp ý"), max_length=200)
    text = models.TextField(_("nội dung"))
    received_on = models.DateField(_("ngày nhận"))
    resolution = models.TextField(_("kết quả xử lý"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("ý kiến về danh sách công khai")
        verbose_name_plural = _("ý kiến về danh sách công khai")
        ordering = ["publication_id", "received_on", "id"]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"


class DocumentSeries(models.Model):
    """The last number given in a yearly series, e.g. the Board's decisions ``QĐ-BQL``.

    Numbers are taken under a row lock when a leader signs, so two signatures never get the
    same number and no number is skipped by a failed signature.
    """

    symbol = models.CharField(max_length=30)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ văn bản")
        verbose_name_plural = _("sổ văn bản")
        constraints = [
            models.UniqueConstraint(fields=["symbol", "year"], name="series_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.symbol} {self.year}: {self.last_number}"


class Decision(models.Model):
    """A commendation decision (quyết định khen thưởng) and its attached list.

    A draft has no number and no date: both are given when the leader signs in the app. The
    lines are the ``Award`` rows pointing here (``draft`` until signed). ``base_salary_vnd``
    and ``rule_set`` are fixed at signing, from the decision date (legal-rules §2).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(
        "commendations.Round",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    series = models.CharField(_("ký hiệu"), max_length=30, default="QĐ-BQL")
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    decided_on = models.DateField(_("ngày ký"), null=True, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    issuer_level = models.CharField(
        _("cấp khen thưởng"),
        max_length=20,
        choices=IssuerLevel.choices,
        default=IssuerLevel.DEPARTMENT,
    )
    legal_basis = models.JSONField(_("căn cứ"), default=list, blank=True)
    proposal_basis = models.TextField(_("xét đề nghị của"), blank=True)
    award_phrase = models.CharField(
        _("nội dung khen thưởng"),
        max_length=500,
        blank=True,
        help_text=_("Đầu Điều 1, ví dụ: Tặng Giấy khen của Trưởng ban …"),
    )
    achievement_text = models.TextField(_("thành tích"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=DecisionState.choices, default=DecisionState.DRAFT
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_title = models.CharField(
        _("chức danh người ký"), max_length=20, choices=SignerTitle.choices, blank=True
    )
    signer_name = models.CharField(_("họ tên người ký"), max_length=200, blank=True)
    rule_set = models.CharField(_("bộ quy tắc"), max_length=20, blank=True)
    base_salary_vnd = models.PositiveIntegerField(_("lương cơ sở"), null=True, blank=True)
    priced_on = models.DateField(
        _("tiền thưởng tính theo ngày"),
        null=True,
        blank=True,
        help_text=_("Dự thảo: ngày dùng để tạm tính tiền thưởng; khi ký: ngày ký."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-year", "-number", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "number"],
                condition=Q(number__isnull=False),
                name="decision_number_unique_in_series",
            ),
            models.CheckConstraint(
                condition=Q(state="draft")
                | (Q(number__isnull=False) & Q(decided_on__isnull=False)),
                name="signed_decision_has_number_and_date",
            ),
        ]

    def __str__(self) -> str:
        return self.number_label or str(_("Dự thảo quyết định"))

    @property
    def number_label(self) -> str:
        """Return ``125/QĐ-BQL`` (zero-padded below 10, Decree 30/2020 Annex I §II.3), or an
        empty string for a draft without a number."""
        return f"{self.number:02d}/{self.series}" if self.number else ""
