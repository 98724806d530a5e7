"""Helpers shared by the account services: the service decorator, snapshots, row locks."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tdkt.accounts.constants import USER_FIELDS, Role
from tdkt.accounts.guard import writing_through_services
from tdkt.accounts.models import User
from tdkt.audit.services import snapshot
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.core.text import fold
from tdkt.core.versions import fingerprint

P = ParamSpec("P")
R = TypeVar("R")


def account_service(func: Callable[P, R]) -> Callable[P, R]:
    """Run an account service in one transaction, its user saves marked as audited by it."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction.atomic(), writing_through_services():
            return func(*args, **kwargs)

    return wrapper


def user_version(user: User) -> str:
    """Return a short fingerprint of the account's fields.

    An edit form carries the fingerprint it was drawn from; ``user_update`` refuses the save
    when the account has changed since, so two officers never silently overwrite each other.
    """
    return fingerprint(snapshot(user, USER_FIELDS))


def ensure_version(user: User, expected: str | None) -> None:
    """Refuse (409) when ``expected`` is given and the account has changed since."""
    if expected is not None and expected != user_version(user):
        raise ConflictError(
            _(
                "Tài khoản vừa được người khác thay đổi. Hãy tải lại trang để xem thông tin "
                "mới rồi sửa lại."
            )
        )


def search_key(user: User) -> str:
    """Return the folded text an account is found by (ADR 0003)."""
    return fold(" ".join([user.username, user.first_name, user.last_name, user.email]))


def lock_user(user: User) -> User:
    """Return ``user`` re-read under a row lock, so concurrent services queue."""
    return (
        User.objects.select_for_update(of=("self",)).select_related("organization").get(pk=user.pk)
    )


def lock_active_admin_ids() -> set[int]:
    """Lock the active administrators (in id order, so two services cannot deadlock) and
    return their ids; the last-administrator rule counts on a stable set."""
    admins = (
        User.objects.select_for_update()
        .filter(Q(role=Role.ADMIN) | Q(is_superuser=True), is_active=True)
        .order_by("pk")
    )
    return set(admins.values_list("pk", flat=True))


def ensure_not_last_admin(user: User, message: str) -> None:
    """Refuse (409) when ``user`` is the only active administrator left."""
    if user.pk in (admins := lock_active_admin_ids()) and not admins - {user.pk}:
        raise ConflictError(message)


def check_password_strength(password: str, user: User) -> None:
    """Apply the password validators; their messages go under the ``password`` field."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ApplicationError(
            _("Mật khẩu chưa đủ mạnh."), fields={"password": list(exc.messages)}
        ) from exc
