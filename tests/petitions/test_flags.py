"""A proposal line is flagged while an accepted complaint or denunciation concerns its
recipient (NĐ 152/2025 Art 4), and no longer once it is resolved."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.commendations.constants import RoundKind
from tdkt.commendations.flags import FLAG_LABELS, line_flags
from tdkt.commendations.models import Proposal, ProposalLine, Round
from tdkt.petitions.constants import Outcome
from tdkt.petitions.services import (
    petition_accept,
    petition_resolve,
    petition_set_concerned,
)
from tdkt.rules.codes import ADVANCED_COLLECTIVE, ADVANCED_WORKER

pytestmark = pytest.mark.django_db


def test_lines_of_a_recipient_under_verification_are_flagged(registry, denunciation):
    round_ = Round.objects.create(
        name="Tổng kết năm 2026",
        kind=RoundKind.YEAR_END,
        year=2026,
        unit_deadline=date(2026, 12, 15),
    )
    proposal = Proposal.objects.create(round=round_, organization=registry.investment)
    anh = ProposalLine.objects.create(proposal=proposal, person=registry.anh, code=ADVANCED_WORKER)
    duc = ProposalLine.objects.create(proposal=proposal, person=registry.duc, code=ADVANCED_WORKER)
    unit = ProposalLine.objects.create(
        proposal=proposal, organization=registry.investment, code=ADVANCED_COLLECTIVE
    )
    named = petition_set_concerned(
        actor=registry.officer,
        petition=denunciation,
        expected_version=denunciation.version,
        person=registry.anh,
    )
    # Received but not accepted: not yet being verified.
    assert all("under_verification" not in f for f in line_flags(proposal).values())
    accepted = petition_accept(
        actor=registry.officer,
        petition=named,
        expected_version=named.version,
        accepted_on=date(2026, 11, 3),
    )
    flags = line_flags(proposal)
    assert "under_verification" in flags[anh.pk]
    assert "under_verification" not in flags[duc.pk]
    assert "under_verification" not in flags[unit.pk]
    assert FLAG_LABELS["under_verification"]
    petition_resolve(
        actor=registry.officer,
        petition=accepted,
        expected_version=accepted.version,
        ended_on=date(2026, 11, 20),
        outcome=Outcome.REJECTED,
        resolution_number="20/KL-BQL",
        resolution_text="Tố cáo sai.",
    )
    assert all("under_verification" not in f for f in line_flags(proposal).values())
