"""Administrative-procedure dossiers copied from the city's one-stop system."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tdkt.indicators.constants import Channel


class ProcedureField(models.Model):
    """A field of procedures ("Lĩnh vực": Đầu tư, Xây dựng ...), matched without accents.

    Files from different months spell a field differently ("Đầu tư", "ĐẦU TƯ"); ``key`` is
    the folded name, so they land on one row and the report groups them once.
    """

    name = models.CharField(_("lĩnh vực"), max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        verbose_name = _("lĩnh vực thủ tục")
        verbose_name_plural = _("lĩnh vực thủ tục")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class ProcedureDossier(models.Model):
    """One dossier (hồ sơ) of an administrative procedure, as the one-stop system exported it.

    ``due_on`` is the promised date: the file's ``Ngày hẹn trả`` or, failing that, the
    ``processing_days``-th working day after ``received_on``. ``returned_on`` is empty while
    the dossier is being processed.
    """

    code = models.CharField(_("mã hồ sơ"), max_length=64, unique=True)
    procedure_name = models.CharField(_("tên thủ tục"), max_length=500)
    field = models.ForeignKey(
        ProcedureField,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    channel = models.CharField(_("hình thức nộp"), max_length=10, choices=Channel.choices)
    service_level = models.PositiveSmallIntegerField(_("mức độ"), null=True, blank=True)
    received_on = models.DateField(_("ngày tiếp nhận"))
    due_on = models.DateField(_("ngày hẹn trả"))
    processing_days = models.PositiveSmallIntegerField(
        _("số ngày giải quyết"), null=True, blank=True
    )
    returned_on = models.DateField(_("ngày trả kết quả"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ thủ tục hành chính")
        verbose_name_plural = _("hồ sơ thủ tục hành chính")
        ordering = ["received_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("received_on")), name="dossier_due_after_received"
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=F("received_on")),
                name="dossier_returned_after_received",
            ),
            models.CheckConstraint(
                condition=Q(service_level__isnull=True) | Q(service_level__in=[2, 3, 4]),
                name="dossier_service_level",
            ),
        ]
        indexes = [models.Index(fields=["received_on"], name="dossier_received_idx")]

    def __str__(self) -> str:
        return self.code
