"""API-wide views that belong to no resource: errors, the OpenAPI schema and its docs page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from tdkt.api.authentication import ApiTokenAuthentication

from .errors import bad_request_body, error_body, server_error_body


def api_not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    """Answer unknown API paths (and malformed UUIDs) in the API's error shape."""
    return JsonResponse(error_body("not_found", _("Không tìm thấy.")), status=404)


def api_error_response(status: int) -> JsonResponse:
    """Return the error shape for a failure Django handled outside the API views."""
    if status == 404:
        return JsonResponse(error_body("not_found", _("Không tìm thấy.")), status=404)
    if status == 403:
        body = error_body("forbidden", _("Bạn không có quyền thực hiện thao tác này."))
        return JsonResponse(body, status=403)
    if status == 400:
        return JsonResponse(bad_request_body(), status=400)
    return JsonResponse(server_error_body(), status=500)


class SchemaView(SpectacularAPIView):
    """The OpenAPI document, for signed-in users (session or token) only.

    Errors are JSON in the API's shape, not YAML, whatever format the client asked for.
    """

    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response


class SwaggerDocsView(SpectacularSwaggerSplitView):
    """Swagger UI from the app's own static files (drf-spectacular-sidecar), behind the login.

    The split view serves its initialisation script from this same URL (``?script``), so the
    page needs no inline script and passes the Content-Security-Policy.
    """

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]
    template_name = "api/swagger_ui.html"
    title = "tdkt API"


def docs_view() -> Any:
    """Return the docs page view: anonymous visitors go to the sign-in page first."""
    return login_required(SwaggerDocsView.as_view(url_name="api:schema"))
