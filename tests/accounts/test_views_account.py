"""The signed-in user's own account page: details, a way to get an API token (issue #8),
the list of live tokens and their revocation."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tdkt.accounts.models import ApiToken
from tdkt.accounts.services import api_token_create

pytestmark = pytest.mark.django_db

ACCOUNT = "/account/"


@pytest.mark.parametrize(
    "role", ["admin", "officer", "investment_head", "enterprise_rep", "viewer"]
)
def test_every_user_sees_their_own_account(client_for, registry, role):
    """Role and unit in Vietnamese, a password link and the token form; the header links here."""
    client = client_for(role)
    body = client.get(ACCOUNT).content.decode()
    user = getattr(registry, role)
    assert user.get_role_display() in body
    assert reverse("accounts:password-change") in body
    assert 'name="name"' in body and 'name="days"' in body
    assert f'href="{ACCOUNT}"' in client.get(reverse("web:dashboard")).content.decode()


def test_a_new_key_is_shown_once_and_works_with_the_api(client_for, registry):
    """The creation page shows the key (not cached); a reload shows only its first letters."""
    client = client_for("viewer")
    response = client.post(
        reverse("accounts:token-create"), {"name": "Máy chủ báo cáo", "days": "30"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    key = re.search(r'id="new-api-key">([^<]+)<', body).group(1)
    assert "Máy chủ báo cáo" in body
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/me/").json()["username"] == "viewer"
    again = client.get(ACCOUNT).content.decode()
    assert key not in again
    assert ApiToken.objects.get(user=registry.viewer).prefix in again


def test_token_form_errors_are_shown_in_vietnamese(client_for):
    """Too many days and an empty name are explained next to the fields."""
    response = client_for("viewer").post(
        reverse("accounts:token-create"), {"name": "", "days": "90"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Trường này là bắt buộc." in body
    assert not ApiToken.objects.exists()
    over = client_for("viewer").post(reverse("accounts:token-create"), {"name": "A", "days": "90"})
    assert "Thời hạn phải từ 1 đến 30 ngày." in over.content.decode()


def test_the_owner_revokes_a_token_from_the_page(client_for, registry):
    """ "Thu hồi" removes the token; its key stops working."""
    token, key = api_token_create(actor=registry.viewer, user=registry.viewer, name="Cũ")
    client = client_for("viewer")
    response = client.post(
        reverse("accounts:token-revoke", kwargs={"uuid": token.uuid}), follow=True
    )
    assert "Đã thu hồi mã “Cũ”." in response.content.decode()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/me/").status_code == 401


def test_someone_else_s_token_is_not_found(client_for, registry):
    """A unit head cannot revoke (nor learn of) another user's token: 404, token intact."""
    token, _ = api_token_create(actor=registry.viewer, user=registry.viewer, name="Cũ")
    response = client_for("investment_head").post(
        reverse("accounts:token-revoke", kwargs={"uuid": token.uuid})
    )
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_an_officer_revokes_a_user_s_token_from_the_user_s_page(client_for, registry):
    """The officer sees the viewer's tokens on the viewer's page and returns there."""
    token, _ = api_token_create(actor=registry.viewer, user=registry.viewer, name="Cũ")
    client = client_for("officer")
    detail = reverse("accounts:user-detail", kwargs={"uuid": registry.viewer.uuid})
    assert "Cũ" in client.get(detail).content.decode()
    response = client.post(reverse("accounts:token-revoke", kwargs={"uuid": token.uuid}))
    assert response["Location"] == detail
    assert not ApiToken.objects.exists()
