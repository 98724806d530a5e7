"""Reads of core reference data."""

from __future__ import annotations

from django.db.models import QuerySet

from tdkt.core.calendar import CalendarOverride, WorkingCalendar, override_kind
from tdkt.core.models import CalendarDay


def calendar_day_list() -> QuerySet[CalendarDay]:
    """Return the announced days off and make-up days, newest first (public reference data)."""
    return CalendarDay.objects.select_related("updated_by").order_by("-day")


def working_calendar() -> WorkingCalendar:
    """Return the working-day calendar with the officers' announced changes applied.

    Build one per request or import and reuse it: it caches each year's table.
    """
    rows = CalendarDay.objects.values_list("day", "kind", "note")
    return WorkingCalendar(
        CalendarOverride(day, override_kind(kind), note) for day, kind, note in rows
    )
