"""Private storage of application files: no URL, served only through a checked view."""

from __future__ import annotations

from tdkt.commendations.storage import PrivateStorage

_FILES = PrivateStorage("initiatives")


def application_file_storage() -> PrivateStorage:
    """Return the storage of application files (a callable, so migrations stay stable)."""
    return _FILES
