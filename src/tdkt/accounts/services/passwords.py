"""Passwords: a user changes their own (with an attempt limit), a manager sets one.

A new password ends the account's other sessions (Django signs sessions with the password
hash) and revokes all of its API tokens, so nothing issued under the old password survives.

The current-password check is limited like the sign-in (decision 0024): after
``AXES_FAILURE_LIMIT`` wrong current passwords the form is locked for ``AXES_COOLOFF_TIME``
and every session of the account ends, since the likely culprit is a stolen session.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tdkt.accounts import policy
from tdkt.accounts.guard import writing_through_services
from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import PendingEvent, record_many
from tdkt.core.errors import ApplicationError, LockedOutError, PermissionDeniedError

from .common import account_service, check_password_strength, lock_user
from .tokens import revoke_all_tokens


def failure_limit() -> int:
    """Return how many wrong current passwords lock the form (the sign-in's limit)."""
    return int(settings.AXES_FAILURE_LIMIT)


def cooloff() -> timedelta:
    """Return how long the form stays locked (the sign-in's cool-off, set in hours)."""
    return timedelta(hours=float(settings.AXES_COOLOFF_TIME))


def password_change_locked(user: User) -> bool:
    """Return True while the user's password-change form is locked."""
    until = user.password_change_locked_until
    return until is not None and until > timezone.now()


def _locked_error(user: User) -> LockedOutError:
    until = timezone.localtime(user.password_change_locked_until)
    return LockedOutError(
        _(
            "Bạn đã nhập sai mật khẩu hiện tại quá nhiều lần. Chức năng đổi mật khẩu tạm khoá "
            "đến %(time)s."
        )
        % {"time": formats.date_format(until, "H:i d/m/Y")}
    )


def _store_password(actor: User | None, user: User, password: str, event: AuditEventType) -> User:
    """Save ``password`` on the locked ``user``, revoke its tokens and audit both."""
    check_password_strength(password, user)
    user.set_password(password)
    user.password_change_failures = 0
    user.password_change_locked_until = None
    user.save(
        update_fields=["password", "password_change_failures", "password_change_locked_until"]
    )
    revoked = revoke_all_tokens(user)
    record_many(
        [
            PendingEvent(event, actor, user),
            *(
                PendingEvent(AuditEventType.API_TOKEN_REVOKED, actor, user, {"name": [name, None]})
                for name in revoked
            ),
        ]
    )
    return user


@account_service
def user_set_password(*, actor: User | None, user: User, password: str) -> User:
    """Set another user's password (an account manager) or any password (the system).

    Managers change their own password on the password page, which asks for the current one.
    """
    policy.ensure_can_change_account(actor, user)
    if policy.is_self(actor, user):
        raise PermissionDeniedError(
            _("Hãy đổi mật khẩu của chính bạn ở trang Đổi mật khẩu (cần mật khẩu hiện tại).")
        )
    return _store_password(actor, lock_user(user), password, AuditEventType.USER_PASSWORD_SET)


def _count_failure(user: User) -> ApplicationError:
    """Record one wrong current password; return the error to show (a lockout at the limit)."""
    before = user.password_change_failures
    user.password_change_failures = before + 1
    events = [
        PendingEvent(
            AuditEventType.USER_PASSWORD_CHANGE_FAILED,
            user,
            user,
            {"password_change_failures": [before, user.password_change_failures]},
        )
    ]
    fields = ["password_change_failures"]
    if user.password_change_failures >= failure_limit():
        user.password_change_failures = 0
        user.password_change_locked_until = timezone.now() + cooloff()
        user.session_generation += 1
        fields += ["password_change_locked_until", "session_generation"]
        events.append(
            PendingEvent(
                AuditEventType.USER_PASSWORD_CHANGE_LOCKED,
                user,
                user,
                {"password_change_locked_until": [None, user.password_change_locked_until]},
            )
        )
    user.save(update_fields=fields)
    record_many(events)
    if password_change_locked(user):
        return _locked_error(user)
    return ApplicationError(
        _("Mật khẩu hiện tại không đúng."),
        fields={"current_password": [_("Mật khẩu hiện tại không đúng.")]},
    )


def user_password_change(*, actor: User | None, current_password: str, new_password: str) -> User:
    """Change the actor's own password after checking the current one.

    A wrong current password is counted and audited even though the change is refused: the
    count is committed before the error is raised.
    """
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDeniedError(_("Bạn cần đăng nhập để đổi mật khẩu."))
    with transaction.atomic(), writing_through_services():
        user = lock_user(actor)
        if password_change_locked(user):
            raise _locked_error(user)
        if user.check_password(current_password):
            return _store_password(actor, user, new_password, AuditEventType.USER_PASSWORD_CHANGED)
        refusal = _count_failure(user)
    raise refusal
