"""Accounts in the Django admin: read-only, pointing to the account screens (decision 0022).

Every account change goes through ``tdkt.accounts.services`` (rules and audit in one place),
so the admin shows users but cannot add, change, delete or set passwords. Django's group page
is removed (roles decide access), and django-axes' login-attempt pages become read-only: the
audited "unlock" action on an account's page replaces deleting attempts here.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import User


class ReadOnlyAdminMixin:
    """Allow viewing only: no add, change, delete, nor bulk actions."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        return {}


def yes_no(value: bool) -> str:
    """Return "Có"/"Không": the admin's boolean icons carry "True"/"False" as their text."""
    return str(_("Có") if value else _("Không"))


@admin.register(User)
class UserAdmin(ReadOnlyAdminMixin, BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organization", "active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email", "search_key"]
    readonly_fields = ["active", "staff", "superuser"]
    fieldsets = (
        (None, {"fields": ["username", "first_name", "last_name", "email"]}),
        (_("Vai trò và đơn vị"), {"fields": ["role", "organization", "person", "active"]}),
        (None, {"fields": ["staff", "superuser", "last_login", "date_joined"]}),
    )

    @admin.display(description=_("Đang hoạt động"), ordering="is_active")
    def active(self, obj: User) -> str:
        return yes_no(obj.is_active)

    @admin.display(description=_("Vào trang quản trị"))
    def staff(self, obj: User) -> str:
        return yes_no(obj.is_staff)

    @admin.display(description=_("Toàn quyền"))
    def superuser(self, obj: User) -> str:
        return yes_no(obj.is_superuser)


def _read_only(model_admin: type[admin.ModelAdmin]) -> type[admin.ModelAdmin]:
    return type(f"ReadOnly{model_admin.__name__}", (ReadOnlyAdminMixin, model_admin), {})


def lock_down_admin() -> None:
    """Remove the group page and make django-axes' pages read-only (idempotent)."""
    from django.contrib.auth.models import Group

    if admin.site.is_registered(Group):
        admin.site.unregister(Group)
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        if not admin.site.is_registered(model):
            continue
        current = type(admin.site.get_model_admin(model))
        if issubclass(current, ReadOnlyAdminMixin):
            continue
        admin.site.unregister(model)
        admin.site.register(model, _read_only(current))
