"""Private storage of movements' plan documents: outside the web root, served only through a
view that checks the reader may see the movement (decision 0608)."""

from __future__ import annotations

from tdkt.commendations.storage import PrivateStorage

_PLANS = PrivateStorage("movements")


def plan_storage() -> PrivateStorage:
    """Return the storage of plan files (a callable, so migrations stay stable)."""
    return _PLANS
