"""Helpers shared by the pledge services: locking with a version check, points, years."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db.models import F
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.emulation_groups.constants import PledgeState
from tdkt.emulation_groups.models import Pledge

MAX_TEXT = 500
MAX_NOTE = 4000


def lock_pledge(pledge: Pledge) -> Pledge:
    """Return the pledge row locked for this transaction."""
    return Pledge.objects.select_for_update().select_related("group").get(pk=pledge.pk)


def check_version(pledge: Pledge, expected_version: int | None) -> None:
    """Refuse a form drawn from an older version of the pledge (someone changed it since)."""
    if expected_version is not None and pledge.version != expected_version:
        raise ConflictError(
            _("Giao ước vừa được người khác thay đổi. Hãy tải lại trang rồi làm lại.")
        )


def bump(pledge: Pledge) -> None:
    """Increase the version of a locked pledge (every change of its content does)."""
    pledge.version = F("version") + 1
    pledge.save(update_fields=["version"])
    pledge.refresh_from_db(fields=["version"])


def require_state(pledge: Pledge, state: str, message: str) -> None:
    if pledge.state != state:
        raise ConflictError(message)


def require_draft(pledge: Pledge) -> None:
    require_state(pledge, PledgeState.DRAFT, _("Giao ước đã mở ký, không sửa được tiêu chí nữa."))


def check_year(year: int) -> None:
    if not 1990 <= year <= 2100:
        raise ApplicationError(_("Năm không hợp lệ."), fields={"year": [_("Năm không hợp lệ.")]})


def points_value(value: Decimal | str | int, field: str, maximum: Decimal | None) -> Decimal:
    """Return ``value`` as points with two decimals, between 0 and ``maximum``."""
    try:
        points = Decimal(str(value))
    except (InvalidOperation, ValueError):
        points = Decimal(-1)
    if not points.is_finite() or points < 0 or points != points.quantize(Decimal("0.01")):
        message = _("Điểm phải là số không âm, tối đa hai chữ số thập phân.")
        raise ApplicationError(message, fields={field: [message]})
    if maximum is not None and points > maximum:
        message = _("Điểm không được vượt quá %(max)s.") % {"max": maximum}
        raise ApplicationError(message, fields={field: [message]})
    if points >= Decimal("100000"):
        message = _("Điểm quá lớn.")
        raise ApplicationError(message, fields={field: [message]})
    return points


def text_value(value: str, field: str, *, required: bool, limit: int) -> str:
    text = (value or "").strip()
    if required and not text:
        message = _("Mục này là bắt buộc.")
        raise ApplicationError(message, fields={field: [message]})
    if len(text) > limit:
        message = _("Dài quá %(n)s ký tự.") % {"n": limit}
        raise ApplicationError(message, fields={field: [message]})
    return text
