"""The demo's writing contests: last year's published with its winners, this year's open."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.contests.models import Contest
from tdkt.contests.selectors import contest_results, exemplary_models, my_entries

from .test_seed_demo import seeded  # noqa: F401 (the module's seeded database)

pytestmark = pytest.mark.django_db


def test_last_year_s_contest_is_published_with_its_exemplary_models(seeded):  # noqa: F811
    year = timezone.localdate().year
    last = Contest.objects.get(year=year - 1)
    assert last.state == "published"
    results = contest_results(actor=None, contest=last)
    assert results.all_complete and len(results.rows) == 5
    assert results.rows[0].entry.title == "Người thợ cả của xưởng khuôn"
    viewer = User.objects.get(username="xem")
    winners = exemplary_models(actor=viewer)
    assert [e.get_prize_display() for e in winners] == [
        "Giải Nhất",
        "Giải Nhì",
        "Giải Ba",
        "Giải Khuyến khích",
    ]
    client = Client()
    client.force_login(viewer)
    page = client.get(reverse("contests:exemplary-list")).content.decode()
    assert "Người thợ cả của xưởng khuôn" in page


def test_this_year_s_contest_is_open_with_the_units_entries(seeded):  # noqa: F811
    current = Contest.objects.get(year=timezone.localdate().year)
    assert current.state == "open"
    assert current.entries.count() == 3
    head = User.objects.get(username="truongphong.dautu")
    assert [e.title for e in my_entries(actor=head, contest=current)] == [
        "Đồng hành cùng nhà đầu tư mới"
    ]
    assert {j.username for j in current.jurors.all()} == {"hoidong", "hoidong.yen", "lanhdao"}


def test_loading_again_writes_no_contest(seeded):  # noqa: F811
    from collections import Counter

    from tdkt.demo.contests import load_contests

    created: Counter[str] = Counter()
    load_contests(writer=None, orgs={}, created=created)
    assert created["contests"] == 0
