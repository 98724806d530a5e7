"""Vietnamese typography of official documents: numbers, dates, money, list headings.

One place for the rules of Decree 30/2020 Annex I (documents-and-forms.md §1.2) so that the
.docx, the PDF and the spreadsheets print the same text.
"""

from __future__ import annotations

from datetime import date

from .model import DocumentReference, RecipientKind

# Blank space left in a draft for the number, day and month written after signing.
BLANK = "\u00a0" * 6

KIND_LABELS = {
    RecipientKind.COLLECTIVE: "Tập thể",
    RecipientKind.INDIVIDUAL: "Cá nhân",
    RecipientKind.HOUSEHOLD: "Hộ gia đình",
}

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def money(amount: int) -> str:
    """Return ``1.234.567``: Vietnamese grouping with dots, no decimals (VND has no subunit)."""
    return f"{amount:,}".replace(",", ".")


def roman(n: int) -> str:
    """Return ``n`` in Roman numerals (group headings "I.", "II." of lists)."""
    if n < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def day_month(d: date) -> tuple[str, str]:
    """Return the day and month as printed: day below 10 and months 1–2 zero-padded.

    Decree 30 Annex I §II.4: "ngày 05 tháng 01" but "tháng 6" (the zero keeps January and
    February from being extended to 10–12 by hand).
    """
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d}", month


def long_date(d: date | None, *, year: int | None = None) -> str:
    """Return "ngày 05 tháng 01 năm 2026"; blanks for a draft (``d`` is None)."""
    if d is None:
        return f"ngày{BLANK}tháng{BLANK}năm {year if year else BLANK}"
    day, month = day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def short_date(d: date) -> str:
    """Return ``dd/mm/yyyy``, the form used in tables and spreadsheets."""
    return d.strftime("%d/%m/%Y")


def number_symbol(ref: DocumentReference) -> str:
    """Return "125/QĐ-BQL" (zero-padded below 10), or a blank number for a draft."""
    if ref.number is None:
        return f"{BLANK}/{ref.symbol}"
    return f"{ref.number:02d}/{ref.symbol}"


def place_and_date(place: str, ref: DocumentReference) -> str:
    """Return "Hà Nội, ngày 05 tháng 01 năm 2026" (box 4); a draft leaves day and month blank."""
    if ref.is_draft:
        year = ref.issued_on.year if ref.issued_on else None
        return f"{place}, {long_date(None, year=year)}"
    return f"{place}, {long_date(ref.issued_on)}"


def punctuate(lines: list[str], *, last: str = ".") -> list[str]:
    """End every line with ";" and the last with ``last`` (căn cứ lines, Nơi nhận entries)."""
    cleaned = [line.rstrip(" ;.") for line in lines]
    return [f"{line}{last if i == len(cleaned) - 1 else ';'}" for i, line in enumerate(cleaned)]


def end_mark(text: str) -> str:
    """Append the end mark "./." to the last sentence (never a paragraph of its own)."""
    return text.rstrip(" .") + "./."


def counted(n: int, kind: RecipientKind) -> str:
    """Return "12 tập thể", "1 cá nhân" (Vietnamese nouns do not inflect)."""
    return f"{n:02d} {KIND_LABELS[kind].lower()}" if n < 10 else f"{n} {KIND_LABELS[kind].lower()}"


def join_and(parts: list[str]) -> str:
    """Return "a, b và c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} và {parts[-1]}"
