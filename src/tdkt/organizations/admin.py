"""Django admin for registry reference data.

Zones and blocks/clusters can be edited here as well as in the web UI (``/zones/``,
``/groups/``); every save goes through the registry services, so admin edits are validated,
permission-checked and audited like any other write. The organisation tree, people and
employment history are read-only here: they are edited in the web UI, where the scoped forms
live. Nothing audited can be deleted from the admin.

The admin is for administrators, yet every list here reads through the scoped selectors
(``selector``), so a staff flag given to another account by hand never widens what it sees
(docs/decisions/0014).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from tdkt.accounts.scopes import is_board_writer
from tdkt.core.errors import PermissionDeniedError

from .models import Employment, EmulationGroup, IndustrialZone, Organization, Person
from .selectors import employment_list, group_list, organization_list, person_list, zone_list
from .services import group_create, group_update, zone_create, zone_update
from .services.groups import GROUP_FIELDS
from .services.zones import ZONE_FIELDS


def _adopt(target: models.Model, saved: models.Model) -> None:
    """Make the admin's unsaved instance the saved row, so its log entry and redirect work."""
    for field in saved._meta.concrete_fields:
        setattr(target, field.attname, getattr(saved, field.attname))
    target._state.adding = False
    target._state.db = saved._state.db


class ScopedAdmin(admin.ModelAdmin):
    """An admin whose rows come from an actor-scoped selector, also for the search box.

    ``selector(actor=…, search=…)`` returns the visible rows; a search also matches the
    accent-free ``search_key`` (so "nguyen" finds "Nguyễn") when the selector takes one.
    """

    selector: Callable[..., QuerySet[Any]]
    folded_search = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return type(self).selector(actor=request.user)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term and self.folded_search:
            queryset |= type(self).selector(actor=request.user, search=search_term)
        return queryset, may_have_duplicates


class ServiceAdmin(ScopedAdmin):
    """Base for admins whose saves call a create/update service with the form's fields."""

    service_fields: list[str] = []

    def add_through_service(self, *, actor: Any, **data: Any) -> models.Model:
        raise NotImplementedError

    def change_through_service(self, *, actor: Any, obj: models.Model, **data: Any) -> models.Model:
        raise NotImplementedError

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_board_writer(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_board_writer(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        data = {k: form.cleaned_data[k] for k in self.service_fields if k in form.cleaned_data}
        try:
            if change:
                saved = self.change_through_service(actor=request.user, obj=obj, **data)
            else:
                saved = self.add_through_service(actor=request.user, **data)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        _adopt(obj, saved)


@admin.register(IndustrialZone)
class IndustrialZoneAdmin(ServiceAdmin):
    list_display = ["name", "kind", "district", "area_ha", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "district"]
    service_fields = ZONE_FIELDS
    selector = staticmethod(zone_list)

    def add_through_service(self, *, actor: Any, **data: Any) -> models.Model:
        return zone_create(actor=actor, **data)

    def change_through_service(self, *, actor: Any, obj: Any, **data: Any) -> models.Model:
        return zone_update(actor=actor, zone=obj, **data)


@admin.register(EmulationGroup)
class EmulationGroupAdmin(ServiceAdmin):
    list_display = ["name", "kind", "organizer"]
    list_filter = ["kind"]
    search_fields = ["name", "organizer"]
    service_fields = GROUP_FIELDS
    selector = staticmethod(group_list)

    def add_through_service(self, *, actor: Any, **data: Any) -> models.Model:
        return group_create(actor=actor, **data)

    def change_through_service(self, *, actor: Any, obj: Any, **data: Any) -> models.Model:
        return group_update(actor=actor, group=obj, **data)


class ReadOnlyAdmin(ScopedAdmin):
    """A list to look things up; changes are made in the web UI through the services."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    list_display = ["name", "short_name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]

    @staticmethod
    def selector(*, actor: Any, search: str = "") -> QuerySet[Organization]:
        return organization_list(actor=actor, search=search, include_inactive=True)


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["full_name", "category", "date_of_birth", "nationality"]
    list_filter = ["category", "gender"]
    search_fields = ["full_name", "citizen_id"]
    selector = staticmethod(person_list)


@admin.register(Employment)
class EmploymentAdmin(ReadOnlyAdmin):
    list_display = ["person", "organization", "position", "start_date", "end_date"]
    search_fields = ["person__full_name", "organization__name"]
    date_hierarchy = "start_date"
    selector = staticmethod(employment_list)
    folded_search = False
