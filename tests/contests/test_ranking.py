"""The contest ranking (plain Python): averages, shared ranks, incomplete entries."""

from __future__ import annotations

from decimal import Decimal

from tdkt.contests.ranking import Marks, average, rank


def test_the_average_is_rounded_half_up_to_two_decimals():
    assert average([Decimal(80), Decimal(85), Decimal(81)]) == Decimal("82.00")
    assert average([Decimal("70.005")]) == Decimal("70.01")
    assert average([]) is None


def test_equal_averages_share_a_rank_and_name_each_other():
    ranked = rank(
        [
            Marks("a", (Decimal(80), Decimal(90)), 2),
            Marks("b", (Decimal(95), Decimal(75)), 2),
            Marks("c", (Decimal(90), Decimal(95)), 2),
            Marks("d", (Decimal(60), Decimal(60)), 2),
        ]
    )
    assert [(r.key, r.rank, r.average) for r in ranked] == [
        ("c", 1, Decimal("92.50")),
        ("a", 2, Decimal("85.00")),
        ("b", 2, Decimal("85.00")),
        ("d", 4, Decimal("60.00")),
    ]
    assert ranked[1].tied_with == ("b",)
    assert ranked[0].tied_with == ()


def test_an_entry_missing_a_mark_is_not_ranked():
    ranked = rank(
        [Marks("late", (Decimal(100),), 3), Marks("done", (Decimal(50),), 1), Marks("none", (), 0)]
    )
    assert [(r.key, r.rank, r.complete) for r in ranked] == [
        ("done", 1, True),
        ("late", None, False),
        ("none", None, False),
    ]
    assert ranked[1].average is None
