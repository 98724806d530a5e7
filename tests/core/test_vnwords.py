"""Amounts in Vietnamese words: a hand-written table, then a round trip through a parser.

The parser below is written independently of the implementation (it splits on the last "tỷ"
instead of building groups) and is strict about the style rules (mốt/lăm/linh/không trăm), so
the round trip checks the wording as well as the value.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt.core.vnwords import amount_in_words

# Written by hand from Vietnamese usage in decisions and accounting documents.
BARE = [
    (1, "Một"),
    (4, "Bốn"),
    (5, "Năm"),
    (10, "Mười"),
    (11, "Mười một"),
    (14, "Mười bốn"),
    (15, "Mười lăm"),
    (20, "Hai mươi"),
    (21, "Hai mươi mốt"),
    (24, "Hai mươi bốn"),
    (25, "Hai mươi lăm"),
    (55, "Năm mươi lăm"),
    (91, "Chín mươi mốt"),
    (100, "Một trăm"),
    (101, "Một trăm linh một"),
    (105, "Một trăm linh năm"),
    (110, "Một trăm mười"),
    (111, "Một trăm mười một"),
    (115, "Một trăm mười lăm"),
    (121, "Một trăm hai mươi mốt"),
    (1000, "Một nghìn"),
    (1001, "Một nghìn không trăm linh một"),
    (1010, "Một nghìn không trăm mười"),
    (1015, "Một nghìn không trăm mười lăm"),
    (1100, "Một nghìn một trăm"),
    (2021, "Hai nghìn không trăm hai mươi mốt"),
    (10_000, "Mười nghìn"),
    (15_000, "Mười lăm nghìn"),
    (21_000, "Hai mươi mốt nghìn"),
    (100_500, "Một trăm nghìn năm trăm"),
    (105_000, "Một trăm linh năm nghìn"),
    (710_000, "Bảy trăm mười nghìn"),
    (1_000_005, "Một triệu không trăm linh năm"),
    (1_005_000, "Một triệu không trăm linh năm nghìn"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn"),
    (1_800_000, "Một triệu tám trăm nghìn"),
    (25_500_000, "Hai mươi lăm triệu năm trăm nghìn"),
    (
        999_999_999,
        "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
    ),
    (1_000_000_000, "Một tỷ"),
    (1_000_000_001, "Một tỷ không trăm linh một"),
    (1_020_000_000, "Một tỷ không trăm hai mươi triệu"),
    (
        1_234_567_891,
        "Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt",
    ),
    (2_500_000_000_000, "Hai nghìn năm trăm tỷ"),
    (10**12, "Một nghìn tỷ"),
    (10**15, "Một triệu tỷ"),
    (10**18, "Một tỷ tỷ"),
    (15 * 10**18, "Mười lăm tỷ tỷ"),
    (-15, "Âm mười lăm"),
    (-1000, "Âm một nghìn"),
]

WITH_CURRENCY = [
    (0, "Không đồng"),
    (1_800_000, "Một triệu tám trăm nghìn đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),
    (1015, "Một nghìn không trăm mười lăm đồng"),
    (-2_500_000, "Âm hai triệu năm trăm nghìn đồng"),
    (Decimal("1500000.00"), "Một triệu năm trăm nghìn đồng"),
    (Decimal("1E+3"), "Một nghìn đồng"),
    (Decimal("-0"), "Không đồng"),
]


@pytest.mark.parametrize(("n", "expected"), BARE)
def test_bare_numbers(n: int, expected: str) -> None:
    assert amount_in_words(n, currency=None) == expected


@pytest.mark.parametrize(("n", "expected"), WITH_CURRENCY)
def test_amounts_in_dong(n: int | Decimal, expected: str) -> None:
    assert amount_in_words(n) == expected


def test_zero_without_currency_and_other_currency() -> None:
    assert amount_in_words(0, currency=None) == "Không"
    assert amount_in_words(0, currency="") == "Không"
    assert amount_in_words(15, currency="USD") == "Mười lăm USD"


@pytest.mark.parametrize(
    "bad", [Decimal("1.5"), Decimal("0.01"), Decimal("NaN"), Decimal("Infinity")]
)
def test_fractional_or_non_finite_decimal_is_rejected(bad: Decimal) -> None:
    with pytest.raises(ValueError, match="amount"):
        amount_in_words(bad)


@pytest.mark.parametrize("bad", [1.0, "100", True, None])
def test_non_numbers_are_rejected(bad: object) -> None:
    with pytest.raises(TypeError):
        amount_in_words(bad)  # type: ignore[arg-type]


# -- independent parser ----------------------------------------------------------------------

DIGIT = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
AFTER_MUOI = {**{w: v for w, v in DIGIT.items() if v not in (0, 5)}, "lăm": 5}  # mười một
AFTER_MUOI_2 = {**{w: v for w, v in AFTER_MUOI.items() if v != 1}, "mốt": 1, "tư": 4}


def parse_group(tokens: list[str], *, started: bool) -> int:
    """1..999 from e.g. ["không", "trăm", "linh", "năm"]; strict about the style rules."""
    value, rest = 0, tokens
    if len(tokens) >= 2 and tokens[1] == "trăm":
        value, rest = DIGIT[tokens[0]] * 100, tokens[2:]
    elif started:
        raise ValueError(f"group after a higher one must read its hundreds: {tokens}")
    hundreds = len(rest) < len(tokens)
    match rest:
        case []:
            pass
        case ["linh" | "lẻ", unit] if hundreds and DIGIT.get(unit, 0) > 0:
            value += DIGIT[unit]
        case ["mười"]:
            value += 10
        case ["mười", unit] if unit in AFTER_MUOI:
            value += 10 + AFTER_MUOI[unit]
        case [tens, "mươi"] if DIGIT.get(tens, 0) >= 2:
            value += 10 * DIGIT[tens]
        case [tens, "mươi", unit] if DIGIT.get(tens, 0) >= 2 and unit in AFTER_MUOI_2:
            value += 10 * DIGIT[tens] + AFTER_MUOI_2[unit]
        case [unit] if not hundreds and DIGIT.get(unit, 0) > 0:
            value += DIGIT[unit]
        case _:
            raise ValueError(f"not a number group: {tokens}")
    if value == 0:
        raise ValueError(f"an all-zero group is never spoken: {tokens}")
    return value


def parse_below_billion(tokens: list[str], *, started: bool) -> int:
    total = 0
    for word, scale in (("triệu", 10**6), ("nghìn", 10**3)):
        if word in tokens:
            i = tokens.index(word)
            total += parse_group(tokens[:i], started=started) * scale
            tokens, started = tokens[i + 1 :], True
    if tokens:
        total += parse_group(tokens, started=started)
    return total


def parse_positive(tokens: list[str], *, started: bool = False) -> int:
    if "tỷ" in tokens:
        i = len(tokens) - 1 - tokens[::-1].index("tỷ")
        if not tokens[:i]:
            raise ValueError("tỷ without a multiplier")
        high = parse_positive(tokens[:i], started=started)
        return high * 10**9 + parse_below_billion(tokens[i + 1 :], started=True)
    return parse_below_billion(tokens, started=started)


def parse(text: str) -> int:
    tokens = text.split(" ")
    if "" in tokens:
        raise ValueError("empty word (double or edge space)")
    tokens[0] = tokens[0].lower()
    if tokens[-1] == "đồng":
        tokens.pop()
    sign = 1
    if tokens[0] == "âm":
        sign, tokens = -1, tokens[1:]
    if tokens == ["không"]:
        return 0
    return sign * parse_positive(tokens)


@pytest.mark.parametrize(("n", "text"), BARE)
def test_parser_reads_the_table(n: int, text: str) -> None:
    assert parse(text) == n


@pytest.mark.parametrize(
    "text",
    [
        "Hai mươi một",
        "Mười năm",
        "Một trăm năm",
        "Hai mươi năm",
        "Một nghìn mười lăm",
        "Không trăm năm",
        "Một trăm linh",
    ],
)
def test_parser_rejects_wrong_style(text: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        parse(text)


# -- properties ------------------------------------------------------------------------------

up_to_1e15 = st.integers(min_value=-(10**15), max_value=10**15)


@given(up_to_1e15)
def test_round_trip(n: int) -> None:
    assert parse(amount_in_words(n)) == n
    assert parse(amount_in_words(n, currency=None)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_non_negative(n: int) -> None:
    assert parse(amount_in_words(n)) == n


@given(st.integers(min_value=10**15, max_value=10**22))
def test_round_trip_beyond_ty_ty(n: int) -> None:
    assert parse(amount_in_words(n, currency=None)) == n


@given(up_to_1e15)
def test_spacing_and_capitalisation(n: int) -> None:
    text = amount_in_words(n)
    assert "  " not in text
    assert text == text.strip()
    assert text[0].isupper()
    assert text[1:] == text[1:].lower()
    assert text.endswith(" đồng")


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_integral_decimal_equals_int(n: int) -> None:
    assert amount_in_words(Decimal(f"{n}.00")) == amount_in_words(n)
