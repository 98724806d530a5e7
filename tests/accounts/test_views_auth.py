"""Sign-in, sign-out, lockout, password change and the language switch (moved from tdkt.web
to tdkt.accounts; the paths stay /login/, /logout/ and /account/password/)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tests.builders import PASSWORD
from tests.web.helpers import password_login

pytestmark = pytest.mark.django_db


def test_login_with_right_password_opens_dashboard(registry):
    """The officer signs in with the form and lands on the dashboard."""
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "officer", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("web:dashboard")
    assert "Tổng quan" in response.content.decode()


def test_login_with_wrong_password_shows_vietnamese_error(registry):
    """A wrong password re-shows the form with a Vietnamese message."""
    response = Client().post(reverse("accounts:login"), {"username": "officer", "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_logout_ends_the_session(registry):
    """After signing out, the old session cookie no longer opens the dashboard."""
    client = Client()
    assert password_login(client, "officer", PASSWORD)
    old_cookie = client.cookies["sessionid"].value
    assert client.get(reverse("web:dashboard")).status_code == 200
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    replay = Client()
    replay.cookies["sessionid"] = old_cookie
    response = replay.get(reverse("web:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert AuditEvent.objects.filter(event_type=AuditEventType.USER_LOGOUT).exists()


def test_logout_by_get_is_refused(registry):
    """A link (GET) cannot sign a user out; only the form's POST does."""
    client = Client()
    password_login(client, "officer", PASSWORD)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_five_failures_lock_the_login_with_vietnamese_page(registry):
    """After 5 wrong passwords even the right one shows the locked-out page (HTTP 429)."""
    client = Client()
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "officer", "password": "sai-mat-khau"})
    response = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 429
    body = response.content.decode()
    assert "Tài khoản tạm thời bị khoá do đăng nhập sai nhiều lần, thử lại sau 15 phút" in body
    assert "_auth_user_id" not in client.session


def test_password_change_sets_new_password_and_keeps_session(client_for, registry):
    """The user changes their password, stays signed in and can sign in with the new one."""
    client = client_for("viewer")
    new = "Mat-khau#Moi2027"
    response = client.post(
        reverse("accounts:password-change"),
        {"current_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert client.get(reverse("web:dashboard")).status_code == 200
    assert password_login(Client(), "viewer", new)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.USER_PASSWORD_CHANGED, object_id=str(registry.viewer.uuid)
    ).exists()


def test_weak_new_password_is_refused_inline(client_for, registry):
    """A weak new password shows the service's message under the field; the old one works."""
    client = client_for("viewer")
    response = client.post(
        reverse("accounts:password-change"),
        {"current_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password1"]
    assert "Mật khẩu chưa đủ mạnh." in response.content.decode()
    assert password_login(Client(), "viewer", PASSWORD)


def test_wrong_current_password_is_refused(client_for, registry):
    """Without the right current password, nothing changes."""
    new = "Mat-khau#Moi2027"
    response = client_for("viewer").post(
        reverse("accounts:password-change"),
        {"current_password": "khong-dung", "new_password1": new, "new_password2": new},
    )
    assert "Mật khẩu hiện tại không đúng." in response.context["form"].errors["current_password"]
    assert not password_login(Client(), "viewer", new)


def test_language_switch_to_english_shows_english_labels(client_for):
    """After choosing English the menu and page headings are in English; Vietnamese is default."""
    client = client_for("officer")
    body = client.get(reverse("organizations:person-list")).content.decode()
    assert "Cá nhân" in body
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": reverse("organizations:person-list")}
    )
    assert response.status_code == 302
    body = client.get(reverse("organizations:person-list")).content.decode()
    assert "People" in body
    assert "Sign out" in body
    assert "Civil servant" in client.get(reverse("web:dashboard")).content.decode()
    assert "Đăng xuất" not in body


def test_english_browser_still_gets_vietnamese_until_user_switches(client_for):
    """An office PC with an English browser sees Vietnamese; the language switch wins."""
    client = client_for("officer")
    body = client.get(reverse("web:dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Tổng quan" in body.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get(reverse("web:dashboard"), HTTP_ACCEPT_LANGUAGE="vi")
    assert "Dashboard" in body.content.decode()
