"""The grids of forms 0601–0605 (Circular 02/2023/TT-BNV) and how their cells are counted.

Pure Python: the selector (``selectors.statistics``) turns grouped database rows into
``AwardFact`` / ``MovementFact`` values with a count; this module says which row and which
column each fact falls into and builds the ``StatisticsSheet`` the renderer prints. Row codes,
labels and column numbers follow documents-and-forms §8 (LifeSoft's grids, the circular's
annex not having been read); what that section marks UNVERIFIED is named in decision 0702.
"""

from .facts import (
    COLLECTIVE,
    INDIVIDUAL,
    REGULAR,
    ROUND_METHOD,
    AwardFact,
    MovementFact,
    duration_row,
    person_category,
)
from .grids import MINISTRY_PROVINCE_CODES, STATE_CODES, build_sheet

__all__ = [
    "COLLECTIVE",
    "INDIVIDUAL",
    "MINISTRY_PROVINCE_CODES",
    "REGULAR",
    "ROUND_METHOD",
    "STATE_CODES",
    "AwardFact",
    "MovementFact",
    "build_sheet",
    "duration_row",
    "person_category",
]
