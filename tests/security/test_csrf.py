"""Every state-changing page refuses a POST without the CSRF token (a forged form elsewhere)."""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tdkt.accounts.constants import Role
from tests.builders import make_user

pytestmark = pytest.mark.django_db

# The API authenticates by token or by session with DRF's own CSRF check; the admin and the
# language switch are Django's.
SKIPPED = ("api/", "admin/", "i18n/")


def _routes(resolver: URLResolver, prefix: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _concrete(route: str) -> str:
    values = {"uuid": str(uuid.uuid4()), "int": "2020", "str": "pdf", "slug": "people", "path": "x"}
    return "/" + re.sub(r"<(\w+):\w+>", lambda m: values[m.group(1)], route)


ROUTES = [r for r in _routes(get_resolver()) if not r.startswith(SKIPPED)]


def test_every_route_is_checked():
    """The list is not empty by accident (the resolver walk found the app's pages)."""
    assert any(r.startswith("proposals/") for r in ROUTES)
    assert any(r.startswith("council/sessions/") for r in ROUTES)


def test_post_without_token_is_refused():
    """Signed in as an officer, a POST without the token is refused before any view runs,
    whether or not the page accepts POST at all."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("officer", Role.EMULATION_OFFICER))
    accepted = [
        route
        for route in ROUTES
        if client.post(_concrete(route), {"reason": "x"}).status_code != 403
    ]
    assert accepted == []
