"""Helpers shared by the movement screens: the version a form carries."""

from __future__ import annotations

from typing import Any


def version_of(form: Any) -> int | None:
    """The version the page showed (None when the form did not carry one)."""
    value = form.cleaned_data.get("version")
    return int(value) if value is not None else None
