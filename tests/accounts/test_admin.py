"""The Django admin shows accounts but cannot change them; login records cannot be deleted there.

Every account change goes through the account services (decision 0022), so the admin offers
no add, change, password or delete page for users, no group page, and django-axes' pages are
read-only (the audited "unlock" on an account's page replaces deleting attempts).
"""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(registry) -> Client:
    client = Client()
    client.force_login(registry.admin)
    return client


def test_admin_lists_users_and_points_to_the_account_screens(admin_client, registry):
    """The user list opens, read-only, with a link to the account screens."""
    response = admin_client.get("/admin/accounts/user/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "viewer" in body
    assert "/accounts/" in body
    detail = admin_client.get(f"/admin/accounts/user/{registry.viewer.pk}/change/")
    assert detail.status_code == 200
    assert f"/accounts/{registry.viewer.uuid}/" in detail.content.decode()


def test_admin_cannot_grant_superuser_staff_groups_or_change_a_password(admin_client, registry):
    """Posting a privilege change or a password in the admin is refused; nothing changes and
    no event is written."""
    viewer = registry.viewer
    events = AuditEvent.objects.count()
    change = admin_client.post(
        f"/admin/accounts/user/{viewer.pk}/change/",
        {
            "username": "viewer",
            "role": "admin",
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [],
            "user_permissions": [],
        },
    )
    assert change.status_code == 403
    password = admin_client.post(
        f"/admin/accounts/user/{viewer.pk}/password/",
        {"password1": "Mat-khau#2027x", "password2": "Mat-khau#2027x"},
    )
    assert password.status_code == 403
    assert admin_client.get("/admin/accounts/user/add/").status_code == 403
    assert admin_client.get(f"/admin/accounts/user/{viewer.pk}/delete/").status_code == 403
    viewer = User.objects.get(pk=viewer.pk)
    assert (viewer.role, viewer.is_staff, viewer.is_superuser) == ("viewer", False, False)
    assert viewer.check_password("Thi-dua#2026")
    # Only the ACCESS_DENIED events of the refused requests were added.
    assert set(AuditEvent.objects.filter(seq__gt=events).values_list("event_type", flat=True)) == {
        "security.access_denied"
    }


def test_admin_has_no_group_or_token_pages(admin_client):
    """Groups (roles decide access) and tokens (issued on the account page) are not in the
    admin."""
    assert admin_client.get("/admin/auth/group/").status_code == 404
    assert admin_client.get("/admin/authtoken/tokenproxy/").status_code == 404
    assert admin_client.get("/admin/accounts/apitoken/").status_code == 404


def test_login_attempts_are_read_only_in_the_admin(admin_client):
    """Staff can read django-axes' attempts but not delete them one by one or in bulk."""
    attempt = AccessAttempt.objects.create(
        username="viewer",
        ip_address="10.0.0.7",
        user_agent="test",
        failures_since_start=5,
        attempt_time=timezone.now(),
    )
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "10.0.0.7" in listing.content.decode()
    assert admin_client.get(f"/admin/axes/accessattempt/{attempt.pk}/delete/").status_code == 403
    bulk = admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert bulk.status_code in {200, 302}
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    for page in ("accesslog", "accessfailurelog"):
        assert admin_client.get(f"/admin/axes/{page}/").status_code == 200
