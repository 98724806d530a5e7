"""The years the report screens offer."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from tdkt.commendations.selectors.archive import award_list
from tdkt.indicators.selectors import indicator_years

MAX_YEARS = 10


def report_years(*, actor: Any) -> list[int]:
    """Years with awards or indicator figures the actor may see, latest first, not after this
    year; at most ten."""
    this_year = timezone.localdate().year
    years = set(
        award_list(actor=actor)
        .filter(year__lte=this_year)
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    years |= {y for y in indicator_years(actor=actor) if y <= this_year}
    return sorted(years, reverse=True)[:MAX_YEARS]
