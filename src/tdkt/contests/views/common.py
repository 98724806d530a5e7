"""Helpers shared by the contest screens."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def file_response(data: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """Answer a download with a safe file name (ASCII fallback) and no caching by proxies."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
