"""Helpers shared by the movement screens: the version a form carries, file answers."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def version_of(form: Any) -> int | None:
    """The version the page showed (None when the form did not carry one)."""
    value = form.cleaned_data.get("version")
    return int(value) if value is not None else None


def file_response(data: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """Answer a download with a safe file name (ASCII fallback) and no caching by proxies."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
