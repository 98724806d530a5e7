"""Numbers on the indicator pages, written the Vietnamese way (English with the switch)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import gettext as _

from tdkt.indicators.constants import HOME_CURRENCY
from tdkt.indicators.formatting import format_number, format_percent, format_share

register = template.Library()


@register.filter
def number(value: Decimal | float | None) -> str:
    """7700000000 → "7.700.000.000"; None → "—"."""
    return format_number(value)


@register.filter
def percent(value: Decimal | float | None) -> str:
    """100.0 → "100,0 %"."""
    return format_percent(value)


@register.filter
def share_percent(value: Decimal | float | None) -> str:
    """0.7262 → "72,62 %"."""
    return format_share(value)


@register.filter
def unit_label(unit: str) -> str:
    """Show VND as "đồng", the way amounts are written on the Board's documents."""
    return _("đồng") if unit == HOME_CURRENCY else unit


@register.filter
def organization_label(name: Any) -> str:
    """The Board as a whole has no organisation row: say "Cả Ban"."""
    return str(name) if name else _("Cả Ban")
