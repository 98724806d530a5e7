"""What every app's screens share: a download answer, a refusal shown as a message, the
version a posted form was drawn from."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError


def file_response(data: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """Answer a download with a safe file name (ASCII fallback) and no caching by proxies."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def show_error(request: HttpRequest, exc: ApplicationError) -> None:
    """Show a business refusal on the next page; a 403 or 404 stays an error page."""
    if isinstance(exc, PermissionDeniedError | NotFoundError):
        raise exc
    details = [m for messages_ in exc.fields.values() for m in messages_ if m != exc.message]
    messages.error(request, " ".join(dict.fromkeys([exc.message, *details])))


def posted_version(request: HttpRequest) -> int | None:
    """Return the ``version`` a posted form was drawn from, None when it carried none.

    Only ASCII digits, fewer than ten: "²" is a digit to ``str.isdigit`` but not to ``int``,
    and a 5,000-digit number is refused by ``int`` itself. Anything else that was sent is no
    version of ours: 0 (no record has it), so the change is refused as stale rather than
    made without the check."""
    value = request.POST.get("version", "")
    if not value:
        return None
    if value.isdecimal() and value.isascii() and len(value) < 10:
        return int(value)
    return 0
