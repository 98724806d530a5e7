"""Private file storage for dossiers: outside the web root, served only through checked views."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """Files under ``TDKT_PRIVATE_ROOT`` (default ``var/private``), with no public URL."""

    def __init__(self, subdir: str) -> None:
        super().__init__()
        self.subdir = subdir

    @cached_property
    def base_location(self) -> str:
        root = getattr(settings, "TDKT_PRIVATE_ROOT", None) or Path(settings.VAR_DIR) / "private"
        return str(Path(root) / self.subdir)

    @cached_property
    def base_url(self) -> None:  # type: ignore[override]  # never served as a URL
        return None

    def url(self, name: str | None) -> str:
        raise ValueError("private files have no URL; serve them through a checked view")


_DOSSIERS = PrivateStorage("dossiers")


def dossier_storage() -> PrivateStorage:
    """Return the storage of proposal attachments (a callable, so migrations stay stable)."""
    return _DOSSIERS
