"""The one place where web views turn service/selector errors into Vietnamese error pages.

Selectors raise ``NotFoundError`` (404, also for an object outside the user's scope) and
services ``PermissionDeniedError`` (403); a business ``ApplicationError`` that a view did not
show inline becomes a 400 page. A 403 page is recorded as ACCESS_DENIED by
``tdkt.audit.middleware`` because of its status code; an out-of-scope 404 is recorded here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.middleware import HtmxDetails

from tdkt.core.access import record_access_denied
from tdkt.core.errors import (
    ApplicationError,
    NotFoundError,
    OutOfScopeError,
    PermissionDeniedError,
)

if TYPE_CHECKING:
    from tdkt.accounts.models import User

View = Callable[..., HttpResponse]


class HtmxHttpRequest(HttpRequest):
    """A request as ``HtmxMiddleware`` leaves it (for type checking only)."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HttpRequest):
    """The request a ``web_view`` receives: its user is signed in (for type checking only)."""

    user: User


def error_response(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    """Render the error page matching ``exc`` with its HTTP status."""
    if isinstance(exc, OutOfScopeError):
        record_access_denied(request)
    if isinstance(exc, PermissionDeniedError):
        template = "web/403.html"
    elif isinstance(exc, NotFoundError):
        template = "web/404.html"
    else:
        template = "web/400.html"
    return render(request, template, {"message": exc.message}, status=exc.status)


def web_view(view: View) -> View:
    """Require a signed-in user and map service/selector errors to error pages."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ApplicationError as exc:
            return error_response(request, exc)

    return login_required(wrapper)
