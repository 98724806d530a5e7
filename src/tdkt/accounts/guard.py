"""A safety net for account writes that bypass the account services.

The services record their own audit events. Anything else that saves a user (a Django shell,
a third-party command, ``loaddata``) or changes a user's Django groups or permissions is
recorded here as ``user.changed_outside_services``/``user.permissions_changed`` with the
system as actor, so a change of who may do what never goes unrecorded, whatever the path.
Bulk ``QuerySet.update()`` sends no signals and stays out of reach, like raw SQL
(decision 0022).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save, pre_save

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot

from .constants import USER_FIELDS
from .models import User

_in_service: ContextVar[bool] = ContextVar("tdkt_accounts_in_service", default=False)
_BEFORE = "_tdkt_guard_before"
_GRANTS_BEFORE = "_tdkt_grants_before"


@contextmanager
def writing_through_services() -> Iterator[None]:
    """Mark the account writes inside as done by a service (which audits them itself)."""
    token = _in_service.set(True)
    try:
        yield
    finally:
        _in_service.reset(token)


def _user_pre_save(sender: Any, instance: User, update_fields: Any = None, **kwargs: Any) -> None:
    if _in_service.get():
        return
    if update_fields is not None and not set(update_fields) & set(USER_FIELDS):
        return  # e.g. last_login on sign-in, a password hash upgraded by Django
    stored = User.objects.filter(pk=instance.pk).first() if instance.pk else None
    setattr(instance, _BEFORE, snapshot(stored, USER_FIELDS) if stored else {})


def _user_post_save(sender: Any, instance: User, **kwargs: Any) -> None:
    if _in_service.get() or not hasattr(instance, _BEFORE):
        return
    before = instance.__dict__.pop(_BEFORE)
    changes = diff(before, snapshot(instance, USER_FIELDS))
    if changes:
        record(
            event_type=AuditEventType.USER_CHANGED_OUTSIDE_SERVICES,
            actor=None,
            obj=instance,
            changes=changes,
        )


def _names(model: type[Group] | type[Permission], pks: set[Any]) -> list[str]:
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
    return sorted(
        f"{app}.{code}"
        for app, code in Permission.objects.filter(pk__in=pks).values_list(
            "content_type__app_label", "codename"
        )
    )


def _grants(user: User, field: str) -> set[Any]:
    return set(getattr(user, field).values_list("pk", flat=True))


def _grants_changed(
    sender: Any,
    instance: Any,
    action: str,
    reverse: bool,
    pk_set: set[Any] | None,
    **kwargs: Any,
) -> None:
    """Record each affected user's groups or permissions before and after the change.

    ``instance`` is the user, or with ``reverse`` the group/permission whose ``user_set``
    changed; the before-state is kept on it between the ``pre_`` and ``post_`` signals.
    """
    field = "groups" if sender is User.groups.through else "user_permissions"
    if action.startswith("pre_"):
        if not reverse:
            users = [instance]
        elif action == "pre_clear":
            users = list(User.objects.filter(**{field: instance}))
        else:
            users = list(User.objects.filter(pk__in=pk_set or ()))
        setattr(instance, _GRANTS_BEFORE, [(user, _grants(user, field)) for user in users])
        return
    related = Group if field == "groups" else Permission
    for user, before in instance.__dict__.pop(_GRANTS_BEFORE, []):
        after = _grants(user, field)
        if before != after:
            record(
                event_type=AuditEventType.USER_PERMISSIONS_CHANGED,
                actor=None,
                obj=user,
                changes={field: [_names(related, before), _names(related, after)]},
            )


def connect() -> None:
    """Connect the receivers (called once from ``AccountsConfig.ready``)."""
    pre_save.connect(_user_pre_save, sender=User, dispatch_uid="tdkt_user_guard_pre")
    post_save.connect(_user_post_save, sender=User, dispatch_uid="tdkt_user_guard_post")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(_grants_changed, sender=through, dispatch_uid=f"tdkt_guard_{through}")
