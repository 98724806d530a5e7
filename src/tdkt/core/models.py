"""Models owned by the core: official calendar changes, and the progress of background jobs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarDayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ (nghỉ bù, hoán đổi)")
    WORKING_DAY = "working_day", _("Ngày làm việc bù")


class ChangeStamp(models.Model):
    """Who last changed an officer-maintained setting and when (the audit trail has the rest)."""

    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cập nhật"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True


class CalendarDay(ChangeStamp):
    """A day the government announced as an extra day off or a make-up working day.

    The ``holidays`` package and ``tdkt.core.calendar.KNOWN_OVERRIDES`` cover past years; an
    officer adds a new announcement here as soon as it is published, so working-day deadlines
    are right without a software release. A row here wins over the built-in data.
    """

    day = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=CalendarDayKind.choices)
    note = models.CharField(
        _("căn cứ"),
        max_length=300,
        help_text=_("Văn bản công bố, ví dụ: Thông báo 6150/TB-LĐTBXH."),
    )

    class Meta(ChangeStamp.Meta):
        verbose_name = _("ngày nghỉ/làm bù")
        verbose_name_plural = _("lịch nghỉ, làm bù")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.get_kind_display()}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ xử lý")
    RUNNING = "running", _("Đang xử lý")
    SUCCEEDED = "succeeded", _("Đã xong")
    FAILED = "failed", _("Không thành công")


class BackgroundJob(models.Model):
    """What a user sees of work done in the background: an import, a batch of documents.

    The task itself is queued with Django's task API (``django_tasks``); this row is the part a
    person follows: who started it, how far it got, what it said, and the file it left. Only
    ``tdkt.core.jobs.services`` writes it; ``total`` is null while the size is unknown.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        _("loại"), max_length=50, help_text=_("Mã ổn định, ví dụ import.people.")
    )
    title = models.CharField(_("tên công việc"), max_length=200)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("đã xử lý"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), null=True, blank=True)
    message = models.CharField(_("thông báo"), max_length=500, blank=True)
    result_path = models.CharField(
        _("tệp kết quả"),
        max_length=300,
        blank=True,
        help_text=_("Đường dẫn tương đối trong thư mục tệp của công việc nền."),
    )
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="core_job_owner_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(total__isnull=True) | models.Q(done__lte=models.F("total")),
                name="core_job_done_within_total",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        """True once the job succeeded or failed: nothing will change any more."""
        return self.status in {JobStatus.SUCCEEDED, JobStatus.FAILED}

    @property
    def percent(self) -> int | None:
        """Whole percent done, or None while the total is unknown."""
        if not self.total:
            return 100 if self.status == JobStatus.SUCCEEDED else None
        return min(100, self.done * 100 // self.total)
