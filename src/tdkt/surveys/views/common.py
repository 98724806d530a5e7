"""What the survey screens share: a refused action as a message, downloads, versions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError


def show_error(request: HttpRequest, exc: ApplicationError) -> None:
    """Show a business refusal on the next page; a 403 or 404 stays an error page."""
    if isinstance(exc, PermissionDeniedError | NotFoundError):
        raise exc
    details = [m for messages_ in exc.fields.values() for m in messages_ if m != exc.message]
    messages.error(request, " ".join([exc.message, *details]))


def version_of(request: HttpRequest) -> int | None:
    """Return the survey ``version`` the page was drawn from, when the form sent one."""
    value = request.POST.get("version", "")
    return int(value) if value.isascii() and value.isdecimal() and len(value) < 10 else None


def file_response(data: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """Answer a download with a safe file name and no caching by proxies."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
