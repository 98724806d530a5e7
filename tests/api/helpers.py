"""Small assertions shared by the API tests."""

from __future__ import annotations

from typing import Any


def results(response: Any) -> list[dict]:
    """Return the items of a paginated list response (which must be a 200)."""
    assert response.status_code == 200, response.json()
    return response.json()["results"]


def names(response: Any, key: str = "full_name") -> set[str]:
    """Return the ``key`` of every item of a paginated list response."""
    return {item[key] for item in results(response)}


def assert_error(response: Any, status: int, code: str) -> dict:
    """Assert the single API error shape with ``status`` and ``code``; return the body."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"code", "message", "fields"}, body
    assert body["code"] == code, body
    assert body["message"], body
    return body


MISSING = "00000000-0000-4000-8000-000000000000"


def assert_hidden(client: Any, url: str, uuid: Any) -> None:
    """Assert that GET ``url`` answers exactly like the same URL with an unknown UUID: a 404
    with the same body, so an outsider cannot tell that the object exists."""
    hidden = client.get(url)
    missing = client.get(url.replace(str(uuid), MISSING))
    assert_error(hidden, 404, "not_found")
    assert hidden.json() == missing.json()
