"""Private storage of the articles attached to entries: outside the web root, served only by a
view that checks the reader may see the entry (decision 0805)."""

from __future__ import annotations

from tdkt.commendations.storage import PrivateStorage

_ARTICLES = PrivateStorage("contests")


def article_storage() -> PrivateStorage:
    """Return the storage of entry files (a callable, so migrations stay stable)."""
    return _ARTICLES
