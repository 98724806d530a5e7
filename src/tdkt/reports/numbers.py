"""Numbers as the Board's documents print them: 1.234.567, 7,7 tỷ USD, 98,9 %.

Documents are always Vietnamese (decimal comma, dot between thousands), whatever the
language of the page that produced them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def vn(value: Decimal | int | float | None, places: int = 0) -> str:
    """Group thousands with dots and use a decimal comma; "—" for a missing value."""
    if value is None:
        return "—"
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}"
    return text.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")


def percent(value: Decimal | float | None) -> str:
    """A percentage already in percent, one decimal, without a trailing ",0" (100 %, 6,3 %)."""
    if value is None:
        return "—"
    text = vn(value, 1)
    return (text[:-2] if text.endswith(",0") else text) + " %"


def amount(value: Decimal | int | None, unit: str) -> str:
    """A large figure in words of magnitude: 7,7 tỷ USD, 242 triệu USD, 15.000 tỷ đồng."""
    if value is None:
        return "—"
    number = Decimal(value)
    label = "đồng" if unit == "VND" else unit
    for size, word in ((Decimal(10) ** 9, "tỷ"), (Decimal(10) ** 6, "triệu")):
        if abs(number) >= size:
            scaled = number / size
            text = vn(scaled, 1)
            text = text[:-2] if text.endswith(",0") else text
            return f"{text} {word} {label}"
    return f"{vn(number)} {label}"


def share(part: int, whole: int) -> Decimal | None:
    """part / whole in percent, one decimal; None for an empty whole."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
