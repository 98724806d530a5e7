"""The API docs work without internet and only for signed-in users; so does the schema."""

from __future__ import annotations

import re

from django.contrib.staticfiles import finders
from django.test import Client


def _asset_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_docs_page_loads_only_local_assets(registry):
    """Every script, style sheet and icon of /api/docs/ is served by the app (no CDN)."""
    client = Client()
    client.force_login(registry.viewer)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    urls = _asset_urls(page.content.decode())
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls), urls
    for url in urls:
        assert url.startswith("/"), f"{url} is not served by the app"
        assert not url.startswith("//"), f"{url} is another host"
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), f"{url} is missing"
    assert "<script>" not in page.content.decode(), "inline script breaks the CSP"


def test_docs_script_is_served_from_the_app_and_points_to_the_schema(registry):
    """The page's initialisation script comes from /api/docs/ itself and loads /api/schema/."""
    client = Client()
    client.force_login(registry.viewer)
    page = client.get("/api/docs/").content.decode()
    script = next(url for url in _asset_urls(page) if url.startswith("/api/docs/"))
    response = client.get(script.replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()


def test_anonymous_visitor_is_sent_to_the_login_page_for_the_docs(db):
    """Without a session /api/docs/ redirects to the sign-in page and comes back after it."""
    response = Client().get("/api/docs/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/api/docs/"


def test_anonymous_client_gets_401_json_for_the_schema(db):
    """The schema is behind login too; the refusal is the API's JSON error shape, not YAML."""
    response = Client().get("/api/schema/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_authenticated"


def test_token_clients_may_read_the_schema(registry):
    """An API client with a token downloads the schema without a browser session."""
    from tdkt.accounts.services import api_token_create

    _, key = api_token_create(actor=registry.viewer, user=registry.viewer, name="schema")
    response = Client().get("/api/schema/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert b"openapi:" in response.content
