"""The demo councils of 2019 and 2025: seated with demo logins, holding the year-end session
once the round has proposals at the council, idempotent like the rest of the demo."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import User
from tdkt.commendations.constants import CouncilRole, ProposalState, SessionState
from tdkt.commendations.models import BallotReceipt, Council, CouncilSession
from tdkt.demo.council import SEATS
from tdkt.demo.services import demo_data_load
from tdkt.organizations.models import Organization, Person
from tests.commendations.council_helpers import CSTDCS, LineSpec, build_agenda

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Run ``seed_demo`` once for the module; everything is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _agenda(year: int):
    unit = Organization.objects.get(name="Phòng Quản lý Đầu tư")
    people = Person.objects.filter(employments__organization=unit).order_by("full_name")[:2]
    return build_agenda(
        officer=User.objects.get(username="canbo.tdkt"),
        heads={unit.pk: User.objects.get(username="truongphong.dautu")},
        lines=[LineSpec(unit, CSTDCS, person=p) for p in people],
        year=year,
    )


def test_both_councils_are_seated_with_demo_logins(seeded):
    """2019 and 2025 each have the seven seats, chaired by the head of the Board with the
    emulation officer as secretary; no session exists for a round that has not reached the
    council (2025: its only proposal is a draft)."""
    for year in (2019, 2025):
        council = Council.objects.get(year=year)
        seats = {m.user.username: m.role for m in council.members.select_related("user")}
        assert seats == {s.username: s.role for s in SEATS}
        assert seats["lanhdao"] == CouncilRole.CHAIR
        assert seats["canbo.tdkt"] == CouncilRole.SECRETARY
    assert not CouncilSession.objects.filter(round__year=2025).exists()


def test_rounds_at_the_council_get_their_sessions_once(seeded):
    """With the 2019 and 2025 rounds at the council, a new run holds the 2019 session (all
    seven vote, the chair closes, the proposal is voted) and opens the 2025 one for voting;
    a further run writes nothing."""
    old, new = _agenda(2019), _agenda(2025)
    report = demo_data_load(actor=None)
    assert report.created["council_sessions"] == 2
    held = CouncilSession.objects.get(round=old.round)
    assert held.state == SessionState.CLOSED and held.minutes_number == 1
    assert BallotReceipt.objects.filter(session=held).count() == 7
    assert set(held.items.values_list("passed", flat=True)) == {True}
    old.proposals[0].refresh_from_db()
    assert old.proposals[0].state == ProposalState.VOTED
    open_ = CouncilSession.objects.get(round=new.round)
    assert open_.state == SessionState.VOTING
    assert not BallotReceipt.objects.filter(session=open_).exists()
    assert not demo_data_load(actor=None).loaded
