"""An unexpected failure under /api/ is a JSON 500 without traceback; pages get a Vietnamese one."""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tdkt.api.v1.auth import MeApi

from .helpers import assert_error


class BoomError(RuntimeError):
    pass


def _explode(*args, **kwargs):
    raise BoomError("secret detail /srv/tdkt/settings.py line 42")


def test_a_crashing_api_view_answers_500_in_the_error_shape(registry, monkeypatch, caplog):
    """The client gets ``server_error`` and no detail; the log keeps the traceback."""
    monkeypatch.setattr(MeApi, "get", _explode)
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(registry.viewer)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/api/v1/me/")
    body = assert_error(response, 500, "server_error")
    assert response["Content-Type"] == "application/json"
    assert "secret" not in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert body["message"].startswith("Máy chủ gặp lỗi")
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is BoomError]
    assert logged, "the traceback must reach the log"


def test_a_crash_outside_the_api_views_is_json_under_api_and_a_page_elsewhere(
    registry, monkeypatch
):
    """A middleware failing on any request: /api/ gets JSON, a page gets the Vietnamese 500."""
    monkeypatch.setattr("tdkt.audit.middleware.client_ip", _explode)
    client = Client(raise_request_exception=False)
    api = client.get("/api/v1/me/")
    assert_error(api, 500, "server_error")
    page = client.get("/login/")
    assert page.status_code == 500
    assert page["Content-Type"].startswith("text/html")
    assert "Lỗi máy chủ" in page.content.decode()
    assert "secret" not in page.content.decode()


def test_the_test_client_still_raises_the_original_exception(registry, monkeypatch):
    """The API's 500 signals the exception, so tests (and error reporting) see what failed."""
    monkeypatch.setattr(MeApi, "get", _explode)
    client = APIClient()
    client.force_authenticate(registry.viewer)
    with pytest.raises(BoomError):
        client.get("/api/v1/me/")


def test_unknown_pages_get_the_vietnamese_404_and_unknown_api_paths_json(registry):
    """Production 404s: a page in Vietnamese for people, the error shape for programs."""
    client = Client()
    client.force_login(registry.viewer)
    page = client.get("/khong-co-trang-nay/")
    assert page.status_code == 404
    assert "Không tìm thấy" in page.content.decode()
    assert_error(client.get("/api/v2/nothing/"), 404, "not_found")
