"""Helpers shared by the initiative services: version checks, text, years, points."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, StaleVersionError
from tdkt.core.text import clean_text

FIRST_YEAR = 2000
MAX_LINE = 300
MAX_TEXT = 10_000
MAX_VND = 10**15


def fail(field: str, message: str) -> ApplicationError:
    """An error shown beside ``field`` in the form (and in ``fields`` for the API)."""
    return ApplicationError(message, fields={field: [message]})


def check_version(row: Any, expected: int | None, what: str) -> None:
    """Refuse a form drawn from an older version of ``row`` (someone changed it since)."""
    if expected is not None and row.version != expected:
        raise StaleVersionError(
            _("%(what)s vừa được người khác thay đổi. Hãy tải lại trang rồi làm lại.")
            % {"what": what}
        )


def bump(row: models.Model, fields: list[str]) -> None:
    """Save ``fields`` of a locked row and raise its version by one."""
    row.version = F("version") + 1  # type: ignore[attr-defined]
    row.save(update_fields=[*fields, "version"])
    row.refresh_from_db(fields=["version"])


def line(value: str | None, field: str, *, required: bool = True, limit: int = MAX_LINE) -> str:
    """Return one line of text, cleaned; refuse it empty (when required) or too long."""
    text = clean_text(value or "")
    if required and not text:
        raise fail(field, _("Mục này là bắt buộc."))
    if len(text) > limit:
        raise fail(field, _("Dài quá %(n)s ký tự.") % {"n": limit})
    return text


def paragraph(value: str | None, field: str, *, required: bool = True) -> str:
    """Return a multi-line text, cleaned; refuse it empty (when required) or too long."""
    text = clean_text(value or "", multiline=True).strip()
    if required and not text:
        raise fail(field, _("Mục này là bắt buộc."))
    if len(text) > MAX_TEXT:
        raise fail(field, _("Dài quá %(n)s ký tự.") % {"n": MAX_TEXT})
    return text


def check_year(year: int, field: str = "year") -> int:
    """Refuse a year before 2000 or after the current one."""
    last = timezone.localdate().year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= last:
        raise fail(
            field,
            _("Năm phải trong khoảng %(first)s–%(last)s.") % {"first": FIRST_YEAR, "last": last},
        )
    return year


def decimal_value(
    value: Decimal | str | int | None, field: str, *, maximum: Decimal | None = None
) -> Decimal:
    """Return a non-negative number with at most two decimals, at most ``maximum``."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        number = Decimal(-1)
    if not number.is_finite() or number < 0 or number != number.quantize(Decimal("0.01")):
        raise fail(field, _("Phải là số không âm, tối đa hai chữ số thập phân."))
    if number >= Decimal(100_000):
        raise fail(field, _("Số quá lớn."))
    if maximum is not None and number > maximum:
        raise fail(field, _("Không được vượt quá %(max)s.") % {"max": plain(maximum)})
    return number


def plain(value: Decimal) -> str:
    """A number as people write it here: decimal comma, no trailing zeros ("40", "12,5")."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")
