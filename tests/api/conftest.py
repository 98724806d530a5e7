"""API test helpers: an APIClient signed in as a given user."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from tdkt.accounts.models import User


@pytest.fixture
def api_as() -> Callable[[User | None], APIClient]:
    """Return a factory of API clients authenticated as ``user`` (anonymous for None)."""

    def make(user: User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_authenticate(user=user)
        return client

    return make
