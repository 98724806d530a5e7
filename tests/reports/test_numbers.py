"""Figures as the Board's documents print them (always Vietnamese)."""

from __future__ import annotations

from decimal import Decimal

from tdkt.reports.numbers import amount, percent, share, vn
from tdkt.reports.selectors.annual import indicator_sentence
from tdkt.reports.selectors.indicators import IndicatorLine


def test_numbers_group_with_dots_and_use_a_decimal_comma() -> None:
    assert vn(162115) == "162.115"
    assert vn(Decimal("72.615"), 1) == "72,6"
    assert vn(None) == "—"
    assert percent(Decimal("100.0")) == "100 %"
    assert percent(Decimal("6.3")) == "6,3 %"
    assert share(2892, 2922) == Decimal("99.0")
    assert share(1, 0) is None


def test_large_figures_in_words_of_magnitude() -> None:
    assert amount(Decimal(7_702_000_000), "USD") == "7,7 tỷ USD"
    assert amount(242_000_000, "USD") == "242 triệu USD"
    assert amount(15_000_000_000_000, "VND") == "15.000 tỷ đồng"
    assert amount(162_115, "người") == "162.115 người"


def test_an_indicator_reads_like_the_article() -> None:
    line = IndicatorLine(
        code="doanh_thu",
        name="Doanh thu của doanh nghiệp KCN",
        unit="USD",
        organization=None,
        plan=Decimal(7_700_000_000),
        actual=Decimal(7_702_000_000),
        previous_actual=Decimal(7_245_000_000),
        percent_of_plan=Decimal("100.0"),
        growth_percent=Decimal("6.3"),
    )
    assert indicator_sentence(line, 2019) == (
        "Doanh thu của doanh nghiệp KCN đạt 7,7 tỷ USD, đạt 100 % so với kế hoạch năm, "
        "tăng 6,3 % so với năm 2018."
    )
    fell = IndicatorLine(
        **{**line.__dict__, "percent_of_plan": None, "growth_percent": Decimal("-2.5")}
    )
    assert indicator_sentence(fell, 2019).endswith("đạt 7,7 tỷ USD, giảm 2,5 % so với năm 2018.")
