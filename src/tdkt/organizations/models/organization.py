"""Industrial zones, the organisation tree and enterprise profiles."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.constants import (
    Currency,
    InvestmentType,
    OrganizationKind,
    ZoneKind,
    ZoneStatus,
)


class IndustrialZone(models.Model):
    """A KCN/KCX in Hanoi, planned or operating."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("tên"), max_length=200, unique=True)
    kind = models.CharField(
        _("loại"), max_length=20, choices=ZoneKind.choices, default=ZoneKind.INDUSTRIAL
    )
    district = models.CharField(_("quận/huyện, xã/phường"), max_length=120, blank=True)
    area_ha = models.DecimalField(
        _("diện tích (ha)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=ZoneStatus.choices, default=ZoneStatus.OPERATING
    )
    search_key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = _("khu công nghiệp")
        verbose_name_plural = _("khu công nghiệp")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area_ha__isnull=True) | models.Q(area_ha__gt=0),
                name="zone_area_positive",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    """A node of the organisation tree: the Board, its units, enterprises and other bodies.

    ``path`` is the materialised list of ancestor ids ("/1/4/"), so a subtree is one
    ``startswith`` filter that works the same on SQLite and PostgreSQL.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("tên"), max_length=300)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(_("loại"), max_length=32, choices=OrganizationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=500, db_index=True, editable=False, default="")
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_key = models.CharField(max_length=300, db_index=True, editable=False)
    # The tree in display order: each ancestor's kind rank (departments before enterprises),
    # name in Vietnamese order and id, so siblings sort by kind then name and every subtree
    # follows its root. Kept by the services; see ``tdkt.organizations.keys``.
    tree_key = models.CharField(max_length=2000, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        ordering = ["tree_key"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="organization_not_own_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        """Return 0 for a root, 1 for its children, and so on."""
        return max(self.path.count("/") - 2, 0)


class Enterprise(models.Model):
    """The enterprise profile of an organisation of kind ``enterprise``."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="enterprise", primary_key=True
    )
    tax_code = models.CharField(
        _("mã số thuế"),
        max_length=14,
        unique=True,
        help_text=_("10 chữ số, hoặc 10 chữ số - 3 chữ số cho chi nhánh (ví dụ 0101234567-001)."),
    )
    investment_type = models.CharField(
        _("loại hình đầu tư"), max_length=3, choices=InvestmentType.choices
    )
    investor_country = models.CharField(
        _("quốc gia nhà đầu tư"), max_length=2, blank=True, help_text=_("Mã ISO 3166-1, ví dụ JP.")
    )
    zone = models.ForeignKey(
        IndustrialZone,
        verbose_name=_("khu công nghiệp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    registered_capital = models.DecimalField(
        _("vốn đăng ký"), max_digits=20, decimal_places=2, null=True, blank=True
    )
    capital_currency = models.CharField(
        _("đơn vị tiền tệ"), max_length=3, choices=Currency.choices, default=Currency.VND
    )

    class Meta:
        verbose_name = _("doanh nghiệp")
        verbose_name_plural = _("doanh nghiệp")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(registered_capital__isnull=True)
                | models.Q(registered_capital__gte=0),
                name="enterprise_capital_not_negative",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization.name} ({self.tax_code})"
