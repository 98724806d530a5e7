"""The demo councils of 2019 and 2025: seated with demo logins, the 2019 session held through
the ballot services, the 2025 one open for voting, idempotent like the rest of the demo."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.commendations.constants import CouncilRole, ProposalState, SessionState
from tdkt.commendations.models import BallotReceipt, Council, CouncilSession, Proposal
from tdkt.demo.council import SEATS
from tdkt.demo.services import demo_data_load

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Run ``seed_demo`` once for the module; everything is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_both_councils_are_seated_with_demo_logins(seeded):
    """2019 and 2025 each have the seven seats, chaired by the head of the Board with the
    emulation officer as secretary."""
    for year in (2019, 2025):
        council = Council.objects.get(year=year)
        seats = {m.user.username: m.role for m in council.members.select_related("user")}
        assert seats == {s.username: s.role for s in SEATS}
        assert seats["lanhdao"] == CouncilRole.CHAIR
        assert seats["canbo.tdkt"] == CouncilRole.SECRETARY


def test_the_2019_session_was_held_by_secret_ballot(seeded):
    """Seven ballots (receipts only), a few members dissenting on a line so the counters show
    a real vote, every line passed, the minutes numbered 01 and every 2019 proposal past it."""
    held = CouncilSession.objects.get(round__year=2019)
    assert held.state == SessionState.CLOSED and held.minutes_number == 1
    assert held.starts_at.date().isoformat() == "2019-12-20"
    assert BallotReceipt.objects.filter(session=held).count() == 7
    items = list(held.items.all())
    assert len(items) >= 25
    assert {item.passed for item in items} == {True}
    assert {item.yes_count + item.no_count for item in items} == {7}
    assert any(item.no_count == 1 for item in items)
    states = set(Proposal.objects.filter(round__year=2019).values_list("state", flat=True))
    assert states == {ProposalState.DECIDED}


def test_the_2025_session_is_open_for_the_members(seeded):
    """The office's appraised list is on the 2025 agenda; voting is open and nobody has voted
    yet, so a council member has a ballot waiting on a fresh ``make run``."""
    open_ = CouncilSession.objects.get(round__year=2025)
    assert open_.state == SessionState.VOTING
    assert not BallotReceipt.objects.filter(session=open_).exists()
    agenda = {item.line.proposal.organization.name for item in open_.items.all()}
    assert agenda == {"Văn phòng"}


def test_a_second_run_writes_no_session_or_ballot(seeded):
    """The councils, their sessions and ballots are found again and left alone."""
    before = (CouncilSession.objects.count(), BallotReceipt.objects.count())
    assert not demo_data_load(actor=None).loaded
    assert (CouncilSession.objects.count(), BallotReceipt.objects.count()) == before
