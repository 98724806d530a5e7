"""Values print the Vietnamese way: dates, countries, amounts; CCCD and birth dates masked for
readers who do not need them (decisions 0051, 0053)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.utils import translation

from tdkt.accounts.privacy import mask_citizen_id, sees_personal_data
from tdkt.web.templatetags.vn_format import amount, country, money, vn_date


def test_dates_are_day_month_year_in_local_time():
    """A date prints dd/mm/yyyy; a UTC timestamp late on the 30th is already the 1st in Hanoi."""
    assert vn_date(date(2025, 4, 30)) == "30/04/2025"
    assert vn_date(datetime(2025, 4, 30, 20, 0, tzinfo=UTC)) == "01/05/2025"
    assert vn_date(None) == "—"


def test_countries_are_named_in_the_reader_language():
    """VN is Việt Nam, JP Nhật Bản; in English Vietnam, Japan; an unknown code stays as typed."""
    assert country("VN") == "Việt Nam"
    assert country("jp") == "Nhật Bản"
    with translation.override("en"):
        assert country("VN") in ("Vietnam", "Viet Nam")
    assert country("") == "—"
    assert country("XX") == "XX"


def test_amounts_are_grouped_the_vietnamese_way():
    """45000000 USD reads 45.000.000 USD; đồng is written out; English groups with commas."""
    assert money(Decimal("45000000.00"), "USD") == "45.000.000 USD"
    assert money(1234567) == "1.234.567 đồng"
    assert amount(1500) == "1.500"
    with translation.override("en"):
        assert money(Decimal("45000000"), "USD") == "45,000,000 USD"
    assert money(None, "USD") == "—"


def test_citizen_id_mask_keeps_the_last_three_digits():
    """A masked CCCD shows its length and last three digits only."""
    assert mask_citizen_id("001190004567") == "•••••••••567"
    assert mask_citizen_id("") == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("admin", True),
        ("officer", True),
        ("investment_head", True),
        ("leader", False),
        ("council", False),
        ("viewer", False),
    ],
)
def test_who_sees_a_person_in_full(registry, name, full):
    """Those who may change Ánh's records see the full CCCD and birth date; other readers see
    the last three digits and the year (the template tags used by the pages)."""
    anh = registry.anh
    anh.citizen_id, anh.date_of_birth = "001190004567", date(1990, 4, 2)
    user = getattr(registry, name)
    html = Template("{% load vn_format %}{% citizen_id_for p u %}|{% birth_date_for p u %}").render(
        Context({"p": anh, "u": user})
    )
    assert html == ("001190004567|02/04/1990" if full else "•••••••••567|sinh năm 1990")
    assert sees_personal_data(user, person_id=anh.pk) is full


@pytest.mark.django_db
def test_a_person_sees_their_own_data_and_nobody_anonymous_does(registry):
    """The viewer linked to Ánh sees Ánh in full (not Đức); an anonymous visitor sees nothing."""
    viewer = registry.viewer
    viewer.person = registry.anh
    assert sees_personal_data(viewer, person_id=registry.anh.pk)
    assert not sees_personal_data(viewer, person_id=registry.duc.pk)
    assert not sees_personal_data(AnonymousUser(), person_id=registry.anh.pk)


def test_every_writer_reads_exactly_the_people_it_may_change():
    """Privacy lets any writer see the people it can read in full because a writer's read and
    write scopes are the same (checked against the code by the scope-matrix tests); a role
    reading more than it writes would need a per-person check instead."""
    from tests.scope_matrix import READS, USERS, WRITES

    writers = [user for user in USERS if WRITES[user]["people"]]
    assert writers
    assert all(READS[user]["people"] == WRITES[user]["people"] for user in writers)
