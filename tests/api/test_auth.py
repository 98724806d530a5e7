"""Sign-in by token, the current user, and the error shape of auth and routing failures."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from tdkt.accounts.models import ApiToken
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tests.builders import PASSWORD

from .helpers import assert_error

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"


def test_token_sign_in_then_use_token(registry):
    """A correct password returns a token, valid for 30 days, that then authenticates /me/;
    the server keeps only its hash."""
    client = APIClient()
    response = client.post(TOKEN, {"username": "planning_head", "password": PASSWORD})
    assert response.status_code == 200, response.json()
    body = response.json()
    token = body["token"]
    stored = ApiToken.objects.get(user=registry.planning_head)
    assert stored.name == body["name"] == "API"
    assert token not in {stored.key_hash, stored.prefix} and token.startswith(stored.prefix)
    assert (stored.expires_at - stored.created_at).days == 30
    assert datetime.fromisoformat(body["expires_at"]) == stored.expires_at
    assert AuditEvent.objects.filter(event_type=AuditEventType.API_TOKEN_CREATED).exists()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = client.get("/api/v1/me/").json()
    assert me["username"] == "planning_head"
    assert me["role"] == "unit_head"
    assert me["organization"]["name"] == "Phòng Quy hoạch và Xây dựng"
    assert me["can_write"] is True
    assert me["board_wide"] is False
    assert me["can_manage_accounts"] is False


def test_wrong_password_is_refused_without_token(registry):
    """A wrong password gets a Vietnamese error and no token is issued."""
    response = APIClient().post(TOKEN, {"username": "planning_head", "password": "sai-mat-khau"})
    body = assert_error(response, 400, "invalid")
    assert body["message"] == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert not ApiToken.objects.filter(user=registry.planning_head).exists()


def test_five_wrong_passwords_lock_the_account(registry):
    """After 5 wrong passwords even the right one is refused with 429 ``locked_out``."""
    client = APIClient()
    for _ in range(5):
        client.post(TOKEN, {"username": "viewer", "password": "sai-mat-khau"})
    response = client.post(TOKEN, {"username": "viewer", "password": PASSWORD})
    assert_error(response, 429, "locked_out")
    assert not ApiToken.objects.filter(user=registry.viewer).exists()
    assert AuditEvent.objects.filter(event_type=AuditEventType.USER_LOCKED_OUT).exists()


@override_settings(TDKT_TRUSTED_PROXIES=1)
def test_behind_the_proxy_a_lock_holds_only_the_guessing_client(registry):
    """Five wrong passwords from one client behind nginx lock that client out of the account;
    another client behind the same proxy still signs in."""
    guesser = APIClient(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.31")
    for _ in range(5):
        guesser.post(TOKEN, {"username": "viewer", "password": "sai-mat-khau"})
    assert_error(
        guesser.post(TOKEN, {"username": "viewer", "password": PASSWORD}), 429, "locked_out"
    )
    owner = APIClient(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.32")
    assert owner.post(TOKEN, {"username": "viewer", "password": PASSWORD}).status_code == 200


def test_four_wrong_passwords_do_not_lock(registry):
    """Four mistakes still let the right password through (the limit is five)."""
    client = APIClient()
    for _ in range(4):
        client.post(TOKEN, {"username": "viewer", "password": "sai-mat-khau"})
    assert client.post(TOKEN, {"username": "viewer", "password": PASSWORD}).status_code == 200


def test_old_token_stops_working_after_reissue(registry):
    """Signing in again replaces the token; the old one now gets 401."""
    client = APIClient()
    first = client.post(TOKEN, {"username": "officer", "password": PASSWORD}).json()["token"]
    client.post(TOKEN, {"username": "officer", "password": PASSWORD})
    client.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert_error(client.get("/api/v1/me/"), 401, "authentication_failed")


def test_a_named_token_leaves_the_others_valid(registry):
    """Signing in with another token name keeps the first token; the same name replaces it."""
    client = APIClient()
    sign_in = {"username": "officer", "password": PASSWORD}
    default = client.post(TOKEN, sign_in).json()["token"]
    report = client.post(TOKEN, {**sign_in, "name": "Máy chủ báo cáo"}).json()["token"]
    again = client.post(TOKEN, {**sign_in, "name": "Máy chủ báo cáo"}).json()["token"]
    assert sorted(
        ApiToken.objects.filter(user=registry.officer).values_list("name", flat=True)
    ) == [
        "API",
        "Máy chủ báo cáo",
    ]
    for key, status in [(default, 200), (report, 401), (again, 200)]:
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert client.get("/api/v1/me/").status_code == status


def test_anonymous_gets_401_in_error_shape(registry):
    """Without a session or token, resources answer 401 with a Token challenge."""
    response = APIClient().get("/api/v1/people/")
    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Token")


def test_session_authentication_works(registry):
    """A browser session (signed in through Django) can use the API too."""
    client = APIClient()
    client.force_login(registry.council)
    assert client.get("/api/v1/me/").json()["role"] == "council_member"


def test_wrong_method_and_unknown_path_use_error_shape(registry, api_as):
    """DELETE on a person is 405 and an unknown path or malformed UUID is a JSON 404."""
    client = api_as(registry.officer)
    assert_error(client.delete(f"/api/v1/people/{registry.anh.uuid}/"), 405, "method_not_allowed")
    assert_error(client.get("/api/v1/nothing-here/"), 404, "not_found")
    assert_error(client.get("/api/v1/people/not-a-uuid/"), 404, "not_found")
    assert_error(
        client.get("/api/v1/people/00000000-0000-4000-8000-000000000000/"), 404, "not_found"
    )


def test_malformed_json_is_a_parse_error(registry, api_as):
    """A body that is not JSON gets 400 ``parse_error`` instead of a crash."""
    response = api_as(registry.officer).generic(
        "POST", "/api/v1/people/", "{not json", content_type="application/json"
    )
    assert_error(response, 400, "parse_error")
