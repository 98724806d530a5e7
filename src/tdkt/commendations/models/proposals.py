"""Rounds (đợt xét) and the units' proposals (đề nghị khen thưởng) with lines and dossiers."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.constants import (
    AppraisalReason,
    AppraisalVerdict,
    AttachmentKind,
    ProposalState,
    RoundKind,
    RoundState,
)
from tdkt.commendations.models.archive import ONE_RECIPIENT
from tdkt.commendations.storage import dossier_storage


class Round(models.Model):
    """A call for proposals: which codes it accepts, for which year, by when.

    ``rule_set`` empty means the rule set in force on the day a line is evaluated.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("tên đợt xét"), max_length=300)
    kind = models.CharField(_("loại đợt xét"), max_length=10, choices=RoundKind.choices)
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    accepted_codes = models.JSONField(_("danh hiệu, hình thức được đề nghị"), default=list)
    unit_deadline = models.DateField(_("hạn đơn vị gửi hồ sơ"))
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=RoundState.choices, default=RoundState.OPEN
    )
    rule_set = models.CharField(_("bộ quy tắc"), max_length=20, blank=True)
    description = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("đợt xét khen thưởng")
        verbose_name_plural = _("đợt xét khen thưởng")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.name


class Proposal(models.Model):
    """One unit's list of candidates for one round, with its dossier.

    After submission it changes only through ``commendations.workflow.transition``, which
    locks the row, checks the move, writes and audits; ``version`` lets a form notice that
    somebody else changed the proposal since it was read.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="proposals")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị đề nghị"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=ProposalState.choices, default=ProposalState.DRAFT
    )
    letter_number = models.CharField(_("số tờ trình"), max_length=50, blank=True)
    letter_date = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organization"], name="proposal_one_per_unit_and_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.round}"


class ProposalLine(models.Model):
    """One candidate for one code in a proposal, with its appraisal and council outcome.

    ``flags`` holds the warnings computed when the line was last checked (already granted
    for the same period, proposed twice, over a cap, not registered), as a list of codes.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="lines")
    person = models.ForeignKey(
        "organizations.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposal_lines",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposal_lines",
    )
    code = models.CharField(_("danh hiệu, hình thức"), max_length=64)
    achievement = models.TextField(_("tóm tắt thành tích"), blank=True)
    position = models.PositiveIntegerField(default=0)
    flags = models.JSONField(default=list, blank=True)
    appraisal = models.CharField(
        _("kết quả thẩm định"),
        max_length=12,
        choices=AppraisalVerdict.choices,
        default=AppraisalVerdict.PENDING,
    )
    appraisal_reason = models.CharField(
        _("lý do"), max_length=20, choices=AppraisalReason.choices, blank=True
    )
    appraisal_note = models.TextField(_("ý kiến thẩm định"), blank=True)
    withdrawn = models.BooleanField(_("đã rút khỏi danh sách"), default=False)
    withdrawal_reason = models.TextField(_("lý do rút"), blank=True)

    class Meta:
        verbose_name = _("dòng đề nghị")
        verbose_name_plural = _("dòng đề nghị")
        ordering = ["proposal_id", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=ONE_RECIPIENT, name="proposal_line_one_recipient"),
            models.CheckConstraint(
                condition=Q(appraisal="ineligible", appraisal_reason__gt="")
                | ~Q(appraisal="ineligible"),
                name="proposal_line_ineligible_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.organization}: {self.code}"


def _attachment_path(instance: ProposalAttachment, filename: str) -> str:
    """Store under a random name: the original name is kept in a column, never in the path."""
    return f"proposals/{instance.proposal.uuid}/{uuid.uuid4().hex}"


class ProposalAttachment(models.Model):
    """A typed document of a proposal's dossier, stored outside the web root.

    Files are served only by a view that checks the reader may see the proposal.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("loại tài liệu"), max_length=24, choices=AttachmentKind.choices)
    file = models.FileField(storage=dossier_storage, upload_to=_attachment_path, max_length=200)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["proposal_id", "kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class ProposalTransition(models.Model):
    """One step of a proposal's timeline (the audit trail records the same step, chained)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=ProposalState.choices)
    to_state = models.CharField(max_length=20, choices=ProposalState.choices)
    reason = models.TextField(_("lý do"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bước xử lý đề nghị")
        verbose_name_plural = _("các bước xử lý đề nghị")
        ordering = ["proposal_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_state} → {self.to_state}"
