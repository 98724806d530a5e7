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
