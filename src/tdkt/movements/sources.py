"""Where a criterion linked to data gets its score: a registry of providers (decision 0605).

A provider answers, for one unit and one movement period, the share achieved: 1 means the
whole plan or every dossier on time. The points are then ``max_points × min(share, 1)``,
rounded to two decimals. ``None`` means "no data", and the criterion stays unscored (never
zero by default: a missing figure is not a failure).

The indicators app owns the figures. ``tdkt.movements.integration`` registers the providers
that read them at start-up; tests register their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tdkt.organizations.models import Organization

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class SourceQuery:
    """What a provider is asked: whose figure, which indicator, over which period."""

    organization: Organization
    indicator_code: str
    starts_on: date
    ends_on: date

    @property
    def year(self) -> int:
        """The year whose indicator figures count: the movement's last year."""
        return self.ends_on.year


Provider = Callable[[SourceQuery], Decimal | None]

_PROVIDERS: dict[str, Provider] = {}


def register_provider(source: str, provider: Provider | None) -> None:
    """Install (or with ``None`` remove) the provider of a criterion source."""
    if provider is None:
        _PROVIDERS.pop(source, None)
    else:
        _PROVIDERS[source] = provider


def provider_for(source: str) -> Provider | None:
    """Return the provider of ``source``, or None when no app provides that data."""
    return _PROVIDERS.get(source)


def points_from_share(share: Decimal, max_points: Decimal) -> Decimal:
    """Return the points a share earns on a criterion: proportional, capped at the maximum."""
    capped = min(max(share, Decimal(0)), Decimal(1))
    return (max_points * capped).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
