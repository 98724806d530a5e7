"""Emulation blocks and clusters (khối/cụm thi đua) with yearly members and leadership."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.constants import GroupKind


class EmulationGroup(models.Model):
    """A block or cluster of peer bodies that emulate each other."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("tên"), max_length=300, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=GroupKind.choices)
    organizer = models.CharField(
        _("cơ quan tổ chức"), max_length=300, blank=True, help_text=_("Ví dụ: Bộ Tài chính.")
    )
    description = models.TextField(_("mô tả"), blank=True)
    search_key = models.CharField(max_length=300, db_index=True, editable=False)

    # Not a column: the leadership of one year, set on the groups a year's page lists.
    year_leadership: GroupLeadership | None

    class Meta:
        verbose_name = _("khối/cụm thi đua")
        verbose_name_plural = _("khối/cụm thi đua")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GroupMembership(models.Model):
    """An organisation's membership of a block/cluster for one year."""

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="group_memberships"
    )
    year = models.PositiveSmallIntegerField(_("năm"))

    class Meta:
        verbose_name = _("thành viên khối/cụm")
        verbose_name_plural = _("thành viên khối/cụm")
        ordering = ["group_id", "-year", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "organization", "year"], name="group_member_once_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.year}: {self.organization}"


class GroupLeadership(models.Model):
    """The leader (khối trưởng) and deputy (khối phó) elected for one year."""

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="leaderships")
    year = models.PositiveSmallIntegerField(_("năm"))
    leader = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("khối trưởng"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deputy = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("khối phó"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("khối trưởng/khối phó")
        verbose_name_plural = _("khối trưởng/khối phó")
        ordering = ["group_id", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "year"], name="group_leadership_once_per_year"
            ),
            models.CheckConstraint(
                condition=~models.Q(leader=models.F("deputy")), name="group_leader_not_deputy"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.year}"
