"""Review of the contests: the plan's date and number."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tdkt.contests.services import contest_update
from tdkt.core.errors import ApplicationError
from tests.contests.conftest import new_contest


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail(user, contest) -> str:
    url = reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})
    return signed_in(user).get(url).content.decode()


# 9. Plan date and number ----------------------------------------------------------------------


def test_a_plan_date_out_of_the_calendar_is_refused(registry):
    r = registry
    contest = new_contest(r)
    with pytest.raises(ApplicationError) as caught:
        contest_update(actor=r.officer, contest=contest, plan_date=date(1, 1, 1))
    assert "plan_date" in caught.value.fields


def test_a_plan_number_takes_ascii_digits_only(registry):
    with pytest.raises(ApplicationError):
        new_contest(registry, plan_number="١٤٤٥/KH-BQL")
    assert new_contest(registry, plan_number="163/KH-BQL").plan_number == "163/KH-BQL"
