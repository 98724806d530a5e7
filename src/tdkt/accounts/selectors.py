"""Reads of accounts, tokens and lockouts, scoped to what the actor may see.

Account managers see every account; anyone else sees only their own. An account outside the
actor's view answers exactly like one that does not exist (no existence oracle).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from axes.models import AccessAttempt
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.models import AuditEvent
from tdkt.core.errors import NotFoundError
from tdkt.core.text import fold

from . import policy
from .models import ApiToken, User
from .services.passwords import cooloff, failure_limit, password_change_locked

STATUS_ACTIVE = "active"
STATUS_INACTIVE = "inactive"


def user_list(*, actor: Any, search: str = "", role: str = "", status: str = "") -> QuerySet[User]:
    """Return the accounts an account manager may see, filtered, by username.

    ``search`` matches username, names and e-mail without accents; ``status`` is
    ``active``/``inactive`` or empty for both.
    """
    policy.ensure_can_manage_accounts(actor)
    qs = User.objects.select_related("organization")
    if search and (key := fold(search)):
        qs = qs.filter(search_key__contains=key)
    if role:
        qs = qs.filter(role=role)
    if status == STATUS_ACTIVE:
        qs = qs.filter(is_active=True)
    elif status == STATUS_INACTIVE:
        qs = qs.filter(is_active=False)
    return qs.order_by("username")


def user_get(*, actor: Any, uuid: UUID | str) -> User:
    """Return one account the actor may see; any other answers "not found"."""
    user = User.objects.select_related("organization", "person").filter(uuid=uuid).first()
    if user is None or not policy.can_read_account(actor, user):
        raise NotFoundError(_("Không tìm thấy tài khoản."))
    return user


def user_get_by_username(*, actor: Any, username: str) -> User:
    """Return the account with this username (any case) if the actor may see it.

    Server commands name their target by username; they run as the system (``actor=None``).
    """
    user = User.objects.filter(username__iexact=username).first()
    if user is None or not policy.can_read_account(actor, user):
        raise NotFoundError(_("Không tìm thấy tài khoản."))
    return user


def api_token_list(*, actor: Any, user: User) -> QuerySet[ApiToken]:
    """Return the live tokens of ``user``: for the owner, and for managers who may change it."""
    if not (policy.is_self(actor, user) or policy.can_change_account(actor, user)):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user, expires_at__gt=timezone.now()).order_by("-created_at")


def api_token_get(*, actor: Any, uuid: UUID | str) -> ApiToken:
    """Return one token its owner or a manager of the owner may revoke; others get 404."""
    token = ApiToken.objects.select_related("user").filter(uuid=uuid).first()
    if token is None or not (
        policy.is_self(actor, token.user) or policy.can_change_account(actor, token.user)
    ):
        raise NotFoundError(_("Không tìm thấy mã truy cập API."))
    return token


def user_history(*, actor: Any, user: User) -> QuerySet[AuditEvent]:
    """Return the audit events about ``user``, newest first (the caller has read ``user``
    through ``user_get``). Events written before users had public ids name the integer id."""
    if not policy.can_read_account(actor, user):
        return AuditEvent.objects.none()
    return (
        AuditEvent.objects.filter(object_type="accounts.user")
        .filter(Q(object_id=str(user.uuid)) | Q(object_id=str(user.pk)))
        .select_related("actor")
        .order_by("-seq")
    )


@dataclass(frozen=True)
class Lockout:
    """Why an account may be unable to sign in or change its password right now."""

    login_locked: bool
    login_failures: int
    password_change_locked_until: datetime | None

    @property
    def locked(self) -> bool:
        return self.login_locked or self.password_change_locked_until is not None


def user_lockout(*, actor: Any, user: User) -> Lockout:
    """Return the sign-in and password-change lockouts of ``user`` (for its managers)."""
    if not policy.can_read_account(actor, user):
        return Lockout(False, 0, None)
    since = timezone.now() - cooloff()
    failures = list(
        AccessAttempt.objects.filter(
            username__iexact=user.username, attempt_time__gte=since
        ).values_list("failures_since_start", flat=True)
    )
    return Lockout(
        login_locked=any(n >= failure_limit() for n in failures),
        login_failures=sum(failures),
        password_change_locked_until=(
            user.password_change_locked_until if password_change_locked(user) else None
        ),
    )
