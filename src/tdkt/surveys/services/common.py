"""Helpers of the survey services: locking with a version check, texts, dates."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, ConflictError, StaleVersionError
from tdkt.core.text import clean_text
from tdkt.surveys.constants import MAX_YEAR, MIN_YEAR, SurveyState
from tdkt.surveys.models import Survey


def lock_survey(survey: Survey) -> Survey:
    """Return the survey row locked for this transaction."""
    return Survey.objects.select_for_update().get(pk=survey.pk)


def check_version(survey: Survey, expected_version: int | None) -> None:
    """Refuse a form drawn from an older version of the survey (someone changed it since)."""
    if expected_version is not None and survey.version != expected_version:
        raise StaleVersionError(
            _(
                "Khảo sát vừa được người khác thay đổi sau khi bạn mở trang. Chưa có gì được "
                "ghi; hãy tải lại trang rồi làm lại."
            )
        )


def bump(survey: Survey, *fields: str) -> None:
    """Save ``fields`` of a locked survey and increase its version."""
    survey.version = F("version") + 1
    survey.save(update_fields=[*fields, "version"])
    survey.refresh_from_db(fields=["version"])


def require_draft(survey: Survey) -> None:
    if survey.state != SurveyState.DRAFT:
        raise ConflictError(_("Khảo sát đã mở, không sửa được câu hỏi nữa."))


def text_value(
    value: str, field: str, *, required: bool, limit: int, multiline: bool = False
) -> str:
    """Return ``value`` cleaned (``core.text``); refuse it empty when required or too long."""
    text = clean_text(value or "", multiline=multiline)
    if required and not text:
        message = _("Mục này là bắt buộc.")
        raise ApplicationError(message, fields={field: [message]})
    if len(text) > limit:
        message = _("Dài quá %(n)s ký tự.") % {"n": f"{limit:,}".replace(",", ".")}
        raise ApplicationError(message, fields={field: [message]})
    return text


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        message = _("Năm không hợp lệ.")
        raise ApplicationError(message, fields={"year": [message]})


def check_dates(opens_on: date, closes_on: date) -> None:
    for name, day in (("opens_on", opens_on), ("closes_on", closes_on)):
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            message = _("Ngày phải trong khoảng từ năm %(lo)s đến năm %(hi)s.") % {
                "lo": MIN_YEAR,
                "hi": MAX_YEAR,
            }
            raise ApplicationError(message, fields={name: [message]})
    if closes_on < opens_on:
        message = _("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
        raise ApplicationError(message, fields={"closes_on": [message]})


def check_not_past(closes_on: date, today: date | None = None) -> None:
    """Refuse a close date already past: enterprises would have no day left to answer."""
    if closes_on < (today or timezone.localdate()):
        message = _("Ngày kết thúc đã qua; hãy chọn hôm nay hoặc một ngày sau.")
        raise ApplicationError(message, fields={"closes_on": [message]})


def shown(day: date | None) -> str | None:
    """Return a date as the audit trail shows it (dd/mm/yyyy)."""
    return None if day is None else day.strftime("%d/%m/%Y")


def moment(today: date | None) -> datetime:
    """Return now, or 9 o'clock (the Board's clock) of ``today`` when a caller set the day.

    Only the demo data and tests pass a day (like ``movements.services.sheet_start``): the
    screens never do.
    """
    if today is None:
        return timezone.now()
    return datetime.combine(today, time(9), tzinfo=timezone.get_current_timezone())
