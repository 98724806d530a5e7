"""Review of the contests: marks stay final, the submitting side never scores, a locked or
moved juror neither blocks the contest nor loses a mark, published results are frozen."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tdkt.accounts.constants import Role
from tdkt.contests.models import Entry, Score
from tdkt.contests.selectors import contest_results, jury_queue
from tdkt.contests.services import (
    conflict_declare,
    contest_jury_set,
    entry_prize_set,
    score_set,
)
from tdkt.contests.workflow import contest_transition
from tdkt.core.errors import ApplicationError
from tdkt.notifications.models import Notification
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.services import organization_create
from tests.builders import make_user
from tests.contests.conftest import World, start_judging, submit


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def row_of(w: World, entry: Entry, actor=None):
    return next(
        r for r in contest_results(actor=actor, contest=w.contest).rows if r.entry.pk == entry.pk
    )


def score_all(w: World, entry: Entry, marks: dict) -> None:
    for juror, points in marks.items():
        score_set(actor=juror, entry=entry, points=points)


# 1. A juror added during judging --------------------------------------------------------------


def test_adding_a_juror_keeps_shown_marks_final(judging):
    w, r = judging, judging.r
    entry = w.investment_entry
    score_all(w, entry, {r.council: 60, r.leader: 90, r.planning_head: 80})
    assert row_of(w, entry).complete
    newcomer = make_user("officer2", Role.EMULATION_OFFICER)
    contest_jury_set(
        actor=r.officer, contest=w.contest, jurors=[r.council, r.leader, r.planning_head, newcomer]
    )
    row = row_of(w, entry, actor=r.council)
    assert row.complete and len(row.marks) == 3
    with pytest.raises(ApplicationError):
        score_set(actor=r.council, entry=entry, points=95)
    assert Score.objects.get(entry=entry, juror=r.council).points == 60
    # the newcomer is not expected on it, cannot score it, and it is not in their queue
    with pytest.raises(ApplicationError):
        score_set(actor=newcomer, entry=entry, points=10)
    queue = [row.entry.pk for row in jury_queue(actor=newcomer, contest=w.contest)]
    assert entry.pk not in queue
    assert w.enterprise_entry.pk in queue


def test_a_juror_added_during_judging_is_expected_on_unfinished_entries_and_told(judging):
    w, r = judging, judging.r
    newcomer = make_user("officer2", Role.EMULATION_OFFICER)
    contest_jury_set(
        actor=r.officer, contest=w.contest, jurors=[r.council, r.leader, r.planning_head, newcomer]
    )
    assert newcomer in row_of(w, w.enterprise_entry).expected_jurors
    assert Notification.objects.filter(recipient=newcomer, kind="contest.judging").exists()


# 2. A juror on the submitting side ------------------------------------------------------------


def test_head_of_a_parent_unit_does_not_score_the_entry_of_a_unit_below(w):
    r = w.r
    team = organization_create(
        actor=r.officer,
        name="Tổ Thẩm định dự án",
        kind=OrganizationKind.DEPARTMENT,
        parent=r.investment,
    )
    team_head = make_user("team_head", Role.UNIT_HEAD, team)
    entry = submit(r, w.contest, team_head, team, "Bài của tổ")
    contest_jury_set(
        actor=r.officer,
        contest=w.contest,
        jurors=[r.council, r.leader, r.planning_head, r.investment_head],
    )
    start_judging(w)
    entry.refresh_from_db()
    with pytest.raises(ApplicationError):
        score_set(actor=r.investment_head, entry=entry, points=100)
    with pytest.raises(ApplicationError):
        conflict_declare(actor=r.investment_head, entry=entry, reason="x")
    assert r.investment_head not in row_of(w, entry).expected_jurors


def test_a_juror_does_not_score_the_entry_about_themselves(w):
    r = w.r
    r.council.person = r.anh
    r.council.save()
    entry = submit(r, w.contest, r.investment_head, r.investment, "Về tôi", subject_person=r.anh)
    start_judging(w)
    entry.refresh_from_db()
    with pytest.raises(ApplicationError):
        score_set(actor=r.council, entry=entry, points=100)
    # a board-wide juror still scores the others
    score_set(actor=r.council, entry=w.enterprise_entry, points=70)


# 4. A locked juror ----------------------------------------------------------------------------


def test_a_locked_juror_does_not_block_the_contest(judging):
    w, r = judging, judging.r
    score_set(actor=r.leader, entry=w.enterprise_entry, points=70)
    r.leader.is_active = False
    r.leader.save()
    for entry in (w.investment_entry, w.enterprise_entry, w.planning_entry):
        for juror in (r.council, r.planning_head):
            # (the planning head's own unit is refused)
            with contextlib.suppress(ApplicationError):
                score_set(actor=juror, entry=entry, points=80)
    results = contest_results(actor=None, contest=w.contest)
    assert results.all_complete
    # the leader's mark counts on the entry he scored
    assert row_of(w, w.enterprise_entry).ranked.average == Decimal("76.67")
    # the jury can still change, keeping the locked juror
    newcomer = make_user("officer2", Role.EMULATION_OFFICER)
    contest_jury_set(
        actor=r.officer, contest=w.contest, jurors=[r.council, r.leader, r.planning_head, newcomer]
    )
    with pytest.raises(ApplicationError):
        contest_jury_set(
            actor=r.officer,
            contest=w.contest,
            jurors=[r.council, r.leader, r.planning_head, newcomer, _locked("locked_one")],
        )


def _locked(username: str):
    user = make_user(username, Role.EMULATION_OFFICER)
    user.is_active = False
    user.save()
    return user


def test_the_jury_list_shows_a_locked_juror(w):
    w.r.leader.is_active = False
    w.r.leader.save()
    page = signed_in(w.r.officer).get(
        reverse("contests:contest-detail", kwargs={"uuid": w.contest.uuid})
    )
    assert "Tài khoản đã khoá" in page.content.decode()


# 5. A juror who changes unit ------------------------------------------------------------------


def _publish(w: World) -> None:
    r = w.r
    for entry in (w.investment_entry, w.enterprise_entry, w.planning_entry):
        for juror in (r.council, r.leader, r.planning_head):
            if not Score.objects.filter(entry=entry, juror=juror).exists():
                with contextlib.suppress(ApplicationError):
                    score_set(actor=juror, entry=entry, points=80)
    entry_prize_set(actor=r.officer, entry=w.investment_entry, prize="first")
    w.contest = contest_transition(actor=r.officer, contest=w.contest, to_state="published")


def test_a_mark_stays_when_its_juror_changes_unit(judging):
    w, r = judging, judging.r
    score_all(w, w.investment_entry, {r.council: 50, r.leader: 100, r.planning_head: 60})
    before = row_of(w, w.investment_entry).ranked.average
    r.planning_head.organization = r.investment
    r.planning_head.save()
    w.contest.refresh_from_db()
    assert row_of(w, w.investment_entry).ranked.average == before == Decimal("70.00")


def test_published_averages_and_ranks_are_frozen(judging):
    w, r = judging, judging.r
    score_all(w, w.investment_entry, {r.council: 50, r.leader: 100, r.planning_head: 60})
    _publish(w)
    w.investment_entry.refresh_from_db()
    assert w.investment_entry.final_average == Decimal("70.00")
    assert w.investment_entry.final_rank is not None
    # a mark changed behind the service's back (or a juror's unit change) moves nothing
    Score.objects.filter(entry=w.investment_entry, juror=r.leader).update(points=0)
    row = row_of(w, w.investment_entry)
    assert row.ranked.average == Decimal("70.00")
    assert row.ranked.rank == w.investment_entry.final_rank


def test_the_entry_page_offers_no_score_form_to_the_submitting_side(w):
    r = w.r
    team = organization_create(
        actor=r.officer,
        name="Tổ Thẩm định dự án",
        kind=OrganizationKind.DEPARTMENT,
        parent=r.investment,
    )
    team_head = make_user("team_head", Role.UNIT_HEAD, team)
    entry = submit(r, w.contest, team_head, team, "Bài của tổ")
    contest_jury_set(
        actor=r.officer,
        contest=w.contest,
        jurors=[r.council, r.leader, r.planning_head, r.investment_head],
    )
    start_judging(w)
    page = signed_in(r.investment_head).get(
        reverse("contests:entry-detail", kwargs={"uuid": entry.uuid})
    )
    html = page.content.decode()
    assert "Bạn ở phía gửi bài" in html
    assert 'name="points"' not in html and 'name="reason"' not in html
