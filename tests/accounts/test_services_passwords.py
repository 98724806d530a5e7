"""Passwords: managers set them, users change their own with a limit on wrong current
passwords (decision 0024). A new password revokes every API token of the account."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.utils import timezone

from tdkt.accounts.models import ApiToken, User
from tdkt.accounts.services import (
    api_token_create,
    user_password_change,
    user_set_password,
    user_unlock,
)
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, LockedOutError, PermissionDeniedError
from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "Mat-khau#Moi2027"


def _viewer(registry) -> User:
    return User.objects.get(pk=registry.viewer.pk)


def _types_since(seq: int) -> list[str]:
    return list(
        AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("event_type", flat=True)
    )


def _last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


# user_set_password --------------------------------------------------------------------------


def test_officer_sets_a_password_which_revokes_the_user_s_tokens(registry):
    """The new password works, the old one does not, and the user's tokens are gone."""
    api_token_create(actor=registry.viewer, user=registry.viewer, name="Báo cáo")
    start = _last_seq()
    user_set_password(actor=registry.officer, user=registry.viewer, password=NEW)
    viewer = _viewer(registry)
    assert viewer.check_password(NEW) and not viewer.check_password(PASSWORD)
    assert not ApiToken.objects.filter(user=viewer).exists()
    assert _types_since(start) == [
        AuditEventType.USER_PASSWORD_SET,
        AuditEventType.API_TOKEN_REVOKED,
    ]
    event = AuditEvent.objects.get(event_type=AuditEventType.USER_PASSWORD_SET)
    assert event.actor == registry.officer
    assert event.changes == {}  # never the password or its hash


@pytest.mark.parametrize(
    ("actor", "target"),
    [
        ("officer", "officer"),  # one's own password needs the current one
        ("officer", "admin"),  # administrators are for administrators
        ("investment_head", "viewer"),
        ("leader", "viewer"),
        ("viewer", "council"),
    ],
)
def test_who_may_not_set_a_password(registry, actor, target):
    """Each of these is refused with 403 and the password stays."""
    start = _last_seq()
    with pytest.raises(PermissionDeniedError):
        user_set_password(
            actor=getattr(registry, actor), user=getattr(registry, target), password=NEW
        )
    assert User.objects.get(username=target).check_password(PASSWORD)
    assert _last_seq() == start


def test_a_weak_password_is_refused_under_its_field(registry):
    """The validators' Vietnamese messages come back under ``password``."""
    with pytest.raises(ApplicationError) as caught:
        user_set_password(actor=registry.officer, user=registry.viewer, password="123")
    assert caught.value.fields["password"]
    assert _viewer(registry).check_password(PASSWORD)


# user_password_change -----------------------------------------------------------------------


def test_own_password_change_with_the_right_current_password(registry):
    """The password changes, tokens are revoked and the event names the user."""
    api_token_create(actor=registry.viewer, user=registry.viewer, name="Báo cáo")
    user_password_change(actor=registry.viewer, current_password=PASSWORD, new_password=NEW)
    assert _viewer(registry).check_password(NEW)
    assert not ApiToken.objects.filter(user=registry.viewer).exists()
    event = AuditEvent.objects.filter(event_type=AuditEventType.USER_PASSWORD_CHANGED).get()
    assert event.actor == registry.viewer


def test_a_wrong_current_password_is_counted_and_audited_though_refused(registry):
    """The refusal names the field, and its count survives the refused change."""
    with pytest.raises(ApplicationError) as caught:
        user_password_change(actor=registry.viewer, current_password="sai", new_password=NEW)
    assert caught.value.fields["current_password"]
    assert _viewer(registry).password_change_failures == 1
    assert _viewer(registry).check_password(PASSWORD)
    event = AuditEvent.objects.get(event_type=AuditEventType.USER_PASSWORD_CHANGE_FAILED)
    assert event.actor == registry.viewer
    assert event.changes == {"password_change_failures": [0, 1]}


def test_five_wrong_current_passwords_lock_the_form_and_end_sessions(registry):
    """The fifth failure locks the form for the sign-in's cool-off and ends every session;
    even the right password is refused until the cool-off is over."""
    generation = _viewer(registry).session_generation
    for _ in range(4):
        with pytest.raises(ApplicationError):
            user_password_change(actor=registry.viewer, current_password="sai", new_password=NEW)
    assert _viewer(registry).session_generation == generation
    with pytest.raises(LockedOutError) as caught:
        user_password_change(actor=registry.viewer, current_password="sai", new_password=NEW)
    assert caught.value.status == 429
    viewer = _viewer(registry)
    assert viewer.session_generation == generation + 1
    assert viewer.password_change_locked_until > timezone.now() + timedelta(minutes=14)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.USER_PASSWORD_CHANGE_LOCKED, actor=viewer
    ).exists()
    with pytest.raises(LockedOutError):
        user_password_change(actor=viewer, current_password=PASSWORD, new_password=NEW)
    assert _viewer(registry).check_password(PASSWORD)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        user_password_change(actor=viewer, current_password=PASSWORD, new_password=NEW)
    assert _viewer(registry).check_password(NEW)


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_limit_follows_the_sign_in_policy(registry):
    """With a sign-in limit of 2, the second wrong current password locks the form."""
    with pytest.raises(ApplicationError):
        user_password_change(actor=registry.viewer, current_password="sai", new_password=NEW)
    with pytest.raises(LockedOutError):
        user_password_change(actor=registry.viewer, current_password="sai", new_password=NEW)


def test_a_success_resets_the_count(registry):
    """Four mistakes, a success, then four more mistakes do not lock the form."""
    for _ in range(4):
        with pytest.raises(ApplicationError):
            user_password_change(actor=registry.viewer, current_password="x", new_password=NEW)
    user_password_change(actor=registry.viewer, current_password=PASSWORD, new_password=NEW)
    for _ in range(4):
        with pytest.raises(ApplicationError) as caught:
            user_password_change(actor=registry.viewer, current_password="x", new_password=PASSWORD)
        assert not isinstance(caught.value, LockedOutError)


def test_unlocking_lifts_a_password_change_lockout(registry):
    """The officer's unlock clears the lock, audited, and the user may change it again."""
    for _ in range(5):
        with pytest.raises(ApplicationError):
            user_password_change(actor=registry.viewer, current_password="x", new_password=NEW)
    user_unlock(actor=registry.officer, user=registry.viewer)
    event = AuditEvent.objects.get(event_type=AuditEventType.USER_UNLOCKED)
    assert event.actor == registry.officer
    assert "password_change_locked_until" in event.changes
    user_password_change(actor=_viewer(registry), current_password=PASSWORD, new_password=NEW)


def test_only_a_signed_in_user_changes_their_own_password(registry):
    """The system and anonymous visitors have no current password to check."""
    for actor in (None, AnonymousUser()):
        with pytest.raises(PermissionDeniedError):
            user_password_change(actor=actor, current_password=PASSWORD, new_password=NEW)
