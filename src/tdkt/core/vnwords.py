"""Amounts in Vietnamese words ("Bằng chữ: …") for commendation decisions and payment lists.

Decisions that grant a bonus must state the amount in figures and in words, and the words are
checked by finance officers against the figures. Libraries such as num2words get Vietnamese
wrong in ways that matter there (1015, negatives), so the rules are written out here.

Conventions (the usual style of Vietnamese administrative and accounting documents):

* groups of three digits with the scale words ``nghìn`` (not "ngàn"), ``triệu``, ``tỷ``; above
  a billion the words repeat: 10^12 ``nghìn tỷ``, 10^15 ``triệu tỷ``, 10^18 ``tỷ tỷ``;
* a group that is entirely zero is skipped; every group after the first spoken one is read in
  full, so ``1015`` is "một nghìn **không trăm** mười lăm";
* a zero tens digit before a unit is ``linh`` (northern/official usage; "lẻ" is the southern
  variant): ``105`` "một trăm linh năm";
* ``mười`` for the tens digit 1, ``<digit> mươi`` for 2–9;
* unit 1 after a tens digit ≥ 2 is ``mốt`` ("hai mươi mốt"), but "mười một";
* unit 5 after any non-zero tens digit is ``lăm`` ("mười lăm", "hai mươi lăm"), but
  "linh năm";
* unit 4 after a tens digit is ``bốn`` ("hai mươi bốn"). The colloquial "tư" is also correct
  but regional; "bốn" cannot be misread;
* negative amounts start with ``Âm``; the first letter is capitalised.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["amount_in_words"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 1_000_000_000


def _group(value: int, *, full: bool) -> list[str]:
    """Words for 0 < value < 1000; ``full`` reads the hundreds even when zero ("không trăm")."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
    else:
        words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(_DIGITS[units])
    return words


def _below_billion(value: int, *, started: bool) -> list[str]:
    """Words for 0 <= value < 10^9; ``started`` says whether a higher group was already read."""
    words: list[str] = []
    millions, rest = divmod(value, 1_000_000)
    thousands, units = divmod(rest, 1000)
    for part, scale in ((millions, "triệu"), (thousands, "nghìn"), (units, "")):
        if part == 0:
            continue
        words += _group(part, full=started or bool(words))
        if scale:
            words.append(scale)
    return words


def _words(value: int, *, started: bool = False) -> list[str]:
    """Words for value > 0; billions recurse so 10^18 reads "một tỷ tỷ"."""
    if value >= _BILLION:
        high, low = divmod(value, _BILLION)
        return [*_words(high, started=started), "tỷ", *_below_billion(low, started=True)]
    return _below_billion(value, started=started)


def _as_int(n: int | Decimal) -> int:
    """Accept ints and integral Decimals only: VND has no subunit, and floats are not money."""
    if isinstance(n, bool):
        raise TypeError("amount must be an int or Decimal, not bool")
    if isinstance(n, int):
        return n
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"amount must be a finite number, not {n}")
        if n != n.to_integral_value():
            raise ValueError(f"amount must be a whole number of đồng, not {n}")
        return int(n)
    raise TypeError(f"amount must be an int or Decimal, not {type(n).__name__}")


def amount_in_words(n: int | Decimal, *, currency: str | None = "đồng") -> str:
    """Return ``n`` written in Vietnamese words, capitalised, followed by ``currency``.

    >>> amount_in_words(1_800_000)
    'Một triệu tám trăm nghìn đồng'
    >>> amount_in_words(1015, currency=None)
    'Một nghìn không trăm mười lăm'

    ``currency=None`` (or "") gives the bare number, e.g. for counts of people. A Decimal is
    accepted when it is integral ("1000.00" from a DecimalField); fractional amounts raise
    ``ValueError`` rather than being rounded, because a decision must never state an amount
    that differs from its figures.
    """
    value = _as_int(n)
    words = ["không"] if value == 0 else _words(abs(value))
    if value < 0:
        words.insert(0, "âm")
    if currency:
        words.append(currency)
    text = " ".join(words)
    return text[0].upper() + text[1:]
