"""People and their employment history: one record per person across transfers."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.constants import Gender, PersonnelCategory


class Person(models.Model):
    """A person who may be proposed for an award. ``full_name`` is stored NFC-normalised."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    full_name = models.CharField(_("họ và tên"), max_length=200)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    citizen_id = models.CharField(
        _("số CCCD"),
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Căn cước công dân: 12 chữ số."),
    )
    nationality = models.CharField(_("quốc tịch"), max_length=2, default="VN")
    category = models.CharField(_("đối tượng"), max_length=32, choices=PersonnelCategory.choices)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    # Found through the name index of migration 0006 (FTS5 on SQLite, pg_trgm on PostgreSQL).
    search_key = models.CharField(max_length=200, editable=False)
    # Vietnamese order (given name, family name, middle names), unique through the public id
    # at its end: lists sort on it and page from it (keyset). See ``tdkt.organizations.keys``.
    sort_key = models.CharField(max_length=500, unique=True, editable=False)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["sort_key"]
        indexes = [
            # Lists filtered by name or scope scan people in order and test each row from
            # this index alone (no table read): see selectors/people_pages.py.
            models.Index(
                fields=["sort_key", "search_key", "category", "id"], name="person_order_cover"
            ),
            models.Index(fields=["category", "sort_key"], name="person_category_order"),
            # Imports find a person without CCCD by birth date and folded name (0058): the
            # trigram/FTS index of search_key answers words, not this exact pair.
            models.Index(fields=["date_of_birth", "search_key"], name="person_birth_name"),
        ]

    def __str__(self) -> str:
        return self.full_name


class PersonCount(models.Model):
    """How many people the registry holds per personnel category, kept by the database.

    Triggers on the person table (migration 0006, ``tdkt.organizations.derived``) keep the
    counts exact whatever writes people (a service, a bulk import), so the dashboard and the
    people list of a board-wide reader count the whole registry without scanning it.
    """

    category = models.CharField(max_length=32, primary_key=True)
    count = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("số cá nhân theo đối tượng")
        verbose_name_plural = _("số cá nhân theo đối tượng")

    def __str__(self) -> str:
        return f"{self.category}: {self.count}"


class Employment(models.Model):
    """One period of a person in an organisation; ``end_date`` empty means still there."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="employments",
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["person_id", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="employment_end_after_start",
            )
        ]
        indexes = [
            # The people of a scope: the posts of its organisations held today, read from the
            # index alone (selectors.people.posts_on).
            models.Index(
                fields=["organization", "end_date", "start_date", "person"],
                name="employment_org_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.organization} ({self.start_date}–{self.end_date or ''})"
