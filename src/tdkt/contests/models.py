"""A contest, its entries and the jury's scores."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tdkt.contests.constants import ContestState, PrizeRank, SubjectKind
from tdkt.contests.storage import article_storage


def _article_path(instance: Entry, filename: str) -> str:
    """Store under a random name: the original name is kept in a column, never in the path."""
    return f"entries/{instance.uuid}/{uuid.uuid4().hex}"


class Contest(models.Model):
    """One year's "Người tốt, việc tốt" writing contest.

    The prize structure (how many prizes of each rank, and the money of one prize of that
    rank) is the Board's choice for this contest; the state changes only through
    ``contests.workflow.contest_transition``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("tên cuộc thi"), max_length=300)
    year = models.PositiveSmallIntegerField(_("năm"))
    plan_number = models.CharField(_("số kế hoạch"), max_length=50, blank=True)
    plan_date = models.DateField(_("ngày kế hoạch"), null=True, blank=True)
    rules = models.TextField(_("thể lệ"), blank=True)
    opens_on = models.DateField(_("nhận bài từ ngày"))
    closes_on = models.DateField(_("hạn cuối nhận bài"))
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=ContestState.choices, default=ContestState.DRAFT
    )
    jurors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ban giám khảo"),
        related_name="contest_juries",
        blank=True,
    )
    first_prizes = models.PositiveSmallIntegerField(_("số giải Nhất"), default=0)
    first_amount = models.DecimalField(
        _("tiền thưởng giải Nhất"), max_digits=12, decimal_places=0, default=0
    )
    second_prizes = models.PositiveSmallIntegerField(_("số giải Nhì"), default=0)
    second_amount = models.DecimalField(
        _("tiền thưởng giải Nhì"), max_digits=12, decimal_places=0, default=0
    )
    third_prizes = models.PositiveSmallIntegerField(_("số giải Ba"), default=0)
    third_amount = models.DecimalField(
        _("tiền thưởng giải Ba"), max_digits=12, decimal_places=0, default=0
    )
    consolation_prizes = models.PositiveSmallIntegerField(_("số giải Khuyến khích"), default=0)
    consolation_amount = models.DecimalField(
        _("tiền thưởng giải Khuyến khích"), max_digits=12, decimal_places=0, default=0
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("cuộc thi viết")
        verbose_name_plural = _("cuộc thi viết")
        ordering = ["-year", "-opens_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="contest_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(first_amount__gte=0)
                & Q(second_amount__gte=0)
                & Q(third_amount__gte=0)
                & Q(consolation_amount__gte=0),
                name="contest_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def prize_count(self, rank: str) -> int:
        """Return how many prizes of ``rank`` the contest gives."""
        return int(getattr(self, f"{rank}_prizes"))

    def prize_amount(self, rank: str) -> int:
        """Return the money of one prize of ``rank`` (đồng)."""
        return int(getattr(self, f"{rank}_amount"))


class Entry(models.Model):
    """An article (bài dự thi) sent by a unit or an enterprise about an exemplary model.

    ``organization`` is the unit or enterprise that submits it; the story's subject is a
    person or a collective, named in ``subject_name`` and linked to the registry when the
    submitter picked one. A withdrawn entry stays for the record but takes no part.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contest = models.ForeignKey(Contest, on_delete=models.PROTECT, related_name="entries")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị gửi bài"),
        on_delete=models.PROTECT,
        related_name="contest_entries",
    )
    title = models.CharField(_("tên bài viết"), max_length=300)
    subject_kind = models.CharField(
        _("nhân vật của bài viết là"), max_length=10, choices=SubjectKind.choices
    )
    subject_name = models.CharField(_("tên cá nhân, tập thể được viết về"), max_length=200)
    subject_person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("cá nhân trong danh sách"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("tập thể trong danh sách"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    authors = models.CharField(_("tác giả"), max_length=300)
    text = models.TextField(_("nội dung bài viết"))
    file = models.FileField(
        _("tệp bài viết"),
        storage=article_storage,
        upload_to=_article_path,
        max_length=200,
        blank=True,
    )
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    prize = models.CharField(_("giải"), max_length=12, choices=PrizeRank.choices, blank=True)
    withdrawn_at = models.DateTimeField(_("rút bài lúc"), null=True, blank=True)
    marks_revealed_at = models.DateTimeField(_("điểm được công khai lúc"), null=True, blank=True)
    final_average = models.DecimalField(
        _("điểm trung bình khi công bố"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    final_rank = models.PositiveSmallIntegerField(_("xếp hạng khi công bố"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bài dự thi")
        verbose_name_plural = _("bài dự thi")
        ordering = ["contest_id", "submitted_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_person__isnull=True) | Q(subject_organization__isnull=True),
                name="entry_one_registry_subject",
            ),
            models.CheckConstraint(
                condition=Q(prize="") | Q(withdrawn_at__isnull=True),
                name="entry_withdrawn_wins_nothing",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Score(models.Model):
    """One juror's mark of one entry (0–100), or the juror's declared conflict of interest."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contest_scores"
    )
    points = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2, null=True)
    conflict = models.BooleanField(_("xin không chấm (xung đột lợi ích)"), default=False)
    note = models.CharField(_("nhận xét"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("điểm của giám khảo")
        verbose_name_plural = _("điểm của giám khảo")
        ordering = ["entry_id", "juror_id"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "juror"], name="score_once_per_juror"),
            models.CheckConstraint(
                condition=Q(conflict=True, points__isnull=True)
                | Q(conflict=False, points__gte=0, points__lte=100),
                name="score_points_or_conflict",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}/{self.juror_id}"
