"""API-wide views that belong to no resource."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from .errors import error_body


def api_not_found(request: HttpRequest) -> JsonResponse:
    """Answer unknown API paths (and malformed UUIDs) in the API's error shape."""
    return JsonResponse(error_body("not_found", _("Không tìm thấy.")), status=404)
