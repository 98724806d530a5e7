"""Fixtures of the security review's tests (docs/security-review.md)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.commendations.conftest import proposal, round_2019  # noqa: F401 - shared fixtures


@pytest.fixture
def client_of():
    """Return a signed-in test client for a user."""

    def make(user, **kwargs) -> Client:
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return make
