"""Numbers typed in a URL or a form with characters Python calls digits but cannot read as a
number ("²", "³") get the page as if the value were absent, never a server error."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ODD = "²"


def test_odd_digits_in_query_strings_are_ignored(client, registry):
    client.force_login(registry.officer)
    person = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    for url, params in (
        (person, {"history_before": ODD}),
        (reverse("web:calendar-list"), {"year": ODD}),
        (reverse("movements:movement-list"), {"year": ODD}),
        (reverse("indicators:indicator-list"), {"year": ODD}),
    ):
        response = client.get(url, params)
        assert response.status_code in (200, 404), (url, response.status_code)
    response = client.get(reverse("reports:report-dashboard"), {"year": ODD})
    assert response.status_code == 404
