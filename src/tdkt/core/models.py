"""Reference data owned by the core: official calendar changes announced each year."""

from __future__ import annotations

from django.conf import settings
from django.db import models
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
