"""Private storage of self-assessment evidence: no URL, served only through a checked view."""

from __future__ import annotations

from tdkt.commendations.storage import PrivateStorage

_EVIDENCE = PrivateStorage("evidence")


def evidence_storage() -> PrivateStorage:
    """Return the storage of evidence files (a callable, so migrations stay stable)."""
    return _EVIDENCE
