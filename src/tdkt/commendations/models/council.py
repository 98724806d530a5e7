"""The Emulation and Commendation Council, its sessions and the secret ballot.

Secrecy by design: *who* voted (``BallotReceipt``) and *what* was voted (the counters of
``SessionItem``) are stored apart, and no individual ballot is ever stored. A vote adds one
receipt and increments the counters of the lines in the same transaction; neither table has a
timestamp, a sequence or any key shared with the other, so nothing can join a member to a
choice afterwards. The counters are hidden until the chair closes voting.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.constants import CouncilRole, SessionState, TallySource


class Council(models.Model):
    """The council of one year (Hội đồng Thi đua – Khen thưởng)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    name = models.CharField(_("tên hội đồng"), max_length=300)
    established_by = models.CharField(
        _("quyết định thành lập"), max_length=200, blank=True, help_text=_("Ví dụ: 12/QĐ-BQL.")
    )
    # Attendance a session needs before voting may open. No national rule was read: the
    # default is the Bắc Ninh practice for award meetings (legal-rules §6, UNVERIFIED for
    # Hanoi), shown on the council's page and changeable by an officer.
    quorum_percent = models.DecimalField(
        _("tỷ lệ có mặt tối thiểu (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("80"),
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("100"))],
    )
    # The council numbers its minutes in its own yearly series (Decree 30/2020 Annex I §II.3a).
    series_symbol = models.CharField(_("ký hiệu sổ biên bản"), max_length=30, default="BB-HĐTĐKT")
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("hội đồng thi đua – khen thưởng")
        verbose_name_plural = _("hội đồng thi đua – khen thưởng")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.name


class CouncilMember(models.Model):
    """A member of a year's council, signing in with their own account to vote."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats"
    )
    full_name = models.CharField(_("họ và tên"), max_length=200)
    title = models.CharField(_("chức vụ"), max_length=200, blank=True)
    role = models.CharField(_("vai trò"), max_length=12, choices=CouncilRole.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        ordering = ["council_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_once"),
            models.UniqueConstraint(
                fields=["council"], condition=Q(role="chair"), name="council_one_chair"
            ),
            models.UniqueConstraint(
                fields=["council"], condition=Q(role="secretary"), name="council_one_secretary"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class CouncilSession(models.Model):
    """A meeting of the council that votes on the lines of a round."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sessions")
    round = models.ForeignKey(
        "commendations.Round", on_delete=models.PROTECT, related_name="sessions"
    )
    title = models.CharField(_("nội dung cuộc họp"), max_length=300)
    starts_at = models.DateTimeField(_("thời gian họp"))
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=SessionState.choices, default=SessionState.PLANNED
    )
    tally_source = models.CharField(
        _("hình thức kiểm phiếu"),
        max_length=12,
        choices=TallySource.choices,
        default=TallySource.ELECTRONIC,
    )
    # Given when voting closes, from the council's series (``DocumentSeries``) under a lock.
    minutes_number = models.PositiveIntegerField(_("số biên bản"), null=True, blank=True)
    minutes_symbol = models.CharField(_("ký hiệu biên bản"), max_length=30, blank=True)
    # The ballot summary of the minutes: counted by the system for an electronic vote, entered
    # by the secretary for paper ballots.
    ballots_issued = models.PositiveIntegerField(_("số phiếu phát ra"), null=True, blank=True)
    ballots_returned = models.PositiveIntegerField(_("số phiếu thu về"), null=True, blank=True)
    ballots_valid = models.PositiveIntegerField(_("số phiếu hợp lệ"), null=True, blank=True)
    proceedings = models.TextField(_("diễn biến cuộc họp"), blank=True)
    ended_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title


class SessionAttendance(models.Model):
    """Whether a member attended (absentees may send a written opinion)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("có mặt"), default=True)
    written_opinion = models.BooleanField(_("có ý kiến bằng văn bản"), default=False)

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.member}: {'present' if self.present else 'absent'}"


class SessionItem(models.Model):
    """One proposal line put to the vote, with its threshold and its counters.

    ``threshold_percent`` and ``threshold_basis`` are copied from the rule engine when the
    session is prepared, so a later change of parameters does not change a closed vote.
    ``yes_count``/``no_count`` are incremented by each ballot (or entered from paper ballots);
    ``passed`` is set when voting closes.
    """

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    line = models.ForeignKey(
        "commendations.ProposalLine", on_delete=models.PROTECT, related_name="session_items"
    )
    position = models.PositiveIntegerField(default=0)
    threshold_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    # "all_members" (the share is taken over every member) or "present" (over those present).
    threshold_basis = models.CharField(max_length=12, blank=True)
    yes_count = models.PositiveIntegerField(default=0)
    no_count = models.PositiveIntegerField(default=0)
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = _("nội dung biểu quyết")
        verbose_name_plural = _("nội dung biểu quyết")
        ordering = ["session_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "line"], name="session_item_once")
        ]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.line}"


class ConflictDeclaration(models.Model):
    """A member's declared conflict of interest: they do not vote on that item."""

    item = models.ForeignKey(SessionItem, on_delete=models.CASCADE, related_name="conflicts")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("lý do"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("khai báo xung đột lợi ích")
        verbose_name_plural = _("khai báo xung đột lợi ích")
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="conflict_once")]

    def __str__(self) -> str:
        return f"{self.member} ≠ {self.item}"


class BallotReceipt(models.Model):
    """That a member has voted in a session: nothing about how.

    The primary key is random and there is no timestamp, so the order in which members voted
    cannot be read back and matched against anything.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="receipts")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("xác nhận đã bỏ phiếu")
        verbose_name_plural = _("xác nhận đã bỏ phiếu")
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="one_ballot_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.member} voted"
