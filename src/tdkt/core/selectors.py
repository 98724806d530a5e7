"""Reads of core reference data."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from tdkt.core.calendar import CalendarOverride, WorkingCalendar, override_kind
from tdkt.core.models import CalendarDay


def calendar_day_list() -> QuerySet[CalendarDay]:
    """Return the announced days off and make-up days, newest first (public reference data)."""
    return CalendarDay.objects.select_related("updated_by").order_by("-day")


def calendar_days_in_year(year: int) -> QuerySet[CalendarDay]:
    """Return the announced days off and make-up days of ``year``, in calendar order."""
    return calendar_day_list().filter(day__year=year).order_by("day")


def calendar_day_get(day: date) -> CalendarDay | None:
    """Return the announced entry of ``day``, or None when the built-in calendar applies."""
    return calendar_day_list().filter(day=day).first()


def calendar_day_years() -> list[int]:
    """Return the years that have announced entries, newest first (the page's year links)."""
    return [d.year for d in CalendarDay.objects.dates("day", "year", order="DESC")]


def working_calendar() -> WorkingCalendar:
    """Return the working-day calendar with the officers' announced changes applied.

    Build one per request or import and reuse it: it caches each year's table.
    """
    rows = CalendarDay.objects.values_list("day", "kind", "note")
    return WorkingCalendar(
        CalendarOverride(day, override_kind(kind), note) for day, kind, note in rows
    )
