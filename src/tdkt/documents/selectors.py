"""Reads of the import framework, scoped to what the actor may do."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.core.errors import PermissionDeniedError

from .importing import Importer, all_importers, get_importer


def importer_list(*, actor: Any) -> list[Importer]:
    """Return the importers the actor may run (all or none today: writers may import)."""
    allowed = []
    for importer in all_importers():
        try:
            importer.check_permission(actor)
        except PermissionDeniedError:
            continue
        allowed.append(importer)
    return allowed


def importer_get(*, actor: Any, name: str) -> Importer:
    """Return one importer by name, refusing actors who may not run it (403)."""
    importer = get_importer(name)
    importer.check_permission(actor)
    return importer


def importers_or_denied(*, actor: Any) -> list[Importer]:
    """Return the importers the actor may run, or refuse when there is none (403)."""
    importers = importer_list(actor=actor)
    if not importers:
        raise PermissionDeniedError(_("Bạn không có quyền nhập dữ liệu."))
    return importers
