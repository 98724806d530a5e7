from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .constants import AuditEventType
from .models import AuditEvent


class EventTypeFilter(admin.SimpleListFilter):
    """Filter by event type, listed by label: the column itself has no choices (ADR 0028)."""

    title = _("loại sự kiện")
    parameter_name = "event_type"

    def lookups(self, request, model_admin):
        return AuditEventType.choices

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(event_type=value) if value else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is never edited by hand."""

    list_display = ["seq", "occurred_at", "event_label", "actor_label", "object_repr"]
    list_filter = [EventTypeFilter]
    search_fields = ["object_repr", "actor_label", "object_id"]

    @admin.display(description=_("loại sự kiện"), ordering="event_type")
    def event_label(self, obj: AuditEvent) -> str:
        return obj.get_event_type_display()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
