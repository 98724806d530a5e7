"""The officer's text of each section of the annual report, kept beside the figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import MAX_YEAR, MIN_YEAR, ReportSection


class ReportNarrative(models.Model):
    """What an officer writes for one section of one year's report.

    The figures are never stored: they are read from the data each time the report is
    generated, so a regenerated report shows today's figures with the text kept here.
    ``version`` lets the edit page refuse a save made on a stale copy (decision 0703).
    """

    year = models.PositiveSmallIntegerField(_("năm báo cáo"))
    section = models.CharField(_("phần"), max_length=20, choices=ReportSection.choices)
    text = models.TextField(_("nội dung"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("nội dung báo cáo năm")
        verbose_name_plural = _("nội dung báo cáo năm")
        ordering = ["-year", "section"]
        constraints = [
            models.UniqueConstraint(fields=["year", "section"], name="report_narrative_once"),
            models.CheckConstraint(
                condition=Q(year__gte=MIN_YEAR) & Q(year__lte=MAX_YEAR),
                name="report_narrative_year_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.section}"
