"""The fast number parser of the bulk imports accepts exactly what the shared one accepts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt.documents.importing.columns import CellError, parse_decimal
from tdkt.indicators.importing.parsers import parse_value, vietnamese_decimal


def _outcome(parse, value):
    try:
        return parse(value)
    except CellError as exc:
        return ("error", exc.message)


@given(st.text(alphabet="0123456789.,- \u00a0", max_size=16))
def test_fast_path_agrees_with_the_shared_parser_on_any_text(text):
    """Same value, or the same Vietnamese error, for every string of digits and marks."""
    assert _outcome(vietnamese_decimal, text) == _outcome(parse_decimal, text)


@given(st.one_of(st.integers(-(10**15), 10**15), st.floats(-1e12, 1e12, allow_nan=False)))
def test_fast_path_agrees_on_number_cells(number):
    """Number cells give the same Decimal."""
    assert vietnamese_decimal(number) == parse_decimal(number)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7.700.000.000", Decimal("7700000000")), ("1.234,5", Decimal("1234.5")), ("12,5", 12.5)],
)
def test_contract_examples(text, expected):
    """The contract's examples parse to their values (kept to 6 decimals)."""
    assert parse_value(text) == Decimal(str(expected))
