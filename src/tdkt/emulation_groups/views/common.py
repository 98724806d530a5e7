"""What the pledge and election screens share: turning a refused action into a message."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest

from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError


def show_error(request: HttpRequest, exc: ApplicationError) -> None:
    """Show a business refusal on the next page; a 403 or 404 stays an error page."""
    if isinstance(exc, PermissionDeniedError | NotFoundError):
        raise exc
    details = [m for messages_ in exc.fields.values() for m in messages_ if m != exc.message]
    messages.error(request, " ".join([exc.message, *details]))


def version_of(request: HttpRequest) -> int | None:
    """Return the ``version`` the page was drawn from, when the form sent one."""
    value = request.POST.get("version", "")
    return int(value) if value.isdecimal() else None
