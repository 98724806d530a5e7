"""Account administration. Django's user admin writes the model itself, so every save, password
change and deletion attempt here is wrapped to record its audit event in the same transaction."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot

from .models import User
from .services import USER_FIELDS


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organization", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("tdkt", {"fields": ["role", "organization", "person"]}),
    )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Save and audit together; the before-values come from the database, not the form."""
        with transaction.atomic():
            before = {}
            if change:
                before = snapshot(User.objects.select_for_update().get(pk=obj.pk), USER_FIELDS)
            super().save_model(request, obj, form, change)
            changes = diff(before, snapshot(obj, USER_FIELDS))
            if changes or not change:
                event = AuditEventType.USER_UPDATED if change else AuditEventType.USER_CREATED
                record(event_type=event, actor=request.user, obj=obj, changes=changes)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Audit a password set by an administrator (the form saves the user itself)."""
        with transaction.atomic():
            user = User.objects.select_for_update().filter(pk=id).first()
            old_hash = user.password if user else None
            response = super().user_change_password(request, id, form_url)
            if user is not None:
                user.refresh_from_db(fields=["password"])
                if user.password != old_hash:
                    record(
                        event_type=AuditEventType.USER_PASSWORD_CHANGED,
                        actor=request.user,
                        obj=user,
                    )
        return response

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Accounts are deactivated, never deleted: audit events keep pointing at them."""
        return False


def _unregister_unaudited_admins() -> None:
    """Hide admin pages that would change security data without an audit event.

    API tokens are issued through ``POST /api/v1/auth/token/`` (audited); permission groups
    are not used — roles decide access (``accounts.scopes``).
    """
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import TokenProxy

    for model in (TokenProxy, Group):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


_unregister_unaudited_admins()
