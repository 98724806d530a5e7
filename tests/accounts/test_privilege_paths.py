"""Every change of who may do what is audited, whatever the path (issue #7): commands run on
the server, a Django shell, Django groups and permissions, and django-axes' reset commands.
The admin path is in test_admin.py, the screens in test_views_users.py."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts.models import ApiToken, User
from tdkt.accounts.services import api_token_create
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import verify
from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db

STRONG = "Quan-tri#2027x"


def _events(event_type: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_type=event_type).order_by("seq"))


# Commands run on the server -----------------------------------------------------------------


def test_createsuperuser_makes_an_audited_administrator(registry, monkeypatch):
    """The account gets the administrator role (and with it the admin site); the system is
    named as the actor."""
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", STRONG)
    call_command(
        "createsuperuser",
        "--noinput",
        "--username",
        "root2",
        "--email",
        "root2@bql.hanoi.gov.vn",
        stdout=StringIO(),
    )
    user = User.objects.get(username="root2")
    assert (user.role, user.is_staff, user.is_superuser) == ("admin", True, True)
    event = AuditEvent.objects.get(event_type=AuditEventType.USER_CREATED, object_id=str(user.uuid))
    assert (event.actor, event.actor_label) == (None, "system")
    assert event.changes["is_superuser"] == [None, True]
    assert verify().ok


def test_createsuperuser_with_a_weak_password_stops_cleanly(registry, monkeypatch):
    """The account rules apply to the command too: a plain error, no account, no event."""
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "123")
    events = AuditEvent.objects.count()
    with pytest.raises(CommandError, match="Mật khẩu chưa đủ mạnh"):
        call_command("createsuperuser", "--noinput", "--username", "root2", "--email", "")
    assert not User.objects.filter(username="root2").exists()
    assert AuditEvent.objects.count() == events


def test_changepassword_is_audited_and_ends_the_user_s_tokens(registry):
    """The command sets the password through the service: event, tokens revoked."""
    api_token_create(actor=registry.viewer, user=registry.viewer, name="Báo cáo")
    with mock.patch("getpass.getpass", side_effect=[STRONG, STRONG]):
        call_command("changepassword", "viewer", stdout=StringIO())
    assert User.objects.get(pk=registry.viewer.pk).check_password(STRONG)
    event = _events(AuditEventType.USER_PASSWORD_SET)[-1]
    assert (event.actor, event.object_id) == (None, str(registry.viewer.uuid))
    assert not ApiToken.objects.filter(user=registry.viewer).exists()


def test_changepassword_gives_up_after_three_weak_passwords(registry):
    """Weak passwords are explained and, after three tries, the command stops unchanged."""
    err = StringIO()
    with (
        mock.patch("getpass.getpass", side_effect=["123", "123"] * 3),
        pytest.raises(CommandError, match="after 3 attempts"),
    ):
        call_command("changepassword", "viewer", stdout=StringIO(), stderr=err)
    assert "Mật khẩu chưa đủ mạnh." in err.getvalue()
    assert User.objects.get(pk=registry.viewer.pk).check_password(PASSWORD)


def test_axes_reset_commands_are_audited(registry):
    """axes_reset_username deletes the attempts and says so in the audit trail; so does the
    log clean-up, for records older than --age."""
    for _ in range(5):
        Client().post(reverse("accounts:login"), {"username": "viewer", "password": "sai"})
    assert AccessAttempt.objects.filter(username="viewer").exists()
    out = StringIO()
    call_command("axes_reset_username", "viewer", stdout=out)
    assert "removed" in out.getvalue()
    assert not AccessAttempt.objects.filter(username="viewer").exists()
    event = _events(AuditEventType.LOGIN_RECORDS_DELETED)[-1]
    assert event.actor is None
    assert event.changes["username"] == ["viewer", None]
    assert event.changes["attempts"][0] >= 1
    old = AccessLog.objects.create(
        username="viewer", ip_address="10.0.0.1", user_agent="x", attempt_time=timezone.now()
    )
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - timedelta(days=40))
    call_command("axes_reset_logs", "--age", "30", stdout=StringIO())
    assert not AccessLog.objects.filter(pk=old.pk).exists()
    assert _events(AuditEventType.LOGIN_RECORDS_DELETED)[-1].changes["older_than_days"] == [
        30,
        None,
    ]


# A Django shell -----------------------------------------------------------------------------


def test_saving_a_user_outside_the_services_is_recorded(registry):
    """A role or status changed from a shell leaves an event with before and after values."""
    user = User.objects.get(pk=registry.viewer.pk)
    user.role = "leader"
    user.is_active = False
    user.save()
    event = _events(AuditEventType.USER_CHANGED_OUTSIDE_SERVICES)[-1]
    assert event.actor is None
    assert event.changes == {"is_active": [True, False], "role": ["viewer", "leader"]}


def test_a_user_created_in_a_shell_is_recorded(registry):
    """Creating a row directly (not through user_create) is recorded too."""
    user = User.objects.model(username="tay", role="viewer")
    user.save()
    event = _events(AuditEventType.USER_CHANGED_OUTSIDE_SERVICES)[-1]
    assert event.object_id == str(user.uuid)
    assert event.changes["username"] == [None, "tay"]


def test_the_admin_site_flags_cannot_leave_the_role(registry):
    """The database refuses staff or superuser without the administrator role, by any path."""
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=registry.viewer.pk).update(is_superuser=True, is_staff=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=registry.admin.pk).update(is_staff=False)


def test_signing_in_is_not_mistaken_for_a_change(registry):
    """Django saving last_login on sign-in records a login, not a change outside services."""
    assert Client().post(reverse("accounts:login"), {"username": "viewer", "password": PASSWORD})
    assert not _events(AuditEventType.USER_CHANGED_OUTSIDE_SERVICES)
    assert _events(AuditEventType.USER_LOGIN)


def test_groups_and_permissions_changes_are_recorded_from_either_side(registry):
    """Adding, removing and clearing groups or permissions leave before/after events."""
    group = Group.objects.create(name="Ban thi đua")
    perm = Permission.objects.get(codename="view_user")
    viewer = registry.viewer
    viewer.groups.add(group)
    assert _events(AuditEventType.USER_PERMISSIONS_CHANGED)[-1].changes == {
        "groups": [[], ["Ban thi đua"]]
    }
    group.user_set.remove(viewer)
    assert _events(AuditEventType.USER_PERMISSIONS_CHANGED)[-1].changes == {
        "groups": [["Ban thi đua"], []]
    }
    viewer.user_permissions.add(perm)
    viewer.user_permissions.clear()
    changes = [e.changes for e in _events(AuditEventType.USER_PERMISSIONS_CHANGED)[-2:]]
    assert changes == [
        {"user_permissions": [[], ["accounts.view_user"]]},
        {"user_permissions": [["accounts.view_user"], []]},
    ]
    group.user_set.add(viewer, registry.council)
    group.user_set.clear()
    cleared = _events(AuditEventType.USER_PERMISSIONS_CHANGED)[-2:]
    assert {e.object_id for e in cleared} == {str(viewer.uuid), str(registry.council.uuid)}
    assert verify().ok
