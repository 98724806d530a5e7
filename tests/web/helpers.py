"""Helpers shared by the web tests."""

from __future__ import annotations

from django.test import Client, RequestFactory


def password_login(client: Client, username: str, password: str) -> bool:
    """Sign ``client`` in with a password (django-axes needs a request to authenticate)."""
    return client.login(request=RequestFactory().get("/"), username=username, password=password)
