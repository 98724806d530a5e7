"""A small framework for all-or-nothing imports of spreadsheet rows through services.

See ``tdkt.documents.services.import_run`` for the run, ``base.Importer`` for what an
importer implements and ``docs/imports.md`` for the user-facing behaviour.
"""

from .base import CREATED, UNCHANGED, UPDATED, Importer, Row
from .columns import CellError, Column
from .registry import all_importers, get_importer, guess_importer, register
from .result import ImportResult, RowError

__all__ = [
    "CREATED",
    "UNCHANGED",
    "UPDATED",
    "CellError",
    "Column",
    "ImportResult",
    "Importer",
    "Row",
    "RowError",
    "all_importers",
    "get_importer",
    "guess_importer",
    "register",
]
