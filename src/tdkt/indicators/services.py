"""Writes of the indicators app: the two imports, each all or nothing and audited.

Indicator values, exchange rates and dossiers change only through these imports (files from
the Board's statistics and the one-stop system), so the imports are the services. Each one
checks the permission first, validates the whole file outside any transaction, then writes
in one short transaction with one ``import.completed`` audit event (see
``importing/bulk.py`` and ``docs/decisions/0402-bulk-imports.md``).
"""

from __future__ import annotations

from typing import Any

from tdkt.documents.importing import ImportResult

from .importing.bulk import Progress
from .importing.indicators import IndicatorImporter
from .importing.procedures import ProcedureImporter


def indicators_import(
    *,
    actor: Any,
    data: bytes,
    filename: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import indicator values (first sheet) and exchange rates (sheet ``Tỷ giá``)."""
    return IndicatorImporter().run(
        actor=actor, data=data, filename=filename, dry_run=dry_run, progress=progress
    )


def procedures_import(
    *,
    actor: Any,
    data: bytes,
    filename: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import administrative-procedure dossiers from an export of the one-stop system."""
    return ProcedureImporter().run(
        actor=actor, data=data, filename=filename, dry_run=dry_run, progress=progress
    )
