"""The reward fund (quỹ thi đua, khen thưởng) of each year.

The balance is derived, never stored: opening balance + receipts + recoveries − payments;
commitments are the prize money of signed decisions not yet paid, and the forecast adds the
money of the lines still open in a round.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.constants import FundEntryKind


class FundYear(models.Model):
    """The fund's opening balance for a year, as the accounts office reports it."""

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    opening_balance_vnd = models.BigIntegerField(_("số dư đầu năm (đồng)"), default=0)
    note = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("quỹ thi đua, khen thưởng")
        verbose_name_plural = _("quỹ thi đua, khen thưởng")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class FundEntry(models.Model):
    """A movement of the fund: a receipt, a payment of a decision, a receivable, a recovery."""

    fund = models.ForeignKey(FundYear, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("loại"), max_length=12, choices=FundEntryKind.choices)
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))
    on = models.DateField(_("ngày"))
    description = models.CharField(_("nội dung"), max_length=300)
    decision = models.ForeignKey(
        "commendations.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fund_entries",
    )
    award = models.ForeignKey(
        "commendations.Award",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fund_entries",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("thu chi quỹ")
        verbose_name_plural = _("thu chi quỹ")
        ordering = ["fund_id", "on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_vnd__gt=0), name="fund_entry_positive")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount_vnd}"
