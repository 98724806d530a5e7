"""Django admin for registry reference data.

Zones and blocks/clusters can be edited here as well as in the web UI (``/zones/``,
``/groups/``); every save goes through the registry services, so admin edits are validated,
permission-checked and audited like any other write. The organisation tree, people and
employment history are read-only here: they are edited in the web UI, where the scoped forms
live. Nothing audited can be deleted from the admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest

from tdkt.accounts.scopes import scope_for
from tdkt.core.errors import PermissionDeniedError
from tdkt.core.text import fold

from .models import Employment, EmulationGroup, IndustrialZone, Organization, Person
from .services import group_create, group_update, zone_create, zone_update
from .services.groups import GROUP_FIELDS
from .services.zones import ZONE_FIELDS


def _is_board_writer(request: HttpRequest) -> bool:
    scope = scope_for(request.user)
    return scope.everything and scope.can_write


def _adopt(target: models.Model, saved: models.Model) -> None:
    """Make the admin's unsaved instance the saved row, so its log entry and redirect work."""
    for field in saved._meta.concrete_fields:
        setattr(target, field.attname, getattr(saved, field.attname))
    target._state.adding = False
    target._state.db = saved._state.db


class FoldedSearchMixin:
    """Search the accent-free ``search_key`` too, so "nguyen" finds "Nguyễn"."""

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> Any:
        queryset, may_have_duplicates = super().get_search_results(  # type: ignore[misc]
            request, queryset, search_term
        )
        if search_term:
            queryset |= self.model.objects.filter(search_key__contains=fold(search_term))  # type: ignore[attr-defined]
        return queryset, may_have_duplicates


class ServiceAdmin(FoldedSearchMixin, admin.ModelAdmin):
    """Base for admins whose saves call a create/update service with the form's fields."""

    service_fields: list[str] = []

    def create(self, *, actor: Any, **data: Any) -> models.Model:
        raise NotImplementedError

    def update(self, *, actor: Any, obj: models.Model, **data: Any) -> models.Model:
        raise NotImplementedError

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_board_writer(request) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_board_writer(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        data = {k: form.cleaned_data[k] for k in self.service_fields if k in form.cleaned_data}
        try:
            if change:
                saved = self.update(actor=request.user, obj=obj, **data)
            else:
                saved = self.create(actor=request.user, **data)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        _adopt(obj, saved)


@admin.register(IndustrialZone)
class IndustrialZoneAdmin(ServiceAdmin):
    list_display = ["name", "kind", "district", "area_ha", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "district"]
    service_fields = ZONE_FIELDS

    def create(self, *, actor: Any, **data: Any) -> models.Model:
        return zone_create(actor=actor, **data)

    def update(self, *, actor: Any, obj: Any, **data: Any) -> models.Model:
        return zone_update(actor=actor, zone=obj, **data)


@admin.register(EmulationGroup)
class EmulationGroupAdmin(ServiceAdmin):
    list_display = ["name", "kind", "organizer"]
    list_filter = ["kind"]
    search_fields = ["name", "organizer"]
    service_fields = GROUP_FIELDS

    def create(self, *, actor: Any, **data: Any) -> models.Model:
        return group_create(actor=actor, **data)

    def update(self, *, actor: Any, obj: Any, **data: Any) -> models.Model:
        return group_update(actor=actor, group=obj, **data)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A list to look things up; changes are made in the web UI through the services."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    list_display = ["name", "short_name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]
    list_select_related = ["parent"]


@admin.register(Person)
class PersonAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    list_display = ["full_name", "category", "date_of_birth", "nationality"]
    list_filter = ["category", "gender"]
    search_fields = ["full_name", "citizen_id"]


@admin.register(Employment)
class EmploymentAdmin(ReadOnlyAdmin):
    list_display = ["person", "organization", "position", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__full_name", "organization__name"]
    date_hierarchy = "start_date"
