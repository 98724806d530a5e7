"""Prize money of decision lines (legal-rules §2), with the worked examples of §11."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tdkt.commendations.prize import NOT_PAID_NOTE, PrizeLine, prize_sheet


def one(code: str, decided_on: date, *, kind: str = "individual", year: int = 2025) -> int | None:
    sheet = prize_sheet([PrizeLine(1, "x", kind, code, year)], decided_on=decided_on)
    return sheet.prizes[1].amount


@pytest.mark.parametrize(
    ("example", "code", "kind", "decided_on", "amount"),
    [
        ("1. LĐTT, 2024 base", "advanced_worker", "individual", date(2026, 1, 15), 710_000),
        ("2. LĐTT, 2026 base", "advanced_worker", "individual", date(2026, 7, 10), 760_000),
        ("2. LĐTT, day before", "advanced_worker", "individual", date(2026, 6, 30), 710_000),
        (
            "3. CSTĐCS",
            "grassroots_emulation_fighter",
            "individual",
            date(2024, 12, 20),
            2_340_000,
        ),
        (
            "4. CSTĐ TP",
            "provincial_emulation_fighter",
            "individual",
            date(2026, 3, 2),
            7_020_000,
        ),
        (
            "5. BK Chủ tịch UBND TP",
            "provincial_certificate_of_commendation",
            "individual",
            date(2025, 9, 15),
            3_510_000,
        ),
        ("6. TT LĐXS", "excellent_collective", "collective", date(2026, 1, 15), 3_510_000),
        ("6. TT LĐTT", "advanced_collective", "collective", date(2026, 1, 15), 1_880_000),
    ],
)
def test_worked_examples_of_legal_rules_section_11(example, code, kind, decided_on, amount):
    """Coefficient × base salary on the decision date, rounded up to 10.000 đồng (R2022)."""
    assert one(code, decided_on, kind=kind) == amount, example


def test_r2013_rounds_to_the_nearest_ten_thousand():
    """The Board's 2019 Giấy khen (decision 10/01/2020): 0.3 × 1.490.000 = 447.000 → 450.000
    and 0.6 × 1.490.000 = 894.000 → 890.000 (NĐ 91/2017 Art 68.2 as applied)."""
    sheet = prize_sheet(
        [
            PrizeLine(1, "a", "individual", "certificate_of_merit", 2019),
            PrizeLine(2, "b", "collective", "certificate_of_merit", 2019),
        ],
        decided_on=date(2020, 1, 10),
    )
    assert (sheet.rule_set, sheet.base_salary_vnd) == ("R2013", 1_490_000)
    assert [sheet.prizes[1].amount, sheet.prizes[2].amount] == [450_000, 890_000]
    assert sheet.prizes[1].coefficient == Decimal("0.3")
    assert sheet.total == 1_340_000


def test_an_officer_set_rounding_mode_applies():
    """Parameters officers change reach the money: R2013 set to round up gives 900.000."""
    sheet = prize_sheet(
        [PrizeLine(1, "b", "collective", "certificate_of_merit", 2019)],
        decided_on=date(2020, 1, 10),
        overrides={"R2013:prize.rounding": "ceiling"},
    )
    assert sheet.prizes[1].amount == 900_000


def test_only_the_highest_title_of_a_period_is_paid():
    """LĐTT and CSTĐCS 2025 of the same person in one decision: CSTĐCS is paid, LĐTT not;
    another person's LĐTT and a title of another period are paid."""
    sheet = prize_sheet(
        [
            PrizeLine(1, "anh", "individual", "advanced_worker", 2025),
            PrizeLine(2, "anh", "individual", "grassroots_emulation_fighter", 2025),
            PrizeLine(3, "duc", "individual", "advanced_worker", 2025),
            PrizeLine(4, "anh", "individual", "advanced_worker", 2024),
        ],
        decided_on=date(2026, 1, 15),
    )
    assert sheet.prizes[1].amount == 0 and not sheet.prizes[1].paid
    assert sheet.prizes[1].note == NOT_PAID_NOTE
    assert sheet.prizes[2].amount == 2_340_000
    assert sheet.prizes[3].amount == 710_000
    assert sheet.prizes[4].amount == 710_000
    assert sheet.total == 2_340_000 + 710_000 + 710_000


def test_a_title_and_a_form_are_both_paid():
    """CSTĐCS and a Giấy khen of the same person and year: both paid (Art 49.7)."""
    sheet = prize_sheet(
        [
            PrizeLine(1, "anh", "individual", "grassroots_emulation_fighter", 2025),
            PrizeLine(2, "anh", "individual", "certificate_of_merit", 2025),
        ],
        decided_on=date(2026, 1, 15),
    )
    assert [sheet.prizes[1].amount, sheet.prizes[2].amount] == [2_340_000, 710_000]
    assert sheet.prizes[1].paid and sheet.prizes[2].paid


def test_an_unknown_coefficient_is_never_guessed():
    """A code with no rule for the subject kind has no amount (it is reported, not zero)."""
    sheet = prize_sheet(
        [PrizeLine(1, "x", "collective", "advanced_worker", 2025)], decided_on=date(2026, 1, 15)
    )
    assert sheet.prizes[1].amount is None and sheet.unknown == [1]
