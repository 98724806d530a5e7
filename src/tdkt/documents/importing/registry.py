"""Importers by name, so ``tdkt import <name>`` and the upload page find them.

Apps register their importers in an ``imports`` module (e.g. ``tdkt.organizations.imports``),
which ``DocumentsConfig.ready`` loads for every installed app.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tdkt.core.errors import NotFoundError

from .base import Importer

_REGISTRY: dict[str, Importer] = {}


def register(name: str, importer: Importer) -> Importer:
    """Make ``importer`` available as ``name``; registering a name twice is a bug."""
    existing = _REGISTRY.get(name)
    if existing is not None and type(existing) is not type(importer):
        raise ValueError(f"importer {name!r} is already registered")
    _REGISTRY[name] = importer
    return importer


def get_importer(name: str) -> Importer:
    """Return the importer called ``name``, or raise NotFoundError."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise NotFoundError(
            _("Không có loại dữ liệu nhập “%(name)s”. Các loại có: %(names)s.")
            % {"name": name, "names": ", ".join(sorted(_REGISTRY)) or "—"}
        ) from None


def all_importers() -> list[Importer]:
    """Return the registered importers in name order."""
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]
