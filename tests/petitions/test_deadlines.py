"""The statutory deadlines, computed in plain Python against the official calendar."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tdkt.core.calendar import WorkingCalendar
from tdkt.petitions.deadlines import (
    RULES,
    DayUnit,
    DeadlineSettings,
    Period,
    acceptance_due,
    extended_due,
    filing_deadline,
    resolution_due,
    resolution_period_name,
)

CAL = WorkingCalendar()
DEFAULT = DeadlineSettings()


def test_a_first_complaint_is_resolved_within_30_days_of_acceptance():
    # Accepted on Monday 02/11/2026: day 30 is Wednesday 02/12/2026, a working day.
    assert resolution_due("complaint", "first", date(2026, 11, 2), DEFAULT, CAL) == date(
        2026, 12, 2
    )


def test_a_calendar_period_ending_on_a_day_off_ends_on_the_next_working_day():
    # 30 days after Thursday 05/11/2026 is Saturday 05/12/2026: the deadline is Monday 07/12.
    assert resolution_due("complaint", "first", date(2026, 11, 5), DEFAULT, CAL) == date(
        2026, 12, 7
    )


def test_a_denunciation_is_accepted_within_7_working_days():
    # Received on Friday 27/11/2026: 7 working days later is Tuesday 08/12/2026.
    assert acceptance_due("denunciation", date(2026, 11, 27), DEFAULT, CAL) == date(2026, 12, 8)


def test_complex_and_remote_complaints_take_the_longer_periods():
    assert resolution_period_name("complaint", "first", complex_case=True, remote=False) == (
        "complaint_first_complex"
    )
    assert resolution_period_name("complaint", "second", complex_case=True, remote=True) == (
        "complaint_second_remote_complex"
    )
    start = date(2026, 3, 2)
    plain = resolution_due("complaint", "first", start, DEFAULT, CAL)
    complex_ = resolution_due("complaint", "first", start, DEFAULT, CAL, complex_case=True)
    second = resolution_due("complaint", "second", start, DEFAULT, CAL)
    assert plain < complex_
    assert plain < second
    # The second round in a remote area, complex case: 70 days by default.
    far = resolution_due("complaint", "second", start, DEFAULT, CAL, complex_case=True, remote=True)
    assert far == CAL.next_working_day(start + timedelta(days=70))


def test_an_extension_adds_its_period_to_the_deadline_already_given():
    # Due Monday 07/12/2026: 30 more days end on Wednesday 06/01/2027.
    assert extended_due(date(2026, 12, 7), DEFAULT, CAL) == date(2027, 1, 6)
    # An extension period changed to 15 working days counts from the same deadline.
    working = DeadlineSettings(periods={"denunciation_extension": Period(15, DayUnit.WORKING)})
    assert extended_due(date(2026, 12, 7), working, CAL) == CAL.add_working_days(
        date(2026, 12, 7), 15
    )


def test_an_officers_value_replaces_the_default():
    working = DeadlineSettings(periods={"complaint_first": Period(30, DayUnit.WORKING)})
    start = date(2026, 11, 2)
    assert resolution_due("complaint", "first", start, working, CAL) == CAL.add_working_days(
        start, 30
    )


def test_the_complaint_filing_period_is_90_days():
    assert filing_deadline(date(2026, 1, 5), DEFAULT, CAL) == CAL.next_working_day(date(2026, 4, 5))


def test_every_rule_names_its_source():
    assert all(rule.source and rule.days > 0 for rule in RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=1, max_value=120),
    unit=st.sampled_from(list(DayUnit)),
)
def test_a_deadline_is_a_working_day_no_earlier_than_the_period(start, days, unit):
    end = Period(days, unit).end(start, CAL)
    assert CAL.is_working_day(end)
    assert end >= start + timedelta(days=days)
    if unit == DayUnit.CALENDAR:
        # Rolled forward only over days off: every day between is a day off.
        nominal = start + timedelta(days=days)
        assert all(
            not CAL.is_working_day(nominal + timedelta(days=n)) for n in range((end - nominal).days)
        )
    else:
        assert CAL.working_days_between(start, end) == days
