"""Review of the contests: only the moves that can succeed are offered; the jury form keeps
its jurors."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.contests.conftest import new_contest


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail(user, contest) -> str:
    url = reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})
    return signed_in(user).get(url).content.decode()


# 11. Only the actions that can succeed --------------------------------------------------------


def test_no_publish_button_while_entries_are_incomplete(judging):
    html = detail(judging.r.officer, judging.contest)
    assert "Công bố kết quả</button>" not in html
    assert "Còn bài dự thi chưa đủ điểm" in html


def test_no_open_button_after_the_closing_day(registry):
    today = timezone.localdate()
    contest = new_contest(
        registry,
        opens_on=today - timedelta(days=20),
        closes_on=today - timedelta(days=1),
        plan_date=today - timedelta(days=30),
    )
    html = detail(registry.officer, contest)
    assert "Mở nhận bài</button>" not in html
    assert "Hạn cuối nhận bài đã qua" in html


def test_the_jury_form_always_lists_the_current_jurors(w, monkeypatch):
    from tdkt.contests import selectors

    monkeypatch.setattr(selectors, "JUROR_CANDIDATES_LIMIT", 1)
    candidates = selectors.juror_candidates(actor=w.r.officer, contest=w.contest)
    for juror in (w.r.council, w.r.leader, w.r.planning_head):
        assert juror in candidates
