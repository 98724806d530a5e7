"""Account writes: create and update users, change passwords, issue API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.errors import ApplicationError, PermissionDeniedError

from .constants import Role
from .models import User

USER_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "organization",
    "person",
    "is_active",
    "is_staff",
]
ORG_BOUND_ROLES = {Role.UNIT_HEAD, Role.ENTERPRISE_REPRESENTATIVE, Role.VIEWER}


def _ensure_admin(actor: Any) -> None:
    if actor is not None and not (actor.is_superuser or actor.role == Role.ADMIN):
        raise PermissionDeniedError(_("Chỉ quản trị hệ thống được quản lý tài khoản."))


def _check_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ApplicationError(
            _("Mật khẩu chưa đủ mạnh."), fields={"password": list(exc.messages)}
        ) from exc


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    role: str,
    organization: Any = None,
    person: Any = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    """Create an account. ``actor=None`` is the system itself (setup, demo data).

    Unit heads, enterprise representatives and viewers must belong to an organisation,
    otherwise they would see nothing.
    """
    _ensure_admin(actor)
    if User.objects.filter(username__iexact=username).exists():
        raise ApplicationError(
            _("Tên đăng nhập đã tồn tại."), fields={"username": [_("Đã tồn tại.")]}
        )
    if role in ORG_BOUND_ROLES and organization is None:
        raise ApplicationError(
            _("Vai trò này phải gắn với một đơn vị."),
            fields={"organization": [_("Bắt buộc.")]},
        )
    user = User(
        username=username,
        role=role,
        organization=organization,
        person=person,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    _check_password(password, user)
    user.set_password(password)
    user.save()
    record(
        event_type=AuditEventType.USER_CREATED,
        actor=actor,
        obj=user,
        changes=diff({}, snapshot(user, USER_FIELDS)),
    )
    return user


@transaction.atomic
def user_set_password(*, actor: Any, user: User, password: str) -> User:
    """Set a new password (the user themself or an administrator)."""
    if actor is None or actor.pk != user.pk:
        _ensure_admin(actor)
    _check_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    record(event_type=AuditEventType.USER_PASSWORD_CHANGED, actor=actor, obj=user)
    return user


@transaction.atomic
def api_token_create(*, actor: Any, user: User) -> Token:
    """Issue (or re-issue) the API token of ``user``; the old one stops working."""
    if actor is None or actor.pk != user.pk:
        _ensure_admin(actor)
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    record(event_type=AuditEventType.API_TOKEN_CREATED, actor=actor, obj=user)
    return token
