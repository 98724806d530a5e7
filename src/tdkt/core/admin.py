from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from tdkt.core.models import CalendarDay
from tdkt.core.selectors import calendar_day_list
from tdkt.core.services import calendar_day_remove, calendar_day_set


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    """Officers record announced days off and make-up days; saves go through the service."""

    list_display = ["day", "kind", "note", "updated_by", "updated_at"]
    list_filter = ["kind"]
    fields = ["day", "kind", "note"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[CalendarDay]:
        """Read through the selector, like every other screen (public reference data)."""
        return calendar_day_list()

    def save_model(self, request: HttpRequest, obj: CalendarDay, form: Any, change: bool) -> None:
        saved = calendar_day_set(actor=request.user, day=obj.day, kind=obj.kind, note=obj.note)
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: CalendarDay) -> None:
        calendar_day_remove(actor=request.user, day=obj.day)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CalendarDay]) -> None:
        for obj in queryset:
            calendar_day_remove(actor=request.user, day=obj.day)
