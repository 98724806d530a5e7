"""Key indicators (chỉ tiêu): definitions, yearly plan and actual values, exchange rates."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from tdkt.indicators.constants import VALUE_DECIMALS, VALUE_DIGITS
from tdkt.organizations.models import Organization


class Indicator(models.Model):
    """What the Board measures each year: revenue, exports, workers, dossiers ...

    ``code`` is the stable key files use (``doanh_thu``); ``unit`` is the unit every report
    shows the indicator in. A currency unit is written as its ISO code (``USD``, ``VND``).
    """

    code = models.CharField(_("mã chỉ tiêu"), max_length=50, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=200)
    unit = models.CharField(_("đơn vị tính"), max_length=30)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """Plan and actual of one indicator for one year, for one organisation or the Board.

    ``organization`` is empty for the Board as a whole. ``currency`` is set only when the
    figures were reported in a currency other than the indicator's unit (domestic capital in
    VND for an indicator kept in USD); reports convert them with the year's exchange rate.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="values"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_values",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    plan = models.DecimalField(
        _("kế hoạch"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS, null=True
    )
    actual = models.DecimalField(
        _("thực hiện"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS, null=True
    )
    currency = models.CharField(_("tiền tệ của số liệu"), max_length=3, blank=True)

    class Meta:
        verbose_name = _("số liệu chỉ tiêu")
        verbose_name_plural = _("số liệu chỉ tiêu")
        ordering = ["indicator", "year"]
        constraints = [
            # NULL never equals NULL in a unique index, so the key uses organisation 0 for the
            # Board's own row. The same expression is what imports join on (an index both
            # databases can use for COALESCE(organization_id, 0) = …).
            models.UniqueConstraint(
                F("indicator"),
                F("year"),
                Coalesce("organization", Value(0), output_field=models.BigIntegerField()),
                name="indicator_value_unique",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2100), name="indicator_value_year_range"
            ),
        ]
        indexes = [models.Index(fields=["year", "indicator"], name="indicator_value_year_idx")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}"


class ExchangeRate(models.Model):
    """How many đồng one unit of a foreign currency was worth for a year's reports."""

    year = models.PositiveSmallIntegerField(_("năm"))
    currency = models.CharField(_("ngoại tệ"), max_length=3)
    rate_vnd = models.DecimalField(_("tỷ giá (VND)"), max_digits=18, decimal_places=4)

    class Meta:
        verbose_name = _("tỷ giá")
        verbose_name_plural = _("tỷ giá")
        ordering = ["year", "currency"]
        constraints = [
            models.UniqueConstraint(fields=["year", "currency"], name="exchange_rate_unique"),
            models.CheckConstraint(condition=Q(rate_vnd__gt=0), name="exchange_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.year}"
