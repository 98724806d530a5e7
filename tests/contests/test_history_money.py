"""Review of the contests: prize money in the history reads as đồng."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tdkt.contests.services import contest_update
from tests.contests.conftest import new_contest


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail(user, contest) -> str:
    url = reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})
    return signed_in(user).get(url).content.decode()


# 8. Money in the history ----------------------------------------------------------------------


def test_prize_money_in_the_history_reads_as_dong(registry):
    r = registry
    contest = new_contest(r)
    contest_update(actor=r.officer, contest=contest, first_amount=3_500_000)
    history = detail(r.officer, contest).split("Lịch sử thay đổi", 1)[1]
    assert "3.500.000 đồng" in history
    assert "3000000" not in history and "3500000" not in history
