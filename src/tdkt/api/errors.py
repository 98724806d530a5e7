"""One error shape for the whole API: ``{"code", "message", "fields"}``.

Clients branch on ``code`` (stable, English), show ``message`` (Vietnamese by default) and put
``fields`` next to the inputs they name. Every failure goes through here: service errors,
serializer validation, authentication, permission, 404, 405, throttling, malformed or oversized
bodies, and any unexpected exception, which becomes 500 ``server_error`` without a traceback
(the traceback goes to the log). Failures outside the API views (middleware, URL routing) get the
same shape from ``tdkt.web.views.errors`` for paths under ``/api/``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404, HttpRequest
from django.utils.log import log_response
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from tdkt.core.errors import ApplicationError, ErrorCode

from .exceptions import JsonTooDeepError, RequestTooLargeError


class LockedOutError(exceptions.APIException):
    """Too many failed sign-ins for this username and address (django-axes)."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "locked_out"
    default_detail = gettext_lazy(
        "Tài khoản tạm bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau."
    )


logger = logging.getLogger("django.request")


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
    if isinstance(exc, RequestTooLargeError):
        return "payload_too_large", _("Nội dung yêu cầu quá lớn.")
    if isinstance(exc, JsonTooDeepError):
        return "parse_error", _(
            "Nội dung yêu cầu lồng nhau quá %(depth)s tầng (JSON không hợp lệ)."
        ) % {"depth": exc.max_depth}
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
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestTooLargeError()
    elif isinstance(exc, SuspiciousOperation):
        # Too many fields or files, a malformed multipart body, a forged host…
        return Response(bad_request_body(), status=status.HTTP_400_BAD_REQUEST)
    if not isinstance(exc, exceptions.APIException):
        return _server_error(exc, context)
    response = drf_exception_handler(exc, context)
    if response is None:
        return _server_error(exc, context)
    if isinstance(exc, exceptions.ValidationError):
        fields = flatten_fields(exc.detail)
        response.data = error_body("invalid", _("Dữ liệu không hợp lệ."), fields)
        return response
    code, message = _message_for(exc)
    response.data = error_body(code, message)
    return response


def bad_request_body() -> dict:
    """Return the body of a 400 for a request that could not be read at all."""
    return error_body("bad_request", _("Yêu cầu không hợp lệ."))


def server_error_body() -> dict:
    """Return the body of a 500: an apology and no detail of what failed."""
    return error_body(
        "server_error",
        _("Máy chủ gặp lỗi khi xử lý yêu cầu. Lỗi đã được ghi lại; vui lòng thử lại sau."),
    )


def _server_error(exc: Exception, context: dict[str, Any]) -> Response:
    """Answer an unexpected exception with 500 in the error shape; log it with its traceback.

    DRF would re-raise it to Django, whose 500 page is HTML. The exception is logged the way
    Django logs an uncaught one and ``got_request_exception`` is sent, so error reporting (and
    the test client, which re-raises it) still sees it.
    """
    set_rollback()
    response = Response(server_error_body(), status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    request = getattr(context.get("request"), "_request", context.get("request"))
    if isinstance(request, HttpRequest):
        got_request_exception.send(sender=None, request=request)
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,
            request=request,
            exception=exc,
        )
    else:
        logger.error("Internal Server Error", exc_info=exc)
    return response
