"""Lift sign-in and password-change lockouts, audited (decision 0024).

django-axes' admin let staff delete login-attempt records without a trace; its admin is now
read-only, and this is the one way to clear them: the "unlock" action on an account's page,
or the ``axes_reset*`` commands (the system).
"""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts import policy
from tdkt.accounts.constants import LoginRecords
from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ConflictError

from .common import account_service, lock_user
from .passwords import password_change_locked


@account_service
def user_unlock(*, actor: User | None, user: User) -> User:
    """Delete the account's failed sign-in records and lift a password-change lockout."""
    policy.ensure_can_change_account(actor, user)
    user = lock_user(user)
    attempts = AccessAttempt.objects.filter(username__iexact=user.username)
    rows = list(attempts.values_list("ip_address", "failures_since_start"))
    locked_until = user.password_change_locked_until if password_change_locked(user) else None
    if not rows and locked_until is None and not user.password_change_failures:
        raise ConflictError(_("Tài khoản này không bị khoá và không có lần nhập sai nào."))
    attempts.delete()
    changes: dict[str, list[object]] = {}
    if rows:
        changes["login_failures"] = [sum(n for _ip, n in rows), 0]
        changes["ip_addresses"] = [sorted({ip or "" for ip, _n in rows}), []]
    if locked_until is not None:
        changes["password_change_locked_until"] = [locked_until, None]
    if user.password_change_failures:
        changes["password_change_failures"] = [user.password_change_failures, 0]
    user.password_change_failures = 0
    user.password_change_locked_until = None
    user.save(update_fields=["password_change_failures", "password_change_locked_until"])
    record(event_type=AuditEventType.USER_UNLOCKED, actor=actor, obj=user, changes=changes)
    return user


_RECORD_MODELS: dict[str, type[models.Model]] = {
    LoginRecords.ATTEMPTS: AccessAttempt,
    LoginRecords.ACCESS_LOGS: AccessLog,
    LoginRecords.FAILURE_LOGS: AccessFailureLog,
}


@account_service
def login_records_delete(
    *,
    actor: User | None,
    kind: LoginRecords,
    username: str | None = None,
    ip_address: str | None = None,
    older_than_days: int | None = None,
) -> int:
    """Delete django-axes records matching the filters (all of ``kind`` without filters) and
    return how many went; one audit event says what was deleted and by whom.

    The ``axes_reset*`` commands call this (as the system); an account manager may too.
    """
    policy.ensure_can_manage_accounts(actor)
    records = _RECORD_MODELS[kind]._default_manager.all()
    if username:
        records = records.filter(username__iexact=username)
    if ip_address:
        records = records.filter(ip_address=ip_address)
    if older_than_days is not None:
        records = records.filter(attempt_time__lte=timezone.now() - timedelta(days=older_than_days))
    deleted: int = records.count()
    if deleted:
        records.delete()
        filters = {
            "username": username,
            "ip_address": ip_address,
            "older_than_days": older_than_days,
        }
        record(
            event_type=AuditEventType.LOGIN_RECORDS_DELETED,
            actor=actor,
            object_repr=str(LoginRecords(kind).label),
            changes={
                **{name: [value, None] for name, value in filters.items() if value is not None},
                str(kind): [deleted, 0],
            },
        )
    return deleted
