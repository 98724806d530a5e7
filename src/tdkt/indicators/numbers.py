"""Rounding, conversion and number output shared by the reports and the pages.

Reports round half away from zero (``ROUND_HALF_UP`` in ``decimal`` is exactly that: 0.05 →
0.1 and −0.05 → −0.1), in decimal arithmetic, so 2.675 rounds to 2.68 as printed, not to
2.67 as binary floating point would.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from .constants import HOME_CURRENCY

PRECISION = 40  # digits of intermediate results: far beyond any figure we store


def round_half_away(value: Decimal, places: int) -> Decimal:
    """Round ``value`` to ``places`` decimals, halves away from zero."""
    with localcontext() as context:
        context.prec = PRECISION
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def ratio(numerator: Decimal | int | None, denominator: Decimal | int | None) -> Decimal | None:
    """Return numerator / denominator exactly enough, or None when either is missing or the
    denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    with localcontext() as context:
        context.prec = PRECISION
        return Decimal(numerator) / Decimal(denominator)


def percent_of_plan(actual: Decimal | None, plan: Decimal | None) -> Decimal | None:
    """actual / plan × 100, to 1 decimal; None when a value is missing or the plan is 0."""
    value = ratio(actual, plan)
    return None if value is None else round_half_away(value * 100, 1)


def growth_percent(actual: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """(actual − previous) / previous × 100, to 1 decimal; None when missing or previous is 0."""
    if actual is None or previous is None:
        return None
    value = ratio(actual - previous, previous)
    return None if value is None else round_half_away(value * 100, 1)


def share(part: int, whole: int) -> Decimal | None:
    """part / whole as a fraction to 4 decimals, or None for an empty whole."""
    value = ratio(part, whole)
    return None if value is None else round_half_away(value, 4)


def convert(
    value: Decimal | None, currency: str, unit: str, rates: Mapping[str, Decimal]
) -> Decimal | None:
    """Convert ``value`` from ``currency`` to the currency ``unit`` with VND ``rates``.

    An empty ``currency`` means the value is already in ``unit``. A rate is đồng per unit of
    a foreign currency; VND itself is 1. The result is rounded to whole đồng, or to 2
    decimals for a foreign currency; None when a rate is missing.
    """
    if value is None or not currency or currency == unit:
        return value
    source = Decimal(1) if currency == HOME_CURRENCY else rates.get(currency)
    target = Decimal(1) if unit == HOME_CURRENCY else rates.get(unit)
    if source is None or target is None:
        return None
    with localcontext() as context:
        context.prec = PRECISION
        converted = value * source / target
    return round_half_away(converted, 0 if unit == HOME_CURRENCY else 2)


def json_number(value: Decimal | None) -> int | float | None:
    """Return a JSON number: an integer when the value is whole, else a float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def json_percent(value: Decimal | None) -> float | None:
    """Return a percentage or share as a JSON float (100.0, 6.3, 0.7262), or None."""
    return None if value is None else float(value)
