"""Shared fixtures. Test state is built by calling real services (see builders.py)."""

from __future__ import annotations

import pytest

from .builders import Registry, build_registry


@pytest.fixture
def registry(db) -> Registry:
    """A small Board with units, an enterprise, people and one user per role."""
    return build_registry()
