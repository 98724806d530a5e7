"""The exception handler turns every failure into ``{"code", "message", "fields"}``."""

from __future__ import annotations

from rest_framework import exceptions

from tdkt.api.errors import exception_handler, flatten_fields
from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError


def _body(exc: Exception) -> tuple[int, dict]:
    response = exception_handler(exc, {})
    assert response is not None
    return response.status_code, response.data


def test_service_errors_keep_their_status_code_and_fields():
    """Service errors map to 400/403/404 and keep the Vietnamese message and field errors."""
    status, body = _body(ApplicationError("Dữ liệu không hợp lệ.", fields={"a": ["sai"]}))
    assert (status, body) == (
        400,
        {"code": "invalid", "message": "Dữ liệu không hợp lệ.", "fields": {"a": ["sai"]}},
    )
    assert _body(PermissionDeniedError("Không được."))[0] == 403
    assert _body(PermissionDeniedError("Không được."))[1]["code"] == "forbidden"
    assert _body(NotFoundError("Không thấy."))[1]["code"] == "not_found"


def test_throttled_requests_get_429_with_wait_in_message():
    """A throttled call gets 429 ``throttled`` telling the client how long to wait."""
    status, body = _body(exceptions.Throttled(wait=42))
    assert status == 429
    assert body["code"] == "throttled"
    assert "42" in body["message"]


def test_drf_permission_denied_uses_forbidden_code():
    """DRF's own 403 uses the same ``forbidden`` code as out-of-scope service errors."""
    status, body = _body(exceptions.PermissionDenied())
    assert (status, body["code"]) == (403, "forbidden")


def test_nested_validation_errors_get_dotted_field_names():
    """Nested and list errors are flattened to "enterprise.tax_code" and "members.1"."""
    detail = {
        "enterprise": {"tax_code": ["Sai."], "non_field_errors": ["Thiếu."]},
        "members": [{}, ["Không tìm thấy."]],
        "name": ["Bắt buộc."],
    }
    assert flatten_fields(detail) == {
        "enterprise.tax_code": ["Sai."],
        "enterprise": ["Thiếu."],
        "members.1": ["Không tìm thấy."],
        "name": ["Bắt buộc."],
    }


def test_api_clients_may_ask_for_english_messages():
    """Under /api/ Accept-Language is honoured: an English client gets English errors."""
    from rest_framework.test import APIClient

    client = APIClient()
    vi = client.get("/api/v1/people/").json()["message"]
    en = client.get("/api/v1/people/", HTTP_ACCEPT_LANGUAGE="en").json()["message"]
    assert vi != en
    assert en == "You need to sign in or send an API token."
