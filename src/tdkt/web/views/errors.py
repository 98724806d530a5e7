"""Django's error handlers (``handler400`` … in ``tdkt.urls``): Vietnamese pages, JSON for the API.

Without them a production 404 or 500 was Django's bare English page, and an exception raised
outside the API views (a middleware, the URL resolver) reached API clients as HTML. Paths under
``/api/`` get the API's error shape instead; everything else gets the site's error pages.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template

from tdkt.api.views import api_error_response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400: a request Django could not accept (bad host, too many fields…)."""
    if _is_api(request):
        return api_error_response(400)
    return render(request, "web/400.html", {"message": ""}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403 outside the views' own handling; recorded by the audit middleware like any 403."""
    if _is_api(request):
        return api_error_response(403)
    return render(request, "web/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 for an address that matches no page."""
    if _is_api(request):
        return api_error_response(404)
    return render(request, "web/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500: rendered without context processors or the database, which may be what failed."""
    if _is_api(request):
        return api_error_response(500)
    return HttpResponse(get_template("web/500.html").render(), status=500)
