"""Officers record announced days off and make-up days; deadlines follow them at once."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.core.models import CalendarDay
from tdkt.core.selectors import working_calendar
from tdkt.core.services import calendar_day_remove, calendar_day_set

pytestmark = pytest.mark.django_db

# Monday 7 Sept 2026 and Saturday 12 Sept 2026: an ordinary weekday and a weekend day.
MONDAY, SATURDAY = date(2026, 9, 7), date(2026, 9, 12)


def test_announced_day_off_moves_the_deadline(registry):
    """A Monday declared a day off no longer counts: a 1-working-day deadline skips it."""
    friday = date(2026, 9, 4)
    assert working_calendar().add_working_days(friday, 1) == MONDAY
    calendar_day_set(actor=registry.officer, day=MONDAY, kind="day_off", note="Thông báo X")
    assert not working_calendar().is_working_day(MONDAY)
    assert working_calendar().add_working_days(friday, 1) == date(2026, 9, 8)


def test_make_up_saturday_counts_and_removal_restores(registry):
    """A make-up Saturday is a working day until the entry is removed; both are audited."""
    calendar_day_set(actor=registry.officer, day=SATURDAY, kind="working_day", note="Làm bù")
    assert working_calendar().is_working_day(SATURDAY)
    calendar_day_remove(actor=registry.officer, day=SATURDAY)
    assert not working_calendar().is_working_day(SATURDAY)
    kinds = list(
        AuditEvent.objects.filter(object_type="core.calendarday").values_list(
            "event_type", flat=True
        )
    )
    assert sorted(kinds) == sorted(
        [AuditEventType.CALENDAR_DAY_SET, AuditEventType.CALENDAR_DAY_REMOVED]
    )


def test_only_board_wide_writers_change_the_calendar(registry):
    """A unit head is refused and nothing is stored."""
    with pytest.raises(PermissionDeniedError):
        calendar_day_set(actor=registry.investment_head, day=MONDAY, kind="day_off", note="x")
    assert not CalendarDay.objects.exists()


def test_entry_needs_a_known_kind_and_its_announcement(registry):
    """An unknown kind or a missing legal basis is refused with Vietnamese field messages."""
    with pytest.raises(ApplicationError) as exc:
        calendar_day_set(actor=registry.officer, day=MONDAY, kind="holiday", note=" ")
    assert set(exc.value.fields) == {"kind", "note"}
    assert not CalendarDay.objects.exists()
