"""Reads of the reports app, scoped to the actor (decision 0701)."""

from .narratives import narrative_texts
from .statistics import ensure_board_reader, statistics_sheet

__all__ = ["ensure_board_reader", "narrative_texts", "statistics_sheet"]
