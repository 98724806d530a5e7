"""The officer's texts of a year's report."""

from __future__ import annotations

from typing import Any

from tdkt.reports.models import ReportNarrative

from .statistics import ensure_board_reader


def narrative_texts(*, actor: Any, year: int) -> dict[str, ReportNarrative]:
    """Return the stored sections of ``year``'s report by section (board-wide readers)."""
    ensure_board_reader(actor)
    return {n.section: n for n in ReportNarrative.objects.filter(year=year)}
