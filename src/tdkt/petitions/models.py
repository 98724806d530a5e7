"""A petition received by the Board (đơn thư) and the officer's deadline parameters.

The deadlines a service computes are stored on the petition (``acceptance_due_on``,
``due_on``): the sender is told them in writing, so a later change of a parameter must not
move them. ``version`` makes an edit or a step drawn from a stale page fail instead of
overwriting another officer's work.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import (
    NAME_MAX,
    NOTE_MAX,
    OUTCOME_LABELS,
    SUMMARY_MAX,
    Channel,
    ComplaintRound,
    Outcome,
    PetitionKind,
    PetitionState,
)


class Petition(models.Model):
    """One complaint, denunciation or piece of feedback, from receipt to its end."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số thứ tự trong năm"))
    kind = models.CharField(_("loại đơn"), max_length=14, choices=PetitionKind.choices)
    channel = models.CharField(_("hình thức nhận"), max_length=12, choices=Channel.choices)
    complaint_round = models.CharField(
        _("lần khiếu nại"), max_length=6, choices=ComplaintRound.choices, blank=True
    )
    received_on = models.DateField(_("ngày nhận đơn"))
    sender_name = models.CharField(_("người gửi đơn"), max_length=NAME_MAX)
    sender_address = models.CharField(_("địa chỉ người gửi"), max_length=300, blank=True)
    sender_phone = models.CharField(_("điện thoại người gửi"), max_length=30, blank=True)
    summary = models.CharField(_("tóm tắt nội dung"), max_length=SUMMARY_MAX)
    content = models.TextField(_("nội dung đơn"), blank=True)
    known_on = models.DateField(
        _("ngày biết được quyết định, hành vi bị khiếu nại"), null=True, blank=True
    )
    late_reason = models.CharField(_("lý do nộp đơn quá thời hiệu"), max_length=500, blank=True)
    related_decision = models.CharField(
        _("quyết định, việc bị khiếu nại, tố cáo"), max_length=300, blank=True
    )
    concerned_person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("cá nhân bị khiếu nại, tố cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    concerned_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("tập thể bị khiếu nại, tố cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    complex_case = models.BooleanField(_("vụ việc phức tạp"), default=False)
    remote_area = models.BooleanField(_("vùng sâu, vùng xa đi lại khó khăn"), default=False)
    state = models.CharField(
        _("tình trạng"),
        max_length=14,
        choices=PetitionState.choices,
        default=PetitionState.RECEIVED,
    )
    acceptance_due_on = models.DateField(_("hạn thụ lý"))
    accepted_on = models.DateField(_("ngày thụ lý"), null=True, blank=True)
    due_on = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    extensions = models.PositiveSmallIntegerField(_("số lần gia hạn"), default=0)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được giao xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ended_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=10, choices=Outcome.choices, blank=True)
    resolution_number = models.CharField(_("số văn bản giải quyết"), max_length=100, blank=True)
    resolution_text = models.TextField(_("nội dung kết luận, trả lời"), blank=True)
    forwarded_to = models.CharField(_("chuyển đến"), max_length=300, blank=True)
    end_reason = models.CharField(_("lý do"), max_length=NOTE_MAX, blank=True)
    # Folded reference, sender, summary and decision: what the register's search box matches.
    search_key = models.TextField(default="", editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đơn thư")
        verbose_name_plural = _("đơn thư")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="petition_number_once"),
            models.CheckConstraint(
                condition=~Q(kind=PetitionKind.COMPLAINT) | ~Q(complaint_round=""),
                name="petition_complaint_has_round",
            ),
        ]
        indexes = [models.Index(fields=["state", "due_on"], name="petition_open_due")]

    def __str__(self) -> str:
        # The reference only: this is what audit events keep as the object's name, and the
        # summary may name the person denounced.
        return self.reference

    @property
    def reference(self) -> str:
        """The register number as the Board writes it: ``007/2026``."""
        return f"{self.number:03d}/{self.year}"

    @property
    def is_open(self) -> bool:
        return self.state in (PetitionState.RECEIVED, PetitionState.ACCEPTED)

    @property
    def outcome_label(self) -> str:
        label = OUTCOME_LABELS.get((self.kind, self.outcome))
        return str(label) if label else ""

    @property
    def current_due_on(self) -> date | None:
        """The deadline of the step the petition waits for, or None once it has ended."""
        if self.state == PetitionState.RECEIVED:
            return self.acceptance_due_on
        if self.state == PetitionState.ACCEPTED:
            return self.due_on
        return None


class DeadlineParameter(models.Model):
    """An officer's value for one named period (``deadlines.RULES``) or the extension count."""

    name = models.CharField(_("tham số"), max_length=50, unique=True)
    days = models.PositiveSmallIntegerField(_("số ngày"))
    unit = models.CharField(_("cách tính"), max_length=10, blank=True)
    note = models.CharField(_("căn cứ, ghi chú"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("tham số thời hạn đơn thư")
        verbose_name_plural = _("tham số thời hạn đơn thư")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}: {self.days}"


class PetitionReminder(models.Model):
    """A reminder sent about one deadline of a petition, once per threshold.

    ``threshold`` is the number of working days left that triggered it (the warning period,
    then 1), or -1 once the deadline has passed; the unique constraint makes the daily command
    safe to run twice (decision 0833).
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField(_("hạn"))
    threshold = models.SmallIntegerField(_("mốc nhắc"))
    sent_on = models.DateField(_("gửi ngày"))

    class Meta:
        verbose_name = _("nhắc hạn đơn thư")
        verbose_name_plural = _("nhắc hạn đơn thư")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "due_on", "threshold"], name="petition_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.petition.reference} {self.due_on} {self.threshold}"
