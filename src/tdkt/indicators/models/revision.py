"""A revision counter per data set, so an import notices another one that wrote meanwhile."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.indicators.constants import Dataset


class DatasetRevision(models.Model):
    """Incremented by every import that writes the data set.

    An import matches its rows against the stored ones before it takes any lock; its short
    write transaction locks this row and, if the number moved, matches again inside the lock,
    so the before/after it audits are the values it really replaced.
    """

    dataset = models.CharField(max_length=20, choices=Dataset.choices, unique=True)
    revision = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("phiên bản dữ liệu")
        verbose_name_plural = _("phiên bản dữ liệu")

    def __str__(self) -> str:
        return f"{self.dataset} #{self.revision}"
