"""Numbers for people: "7.700.000.000", "100,0 %", "72,62 %" in Vietnamese; 7,700,000,000 in
English. Dates are written dd/mm/yyyy by the templates themselves."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import get_language

from .numbers import round_half_away


def _vietnamese() -> bool:
    return not (get_language() or "vi").startswith("en")


def format_number(value: Decimal | float | None, places: int | None = None) -> str:
    """Group thousands and show at most ``places`` decimals (default: as stored, up to 6)."""
    if value is None:
        return "—"
    number = Decimal(str(value))
    if places is not None:
        number = round_half_away(number, places)
    text = f"{number.normalize():,f}" if places is None else f"{number:,.{places}f}"
    if "." in text and places is None:
        text = text.rstrip("0").rstrip(".")
    if _vietnamese():
        text = text.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")
    return text


def format_percent(value: Decimal | float | None) -> str:
    """A percentage already in percent (100.0 → "100,0 %")."""
    return "—" if value is None else f"{format_number(value, 1)} %"


def format_share(value: Decimal | float | None) -> str:
    """A fraction shown as a percentage with 2 decimals (0.7262 → "72,62 %")."""
    if value is None:
        return "—"
    return f"{format_number(Decimal(str(value)) * 100, 2)} %"
