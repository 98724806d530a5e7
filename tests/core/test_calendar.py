"""Working-day calendar: known Vietnamese deadlines by hand, then properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt.core.calendar import (
    KNOWN_OVERRIDES,
    MAX_YEAR,
    MIN_YEAR,
    CalendarOverride,
    WorkingCalendar,
    local_date,
)

CAL = WorkingCalendar()

# (received, n working days, due, why). Dates checked by hand against the published schedules.
DUE_DATES = [
    (date(2025, 3, 7), 5, date(2025, 3, 14), "Friday + 5 skips one weekend"),
    (date(2025, 3, 8), 1, date(2025, 3, 10), "received Saturday: Monday is day 1"),
    (date(2025, 3, 7), 0, date(2025, 3, 7), "n=0 returns start"),
    (date(2025, 3, 8), 0, date(2025, 3, 8), "n=0 returns start even on a day off"),
    (date(2025, 4, 29), 1, date(2025, 5, 5), "30/4, 1/5, swapped 2/5 and the weekend are off"),
    (date(2025, 4, 29), 3, date(2025, 5, 7), "across 30/4–1/5/2025"),
    (date(2025, 4, 25), 1, date(2025, 4, 26), "make-up Saturday 26/4/2025 is a working day"),
    (date(2025, 4, 25), 4, date(2025, 5, 5), "26/4, 28/4, 29/4, then 5/5"),
    (date(2025, 4, 4), 1, date(2025, 4, 8), "Giỗ Tổ Hùng Vương, Monday 7/4/2025"),
    (date(2025, 1, 24), 1, date(2025, 2, 3), "Tết Ất Tỵ: 25/1–2/2/2025 off"),
    (date(2025, 1, 24), 5, date(2025, 2, 7), "across Tết 2025"),
    (date(2025, 8, 29), 1, date(2025, 9, 3), "Quốc khánh 2025: 1/9 and 2/9 off"),
    (date(2024, 12, 31), 1, date(2025, 1, 2), "Tết Dương lịch, across the year end"),
    (date(2024, 12, 20), 10, date(2025, 1, 6), "10 days across the year end"),
    (date(2024, 2, 7), 1, date(2024, 2, 15), "Tết Giáp Thìn: 8/2–14/2/2024 off"),
    (date(2024, 4, 26), 1, date(2024, 5, 2), "29/4/2024 swapped off, 30/4, 1/5"),
    (date(2024, 4, 26), 3, date(2024, 5, 4), "make-up Saturday 4/5/2024 counts"),
    (date(2024, 4, 26), 4, date(2024, 5, 6), "after the make-up Saturday"),
    (date(2023, 4, 28), 1, date(2023, 5, 4), "2023: Hùng Kings on Sat 29/4, days in lieu 2–3/5"),
    (date(2022, 12, 30), 1, date(2023, 1, 3), "1/1/2023 Sunday, day in lieu Monday 2/1"),
    (date(2019, 1, 4), 1, date(2019, 1, 5), "make-up Saturday 5/1/2019"),
]


@pytest.mark.parametrize(("start", "n", "due", "why"), DUE_DATES, ids=[c[3] for c in DUE_DATES])
def test_known_due_dates(start: date, n: int, due: date, why: str) -> None:
    assert CAL.add_working_days(start, n) == due, why
    assert CAL.working_days_between(start, due) == n, why


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 4, 26), True),  # make-up Saturday
        (date(2025, 4, 27), False),  # plain Sunday
        (date(2025, 5, 2), False),  # swapped Friday
        (date(2025, 1, 27), False),  # 28 Chạp, day in lieu for mùng 4 on a Saturday
        (date(2025, 1, 31), False),  # mùng 3 Tết
        (date(2025, 2, 3), True),
        (date(2025, 9, 1), False),
        (date(2025, 9, 2), False),
        (date(2025, 9, 3), True),
        (date(2024, 5, 4), True),
        (date(2024, 4, 29), False),
        (date(2025, 3, 12), True),
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


def test_database_override_across_tet() -> None:
    """An extra day off announced later (as the Django side would load it) moves deadlines."""
    extra = CalendarOverride(date(2025, 2, 3), "day_off", "giả định: nghỉ thêm mùng 6")
    cal = WorkingCalendar([extra])
    assert not cal.is_working_day(date(2025, 2, 3))
    assert cal.add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 4)
    assert cal.working_days_between(date(2025, 1, 24), date(2025, 2, 7)) == 4
    assert CAL.add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)  # others unaffected


def test_make_up_saturday_override() -> None:
    cal = WorkingCalendar(
        [
            CalendarOverride(date(2030, 3, 15), "day_off", "giả định"),  # Friday
            CalendarOverride(date(2030, 3, 23), "working_day", "giả định"),  # Saturday
        ]
    )
    assert cal.add_working_days(date(2030, 3, 14), 1) == date(2030, 3, 18)
    assert cal.add_working_days(date(2030, 3, 22), 1) == date(2030, 3, 23)
    assert cal.working_days_between(date(2030, 3, 10), date(2030, 3, 24)) == 10


def test_later_override_wins() -> None:
    """Rows from the database come after KNOWN_OVERRIDES and may correct one of them."""
    fix = CalendarOverride(date(2025, 4, 26), "day_off", "sửa")
    assert not WorkingCalendar([fix]).is_working_day(date(2025, 4, 26))
    both = [
        CalendarOverride(date(2025, 3, 12), "day_off"),
        CalendarOverride(date(2025, 3, 12), "working_day"),
    ]
    assert WorkingCalendar(both).is_working_day(date(2025, 3, 12))


def test_known_overrides_are_swaps_in_pairs() -> None:
    offs = [o for o in KNOWN_OVERRIDES if o.kind == "day_off"]
    works = [o for o in KNOWN_OVERRIDES if o.kind == "working_day"]
    assert len(offs) == len(works)
    assert all(o.day.weekday() < 5 for o in offs)
    assert all(o.day.weekday() == 5 for o in works)
    assert all(o.note for o in KNOWN_OVERRIDES)


def test_known_overrides_agree_with_holidays_package() -> None:
    """The shipped table repeats the package; if they ever disagree, a human must look."""
    bare = WorkingCalendar(include_known=False)
    for row in KNOWN_OVERRIDES:
        assert bare.is_working_day(row.day) is (row.kind == "working_day"), row


def test_working_days_between_edges() -> None:
    a, b = date(2025, 3, 7), date(2025, 3, 14)
    assert CAL.working_days_between(a, a) == 0
    assert CAL.working_days_between(b, a) == -5
    assert CAL.working_days_between(date(2025, 3, 8), date(2025, 3, 9)) == 0
    # whole year 2025: 365 days, 104 weekend days, 12 weekday holidays (incl. the swapped
    # 2/5 and 27/1 in lieu of mùng 4 on a Saturday), plus the make-up Saturday 26/4.
    assert CAL.working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 365 - 104 - 12 + 1


def test_next_working_day_rolls_forward_only_days_off() -> None:
    assert CAL.next_working_day(date(2025, 3, 12)) == date(2025, 3, 12)
    assert CAL.next_working_day(date(2025, 3, 8)) == date(2025, 3, 10)
    assert CAL.next_working_day(date(2025, 4, 30)) == date(2025, 5, 5)
    assert CAL.next_working_day(date(2025, 4, 26)) == date(2025, 4, 26)


def test_rejects_datetimes_and_bad_input() -> None:
    with pytest.raises(TypeError):
        CAL.is_working_day(datetime(2025, 3, 7, 12, tzinfo=UTC))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CAL.add_working_days(date(2025, 3, 7), 1.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n must be"):
        CAL.add_working_days(date(2025, 3, 7), -1)
    with pytest.raises(ValueError, match="kind"):
        CalendarOverride(date(2025, 3, 7), "holiday")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CalendarOverride(datetime(2025, 3, 7, tzinfo=UTC), "day_off")
    with pytest.raises(TypeError):
        WorkingCalendar([(date(2025, 3, 7), "day_off")])  # type: ignore[list-item]


def test_years_outside_the_supported_range_are_refused() -> None:
    with pytest.raises(ValueError, match="covers"):
        CAL.is_working_day(date(MAX_YEAR + 1, 1, 5))
    with pytest.raises(ValueError, match="covers"):
        CAL.is_working_day(date(MIN_YEAR - 1, 6, 1))


def test_local_date_uses_vietnam_time() -> None:
    # 18:30 UTC on 6 March is already 01:30 on 7 March in Hà Nội.
    assert local_date(datetime(2025, 3, 6, 18, 30, tzinfo=UTC)) == date(2025, 3, 7)
    with pytest.raises(ValueError, match="aware"):
        local_date(datetime(2025, 3, 6, 18, 30))  # noqa: DTZ001


# -- properties ------------------------------------------------------------------------------

dates = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(2095, 12, 31))
counts = st.integers(min_value=0, max_value=400)


@given(dates, st.integers(min_value=1, max_value=400))
def test_result_is_a_working_day(start: date, n: int) -> None:
    assert CAL.is_working_day(CAL.add_working_days(start, n))


@given(dates, counts)
def test_strictly_increasing_in_n(start: date, n: int) -> None:
    assert CAL.add_working_days(start, n) < CAL.add_working_days(start, n + 1)


@given(dates, counts)
def test_between_inverts_add(start: date, n: int) -> None:
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


@given(dates, st.integers(min_value=1, max_value=30))
def test_add_matches_naive_day_by_day_walk(start: date, n: int) -> None:
    day, left = start, n
    while left:
        day += timedelta(days=1)
        left -= CAL.is_working_day(day)
    assert CAL.add_working_days(start, n) == day


@given(dates, dates)
def test_between_is_antisymmetric_and_additive(a: date, b: date) -> None:
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)
    mid = min(a, b) + (max(a, b) - min(a, b)) / 2
    lo, hi = min(a, b), max(a, b)
    assert CAL.working_days_between(lo, hi) == CAL.working_days_between(
        lo, mid
    ) + CAL.working_days_between(mid, hi)


@given(dates)
def test_next_working_day(d: date) -> None:
    nxt = CAL.next_working_day(d)
    assert CAL.is_working_day(nxt)
    assert nxt >= d
    if nxt != d:
        assert not CAL.is_working_day(d)
        assert CAL.working_days_between(d, nxt - timedelta(days=1)) == 0
