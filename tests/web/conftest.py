"""Web fixtures: a Django test client signed in as one of the registry's users."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests.builders import Registry


@pytest.fixture
def client_for(registry: Registry) -> Callable[[str], Client]:
    """Return a factory: ``client_for("officer")`` is a client signed in as that user."""

    def make(name: str) -> Client:
        client = Client()
        client.force_login(getattr(registry, name))
        return client

    return make
