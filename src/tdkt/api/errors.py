"""One error shape for the whole API: ``{"code", "message", "fields"}``.

Clients branch on ``code`` (stable, English), show ``message`` (Vietnamese by default) and put
``fields`` next to the inputs they name. Every failure goes through here: service errors,
serializer validation, authentication, permission, 404, 405 and throttling.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from tdkt.core.errors import ApplicationError, ErrorCode


class LockedOutError(exceptions.APIException):
    """Too many failed sign-ins for this username and address (django-axes)."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "locked_out"
    default_detail = gettext_lazy(
        "Tài khoản tạm bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau."
    )


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict:
    """Return the error body every API failure uses."""
    return {"code": code, "message": message, "fields": fields or {}}


def flatten_fields(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn DRF's nested error detail into ``{"a.b.0": [messages]}`` (one level of keys)."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key == "non_field_errors" and prefix:
                name = prefix
            for sub, messages in flatten_fields(value, name).items():
                out.setdefault(sub, []).extend(messages)
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            out[prefix or "non_field_errors"] = [str(m) for m in detail]
        else:
            for index, item in enumerate(detail):
                if item:
                    name = f"{prefix}.{index}" if prefix else str(index)
                    for sub, messages in flatten_fields(item, name).items():
                        out.setdefault(sub, []).extend(messages)
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def _message_for(exc: exceptions.APIException) -> tuple[str, str]:
    """Return (code, Vietnamese message) for DRF's own exceptions."""
    if isinstance(exc, exceptions.NotAuthenticated):
        return "not_authenticated", _("Bạn cần đăng nhập hoặc gửi mã truy cập API.")
    if isinstance(exc, exceptions.AuthenticationFailed):
        return "authentication_failed", _("Thông tin xác thực không hợp lệ.")
    if isinstance(exc, exceptions.PermissionDenied):
        return str(ErrorCode.FORBIDDEN), _("Bạn không có quyền thực hiện thao tác này.")
    if isinstance(exc, exceptions.NotFound):
        return str(ErrorCode.NOT_FOUND), _("Không tìm thấy.")
    if isinstance(exc, exceptions.MethodNotAllowed):
        return "method_not_allowed", _("Phương thức này không được hỗ trợ.")
    if isinstance(exc, exceptions.Throttled):
        wait = getattr(exc, "wait", None)  # set by Throttled.__init__; the stubs omit it
        wait = wait if wait is not None else 60
        return "throttled", _("Quá nhiều yêu cầu. Vui lòng thử lại sau %(seconds)s giây.") % {
            "seconds": int(wait)
        }
    if isinstance(exc, LockedOutError):
        return "locked_out", str(exc.detail)
    if isinstance(exc, exceptions.ParseError):
        return "parse_error", _("Nội dung yêu cầu không đọc được (JSON không hợp lệ).")
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return "unsupported_media_type", _("Kiểu nội dung không được hỗ trợ.")
    detail = exc.detail
    return str(getattr(detail, "code", None) or exc.default_code), str(detail)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Map ApplicationError, Django and DRF errors to the single tdkt error shape."""
    if isinstance(exc, ApplicationError):
        return Response(error_body(str(exc.code), exc.message, exc.fields), status=exc.status)
    if isinstance(exc, DjangoValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        return Response(
            error_body("invalid", " ".join(exc.messages), fields),
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        fields = flatten_fields(exc.detail)
        response.data = error_body("invalid", _("Dữ liệu không hợp lệ."), fields)
        return response
    code, message = _message_for(exc)
    response.data = error_body(code, message)
    return response
