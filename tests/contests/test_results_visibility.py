"""Review of the contests: who reads the judging table and the jury's names."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tdkt.audit.models import AuditEvent
from tdkt.contests.models import Entry
from tdkt.contests.selectors import contest_results
from tdkt.contests.services import (
    contest_jury_set,
    score_set,
)
from tdkt.organizations.selectors.history import audit_events_recent
from tests.contests.conftest import World, new_contest, start_judging


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


# 3. Results while the contest is open ---------------------------------------------------------


def test_a_juror_does_not_read_the_results_while_entries_come_in(w):
    client = signed_in(w.r.council)
    url = reverse("contests:contest-results", kwargs={"uuid": w.contest.uuid})
    assert client.get(url).status_code == 404
    assert contest_results(actor=w.r.council, contest=w.contest).rows == []
    detail = client.get(reverse("contests:contest-detail", kwargs={"uuid": w.contest.uuid}))
    assert url not in detail.content.decode()
    start_judging(w)
    assert client.get(url).status_code == 200


# 7. Who reads the jury's names ----------------------------------------------------------------


def test_a_leader_not_on_the_jury_does_not_read_its_names_in_the_history(registry):
    r = registry
    contest = new_contest(r)
    contest_jury_set(actor=r.officer, contest=contest, jurors=[r.council, r.planning_head])
    page = signed_in(r.leader).get(
        reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})
    )
    assert "planning_head" not in page.content.decode()
    recent = audit_events_recent(actor=r.leader, limit=50)
    assert not [e for e in recent if e.event_type == "contest.jury_set"]
    assert AuditEvent.objects.filter(event_type="contest.jury_set").exists()
    officer_page = signed_in(r.officer).get(
        reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})
    )
    assert "Lịch sử thay đổi" in officer_page.content.decode()
