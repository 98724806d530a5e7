"""Security events are recorded even though the request that caused them fails."""

from __future__ import annotations

import pytest
from django.test import Client

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import verify
from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db


def _types() -> list[str]:
    return list(AuditEvent.objects.order_by("seq").values_list("event_type", flat=True))


def test_failed_login_is_recorded_with_the_attempted_username(registry):
    """A wrong password shows the login page again and leaves a login-failed event."""
    response = Client().post("/login/", {"username": "officer", "password": "wrong-Pass#1"})
    assert response.status_code == 200
    event = AuditEvent.objects.latest("seq")
    assert event.event_type == AuditEventType.USER_LOGIN_FAILED
    assert event.object_repr == "officer"
    assert event.actor is None
    assert event.ip_address == "127.0.0.1"
    assert verify().ok


def test_login_and_logout_are_recorded_for_the_user(registry):
    """Signing in and out leaves two events naming the user."""
    client = Client()
    before = AuditEvent.objects.count()
    assert client.post("/login/", {"username": "viewer", "password": PASSWORD}).status_code == 302
    assert client.post("/logout/").status_code == 302
    events = list(AuditEvent.objects.order_by("seq")[before:])
    assert [e.event_type for e in events] == [
        AuditEventType.USER_LOGIN,
        AuditEventType.USER_LOGOUT,
    ]
    assert {e.actor for e in events} == {registry.viewer}


def test_forbidden_api_write_is_recorded_after_the_rollback(registry):
    """A refused API change writes nothing but still leaves an access-denied event."""
    client = Client()
    client.force_login(registry.viewer)
    count = AuditEvent.objects.count()
    response = client.patch(
        f"/api/v1/people/{registry.anh.uuid}/",
        data='{"phone": "0900000000"}',
        content_type="application/json",
    )
    assert response.status_code == 403
    registry.anh.refresh_from_db()
    assert registry.anh.phone == ""
    new = list(AuditEvent.objects.order_by("seq")[count:])
    assert [e.event_type for e in new] == [AuditEventType.ACCESS_DENIED]
    assert new[0].actor == registry.viewer
    assert "PATCH" in new[0].object_repr
