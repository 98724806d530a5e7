"""Sessions and API tokens die together: on deactivation, on a password change, and on a
password-change lockout (issue #7). Checked as a user would notice: over HTTP."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tdkt.accounts.models import User
from tests.builders import PASSWORD
from tests.web.helpers import password_login

pytestmark = pytest.mark.django_db

NEW = "Mat-khau#Moi2027"
ME = "/api/v1/me/"


def _browser(username: str, password: str = PASSWORD) -> Client:
    client = Client()
    assert password_login(client, username, password)
    assert client.get(reverse("web:dashboard")).status_code == 200
    return client


def _api(username: str, password: str = PASSWORD, name: str = "API") -> APIClient:
    client = APIClient()
    response = client.post(
        "/api/v1/auth/token/", {"username": username, "password": password, "name": name}
    )
    assert response.status_code == 200, response.json()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get(ME).status_code == 200
    return client


def _signed_out(client: Client) -> bool:
    response = client.get(reverse("web:dashboard"))
    return response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )


def test_disabling_ends_every_session_and_token_at_once(client_for, registry):
    """Two browsers and two scripts of the viewer stop working the moment it is disabled,
    and stay dead after it is enabled again."""
    browsers = [_browser("viewer"), _browser("viewer")]
    scripts = [_api("viewer"), _api("viewer", name="Máy chủ báo cáo")]
    officer = client_for("officer")
    officer.post(reverse("accounts:user-deactivate", kwargs={"uuid": registry.viewer.uuid}))
    assert all(_signed_out(b) for b in browsers)
    assert all(s.get(ME).status_code == 401 for s in scripts)
    assert not password_login(Client(), "viewer", PASSWORD)
    officer.post(reverse("accounts:user-reactivate", kwargs={"uuid": registry.viewer.uuid}))
    assert all(_signed_out(b) for b in browsers)
    assert all(s.get(ME).status_code == 401 for s in scripts)
    assert password_login(Client(), "viewer", PASSWORD)


def test_own_password_change_keeps_this_session_only(registry):
    """The browser that changes the password stays in; the other browser and the API token
    are out; the new password works."""
    here, elsewhere = _browser("viewer"), _browser("viewer")
    script = _api("viewer")
    response = here.post(
        reverse("accounts:password-change"),
        {"current_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    assert here.get(reverse("web:dashboard")).status_code == 200
    assert _signed_out(elsewhere)
    assert script.get(ME).status_code == 401
    assert password_login(Client(), "viewer", NEW)


def test_a_password_set_by_an_officer_signs_the_user_out_everywhere(client_for, registry):
    """The user's browser and script are out; the user signs in with the new password."""
    browser, script = _browser("viewer"), _api("viewer")
    client_for("officer").post(
        reverse("accounts:user-password", kwargs={"uuid": registry.viewer.uuid}),
        {"new_password1": NEW, "new_password2": NEW},
    )
    assert _signed_out(browser)
    assert script.get(ME).status_code == 401
    assert password_login(Client(), "viewer", NEW)


def test_five_wrong_current_passwords_sign_out_and_lock_the_form(client_for, registry):
    """A stolen session guessing the password is thrown out after five tries (429 page); the
    form stays locked after signing in again, until an officer unlocks it."""
    thief, owner = _browser("viewer"), _browser("viewer")
    url = reverse("accounts:password-change")
    wrong = {"current_password": "doan-bua", "new_password1": NEW, "new_password2": NEW}
    for _ in range(4):
        response = thief.post(url, wrong)
        assert response.status_code == 200
        assert "Mật khẩu hiện tại không đúng." in response.content.decode()
    response = thief.post(url, wrong)
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()
    assert _signed_out(thief) and _signed_out(owner)
    again = _browser("viewer")
    locked = again.get(url)
    assert locked.status_code == 429
    assert "đang tạm khoá" in locked.content.decode()
    assert 'name="current_password"' not in locked.content.decode()
    officer = client_for("officer")
    detail = reverse("accounts:user-detail", kwargs={"uuid": registry.viewer.uuid})
    assert "Đổi mật khẩu đang tạm khoá" in officer.get(detail).content.decode()
    officer.post(reverse("accounts:user-unlock", kwargs={"uuid": registry.viewer.uuid}))
    response = again.post(
        url, {"current_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=registry.viewer.pk).check_password(NEW)


def test_unlocking_a_login_lockout_lets_the_right_password_in(client_for, registry):
    """After five wrong sign-ins the right one is refused until an officer unlocks."""
    for _ in range(5):
        Client().post(reverse("accounts:login"), {"username": "viewer", "password": "sai"})
    assert not password_login(Client(), "viewer", PASSWORD)
    response = client_for("officer").post(
        reverse("accounts:user-unlock", kwargs={"uuid": registry.viewer.uuid}), follow=True
    )
    assert "Đã mở khoá đăng nhập cho viewer." in response.content.decode()
    assert password_login(Client(), "viewer", PASSWORD)
