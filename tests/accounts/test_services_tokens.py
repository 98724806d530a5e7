"""API tokens: hashed, named, expiring, revocable (decision 0023)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from tdkt.accounts.models import ApiToken
from tdkt.accounts.selectors import api_token_get, api_token_list
from tdkt.accounts.services import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    user_deactivate,
)
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError

pytestmark = pytest.mark.django_db


def _token(registry, user="viewer", name="Máy chủ báo cáo", **kwargs):
    owner = getattr(registry, user)
    return api_token_create(actor=owner, user=owner, name=name, **kwargs)


def test_the_key_is_given_once_and_only_its_hash_is_stored(registry):
    """The key authenticates its owner; the database holds neither the key nor a way back."""
    token, key = _token(registry)
    stored = ApiToken.objects.get(pk=token.pk)
    assert key not in {stored.key_hash, stored.prefix, stored.name}
    assert key.startswith(stored.prefix)
    assert not ApiToken.objects.filter(key_hash__contains=key[10:]).exists()
    assert api_token_authenticate(key) == (registry.viewer, token)
    assert api_token_authenticate(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    event = AuditEvent.objects.get(event_type=AuditEventType.API_TOKEN_CREATED)
    assert event.actor == registry.viewer
    assert key not in str(event.changes)


def test_a_token_expires_after_thirty_days(registry):
    """Valid until its expiry moment, refused one second after."""
    token, key = _token(registry)
    assert token.expires_at - token.created_at == timedelta(days=30)
    with time_machine.travel(token.expires_at - timedelta(seconds=1)):
        assert api_token_authenticate(key) is not None
    with time_machine.travel(token.expires_at + timedelta(seconds=1)):
        assert api_token_authenticate(key) is None


@override_settings(TDKT_API_TOKEN_DAYS=7)
def test_the_lifetime_is_configurable_and_a_shorter_one_may_be_chosen(registry):
    """TDKT_API_TOKEN_DAYS caps the lifetime; a user may ask for fewer days, not more."""
    week, _ = _token(registry, name="Một tuần")
    assert week.expires_at - week.created_at == timedelta(days=7)
    day, _ = _token(registry, name="Một ngày", days=1)
    assert day.expires_at - day.created_at == timedelta(days=1)
    with pytest.raises(ApplicationError) as caught:
        _token(registry, name="Quá dài", days=8)
    assert caught.value.fields["days"]


def test_last_use_is_marked_at_most_once_a_minute(registry):
    """The first use sets ``last_used_at``; a use seconds later does not write again."""
    token, key = _token(registry)
    assert token.last_used_at is None
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        api_token_authenticate(key)
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        api_token_authenticate(key)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == start
    with time_machine.travel(start + timedelta(minutes=2), tick=False):
        api_token_authenticate(key)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == start + timedelta(minutes=2)


def test_names_are_required_and_unique_per_user_unless_replaced(registry):
    """An empty or repeated name is refused; ``replace`` revokes the old token of that name."""
    _, first_key = _token(registry, name="Báo cáo")
    with pytest.raises(ApplicationError) as empty:
        _token(registry, name="   ")
    assert empty.value.fields["name"]
    with pytest.raises(ApplicationError) as repeated:
        _token(registry, name="Báo  cáo")  # spaces are tidied, so this is the same name
    assert repeated.value.fields["name"]
    _, second_key = _token(registry, name="Báo cáo", replace=True)
    assert api_token_authenticate(first_key) is None
    assert api_token_authenticate(second_key) is not None
    _token(registry, user="council", name="Báo cáo")  # another user may use the name


def test_at_most_ten_live_tokens_and_expired_ones_are_cleared(registry):
    """The eleventh token is refused; once the old ones expire, a new one is allowed."""
    for n in range(10):
        _token(registry, name=f"Mã {n}", days=1)
    with pytest.raises(ApplicationError):
        _token(registry, name="Mã thừa")
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        _token(registry, name="Mã mới")
        assert list(
            ApiToken.objects.filter(user=registry.viewer).values_list("name", flat=True)
        ) == ["Mã mới"]


def test_nobody_creates_a_token_for_someone_else(registry):
    """A token acts as its owner, so not even an administrator issues one for another user."""
    for actor in (registry.admin, registry.officer):
        with pytest.raises(PermissionDeniedError):
            api_token_create(actor=actor, user=registry.viewer, name="Hộ")
    assert not ApiToken.objects.exists()


def test_a_disabled_account_gets_no_token_and_its_keys_stop_working(registry):
    """Disabling revokes the keys; a disabled user cannot issue a new one either."""
    _, key = _token(registry)
    user_deactivate(actor=registry.officer, user=registry.viewer)
    assert api_token_authenticate(key) is None
    registry.viewer.refresh_from_db()
    with pytest.raises(PermissionDeniedError):
        _token(registry, name="Mã khác")


@pytest.mark.parametrize(
    ("revoker", "allowed"),
    [("viewer", True), ("officer", True), ("admin", True), ("investment_head", False)],
)
def test_who_may_revoke_a_user_s_token(registry, revoker, allowed):
    """The owner and the managers who may change the owner revoke; others cannot even see it."""
    token, key = _token(registry)
    actor = getattr(registry, revoker)
    if not allowed:
        with pytest.raises(NotFoundError):
            api_token_get(actor=actor, uuid=token.uuid)
        assert list(api_token_list(actor=actor, user=registry.viewer)) == []
        assert api_token_authenticate(key) is not None
        return
    api_token_revoke(actor=actor, token=api_token_get(actor=actor, uuid=token.uuid))
    assert api_token_authenticate(key) is None
    event = AuditEvent.objects.get(event_type=AuditEventType.API_TOKEN_REVOKED)
    assert (event.actor, event.changes) == (actor, {"name": ["Máy chủ báo cáo", None]})


def test_an_officer_may_not_revoke_an_administrator_s_token(registry):
    """Administrators' tokens are theirs and other administrators' to revoke."""
    token, key = _token(registry, user="admin")
    with pytest.raises(NotFoundError):
        api_token_get(actor=registry.officer, uuid=token.uuid)
    with pytest.raises(PermissionDeniedError):
        api_token_revoke(actor=registry.officer, token=token)
    assert api_token_authenticate(key) is not None
