"""Shared fixtures. Test state is built by calling real services (see builders.py)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import translation

from .builders import Registry, build_registry
from .scope_matrix import build_world


@pytest.fixture
def registry(db) -> Registry:
    """A small Board with units, an enterprise, people and one user per role."""
    return build_registry()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The registry plus two blocks/clusters and two accounts that may see nothing (see
    ``scope_matrix``), built once per module; each test still runs in its own transaction,
    and everything is rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(build_registry())
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _vietnamese_ui():
    """Start and end every test in Vietnamese, the default UI language.

    A request with the English cookie leaves English active in the test thread; without this
    reset, later tests in the same worker would see English messages depending on test order.
    """
    with translation.override("vi"):
        yield
