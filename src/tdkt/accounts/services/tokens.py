"""API tokens: issue (the key is shown once), revoke, and authenticate a key (decision 0023).

Only the SHA-256 of a key is stored. Keys are 256 random bits, so a plain hash is enough: a
slow password hash would only slow down every API call.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts import policy
from tdkt.accounts.models import ApiToken, User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, PermissionDeniedError

from .common import account_service, lock_user

KEY_PREFIX = "tdkt_"
MAX_LIVE_TOKENS = 10
NAME_MAX = 100
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_key(key: str) -> str:
    """Return the stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


def token_lifetime_days() -> int:
    """Return the configured lifetime of new tokens (``TDKT_API_TOKEN_DAYS``, default 30)."""
    return int(settings.TDKT_API_TOKEN_DAYS)


def _local_day(moment: datetime) -> str:
    return timezone.localtime(moment).date().isoformat()


def revoke_all_tokens(user: User) -> list[str]:
    """Delete every token of ``user`` and return their names, for the caller's audit event.

    Called by the services that must end API access: a password change and deactivation.
    """
    tokens = ApiToken.objects.filter(user=user)
    names = sorted(tokens.values_list("name", flat=True))
    tokens.delete()
    return names


def _ensure_may_hold(actor: User | None, user: User) -> None:
    """Only the owner (or the system) creates a token: a token acts as its user."""
    if actor is not None and not policy.is_self(actor, user):
        raise PermissionDeniedError(_("Chỉ chủ tài khoản được tạo mã truy cập API của mình."))


@account_service
def api_token_create(
    *,
    actor: User | None,
    user: User,
    name: str,
    days: int | None = None,
    replace: bool = False,
) -> tuple[ApiToken, str]:
    """Issue a token of ``user`` and return it with its key, which is never shown again.

    ``replace`` revokes the user's token of the same name first (the sign-in endpoint does
    this, so a script that signs in daily keeps one token). Expired tokens are removed.
    """
    _ensure_may_hold(actor, user)
    user = lock_user(user)
    if not user.is_active:
        raise PermissionDeniedError(_("Tài khoản đã bị khoá."))
    now = timezone.now()
    name = " ".join((name or "").split())
    limit = token_lifetime_days()
    days = limit if days is None else days
    errors: dict[str, list[str]] = {}
    if not name or len(name) > NAME_MAX:
        errors["name"] = [_("Tên mã phải có từ 1 đến %(n)s ký tự.") % {"n": NAME_MAX}]
    if not 1 <= days <= limit:
        errors["days"] = [_("Thời hạn phải từ 1 đến %(n)s ngày.") % {"n": limit}]
    if errors:
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=errors)
    ApiToken.objects.filter(user=user, expires_at__lte=now).delete()
    same_name = ApiToken.objects.filter(user=user, name=name)
    replaced = same_name.exists()
    if replaced and not replace:
        raise ApplicationError(
            _("Bạn đã có mã tên này."), fields={"name": [_("Hãy chọn tên khác.")]}
        )
    same_name.delete()
    if ApiToken.objects.filter(user=user).count() >= MAX_LIVE_TOKENS:
        raise ApplicationError(
            _("Mỗi tài khoản có tối đa %(n)s mã còn hạn; hãy thu hồi bớt mã cũ.")
            % {"n": MAX_LIVE_TOKENS}
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=key[: len(KEY_PREFIX) + 4],
        key_hash=hash_key(key),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    changes = {
        "name": [name if replaced else None, name],
        "expires_at": [None, _local_day(token.expires_at)],
    }
    record(event_type=AuditEventType.API_TOKEN_CREATED, actor=actor, obj=user, changes=changes)
    return token, key


@account_service
def api_token_revoke(*, actor: User | None, token: ApiToken) -> None:
    """Revoke one token: its owner, or an account manager who may change the owner."""
    owner = token.user
    if not policy.is_self(actor, owner):
        policy.ensure_can_change_account(actor, owner)
    deleted, _rows = ApiToken.objects.filter(pk=token.pk).delete()
    if deleted:
        record(
            event_type=AuditEventType.API_TOKEN_REVOKED,
            actor=actor,
            obj=owner,
            changes={"name": [token.name, None]},
        )


def api_token_authenticate(key: str) -> tuple[User, ApiToken] | None:
    """Return the active user and live token of ``key``, or None.

    Marks the token as used, at most once a minute: a usage mark like ``last_login``, not a
    change of the account, so it is not audited.
    """
    if not key.startswith(KEY_PREFIX) or len(key) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()
    now = timezone.now()
    if token is None or token.expires_at <= now or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user, token
