"""Local values of the rule engine's named parameters, set by an emulation officer."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import ChangeStamp


class RuleParameterOverride(ChangeStamp):
    """One officer-set value layered over the engine's default.

    ``key`` is a parameter name (applies to every rule set that has it, e.g. a city's own
    percentage) or ``"R2022b:name"`` (one rule set only). ``value`` is stored as typed and
    coerced by the engine, which owns the types. ``basis`` records the legal basis or reason,
    so later readers know why the default was changed.
    """

    key = models.CharField(_("tham số"), max_length=200, unique=True)
    value = models.CharField(_("giá trị"), max_length=100, blank=True)
    basis = models.CharField(
        _("căn cứ"),
        max_length=500,
        help_text=_("Văn bản hoặc lý do thay đổi, ví dụ: QĐ 32/2024/QĐ-UBND, Điều 8."),
    )

    class Meta(ChangeStamp.Meta):
        verbose_name = _("tham số quy tắc khen thưởng")
        verbose_name_plural = _("tham số quy tắc khen thưởng")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"
