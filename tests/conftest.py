"""Shared fixtures. Test state is built by calling real services (see builders.py)."""

from __future__ import annotations

import pytest
from django.utils import translation

from .builders import Registry, build_registry


@pytest.fixture
def registry(db) -> Registry:
    """A small Board with units, an enterprise, people and one user per role."""
    return build_registry()


@pytest.fixture(autouse=True)
def _vietnamese_ui():
    """Start and end every test in Vietnamese, the default UI language.

    A request with the English cookie leaves English active in the test thread; without this
    reset, later tests in the same worker would see English messages depending on test order.
    """
    with translation.override("vi"):
        yield
