"""Reads of the reports app, scoped to the actor (decision 0701)."""

from .annual import annual_report
from .dashboard import dashboard_data
from .narratives import narrative_texts
from .statistics import check_period, ensure_board_reader, statistics_sheet

__all__ = [
    "annual_report",
    "check_period",
    "dashboard_data",
    "ensure_board_reader",
    "narrative_texts",
    "statistics_sheet",
]
