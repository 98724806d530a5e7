"""Writes of core reference data: the official calendar changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.calendar import MAX_YEAR, MIN_YEAR
from tdkt.core.errors import ApplicationError
from tdkt.core.models import CalendarDay, CalendarDayKind


@transaction.atomic
def calendar_day_set(
    *, actor: Any, day: date, kind: str, note: str, must_be_new: bool = False
) -> CalendarDay:
    """Record an announced day off or make-up working day (replacing an earlier entry).

    ``must_be_new`` refuses a day that already has an entry: the officers' page adds days, and
    two officers entering the same day must not silently overwrite each other.
    """
    ensure_board_writer(actor, _("Chỉ cán bộ thi đua – khen thưởng được thay đổi lịch."))
    errors: dict[str, list[str]] = {}
    if kind not in CalendarDayKind.values:
        errors["kind"] = [_("Chọn ngày nghỉ hoặc ngày làm việc bù.")]
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        errors["day"] = [_("Ngày nằm ngoài phạm vi lịch làm việc.")]
    if not note.strip():
        errors["note"] = [_("Cần ghi văn bản công bố.")]
    if errors:
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=errors)
    entry = CalendarDay.objects.select_for_update().filter(day=day).first()
    if entry is not None and must_be_new:
        raise ApplicationError(
            _("Dữ liệu không hợp lệ."),
            fields={"day": [_("Ngày này đã có trong lịch; xoá mục cũ trước nếu muốn thay.")]},
        )
    before = None if entry is None else [entry.kind, entry.note]
    if entry is None:
        entry = CalendarDay(day=day)
    entry.kind, entry.note, entry.updated_by = kind, note.strip(), actor
    entry.save()
    record(
        event_type=AuditEventType.CALENDAR_DAY_SET,
        actor=actor,
        obj=entry,
        changes={"day": [None, day], "entry": [before, [kind, entry.note]]},
    )
    return entry


@transaction.atomic
def calendar_day_remove(*, actor: Any, day: date) -> None:
    """Remove an entry, so the built-in calendar applies to that day again."""
    ensure_board_writer(actor, _("Chỉ cán bộ thi đua – khen thưởng được thay đổi lịch."))
    entry = CalendarDay.objects.select_for_update().filter(day=day).first()
    if entry is None:
        return
    record(
        event_type=AuditEventType.CALENDAR_DAY_REMOVED,
        actor=actor,
        obj=entry,
        changes={"day": [day, None], "entry": [[entry.kind, entry.note], None]},
    )
    entry.delete()
