"""Importers by name, so ``tdkt import <name>`` and the upload page find them.

Apps register their importers in an ``imports`` module (e.g. ``tdkt.organizations.imports``),
which ``DocumentsConfig.ready`` loads for every installed app.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from tdkt.core.errors import NotFoundError
from tdkt.documents.xlsx import match_headers

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


def guess_importer(headers: Sequence[str], importers: Sequence[Importer]) -> Importer | None:
    """Return the importer a header row belongs to, or None when none or several fit.

    An importer fits when every required column is there; among those, the one matching the
    most headers wins, and a tie is no answer (the user is asked to choose).
    """
    scores = []
    for importer in importers:
        match = match_headers(
            headers,
            {c.key: c.headers for c in importer.columns},
            [c.key for c in importer.columns if c.required],
        )
        if not match.missing and match.positions:
            scores.append((len(match.positions), importer))
    scores.sort(key=lambda pair: -pair[0])
    if not scores or (len(scores) > 1 and scores[0][0] == scores[1][0]):
        return None
    return scores[0][1]
