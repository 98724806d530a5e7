"""Downloads are attachments that neither a shared proxy nor the browser's cache keeps."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _private(response) -> bool:
    cache = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= cache


def test_archive_export_is_not_cached(registry, client_of):
    """The archive workbook (names, titles, decisions) is served privately, as a file."""
    response = client_of(registry.officer).get(reverse("commendations:award-export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert _private(response)


def test_line_import_template_is_not_cached(registry, proposal, client_of):
    """The import template lists the unit's people; it is not kept in caches either."""
    url = reverse("commendations:proposal-import-template", kwargs={"uuid": proposal.uuid})
    response = client_of(registry.investment_head).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert _private(response)
