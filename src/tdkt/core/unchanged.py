"""``UNCHANGED``: the default of every optional argument of an update service.

An update service names each field it may change as a keyword-only parameter defaulting to
``UNCHANGED``, so a caller changes only what it passes, ``None`` stays a real value (clear the
field) and a misspelt field is a ``TypeError`` instead of a silently ignored key.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Final


class Unchanged(Enum):
    """The type of ``UNCHANGED`` (an enum member, so type checkers can narrow it away)."""

    UNCHANGED = "unchanged"

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Final = Unchanged.UNCHANGED


def given(**values: Any) -> dict[str, Any]:
    """Return the keyword arguments whose value is not ``UNCHANGED``."""
    return {name: value for name, value in values.items() if value is not UNCHANGED}
