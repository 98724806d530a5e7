"""Elections: one open vote per member, quorum, ties, and the result as the year's leadership."""

from __future__ import annotations

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.emulation_groups.constants import ElectionState
from tdkt.emulation_groups.selectors import rotation
from tdkt.emulation_groups.services import (
    election_cancel,
    election_close,
    election_open,
    election_vote,
)
from tdkt.organizations.models import GroupLeadership

from .conftest import YEAR, Block

pytestmark = pytest.mark.django_db


def test_members_elect_the_next_leader_and_the_result_is_the_leadership(block: Block) -> None:
    """Two of three members vote; the most votes lead; the leadership of the year records it
    and the rotation shows it as elected, while 2019 stays "recorded without an election"."""
    # The 2019 leader (Bắc Ninh) runs the election for 2020.
    election = election_open(actor=block.bac_ninh_rep, group=block.group, year=YEAR + 1)
    election_vote(
        actor=block.board_rep, election=election, leader=block.bac_ninh, deputy=block.board
    )
    election_vote(
        actor=block.hai_phong_rep, election=election, leader=block.bac_ninh, deputy=block.board
    )
    closed = election_close(actor=block.bac_ninh_rep, election=election)
    assert closed.state == ElectionState.CLOSED
    leadership = GroupLeadership.objects.get(group=block.group, year=YEAR + 1)
    assert (leadership.leader, leadership.deputy) == (block.bac_ninh, block.board)
    years = {row.year: row for row in rotation(block.group)}
    assert years[YEAR + 1].elected
    assert not years[YEAR].elected and years[YEAR].leader == block.bac_ninh
    assert AuditEvent.objects.filter(event_type=AuditEventType.ELECTION_VOTED).count() == 2


def test_a_member_votes_once_and_only_members_vote(block: Block) -> None:
    election = election_open(actor=block.registry.officer, group=block.group, year=YEAR + 1)
    election_vote(actor=block.board_rep, election=election, leader=block.bac_ninh)
    with pytest.raises(ConflictError):
        election_vote(actor=block.board_rep, election=election, leader=block.hai_phong)
    for actor in (block.outsider, block.registry.officer, block.registry.viewer):
        with pytest.raises(PermissionDeniedError):
            election_vote(actor=actor, election=election, leader=block.bac_ninh)
    with pytest.raises(ApplicationError) as exc:
        election_vote(
            actor=block.hai_phong_rep,
            election=election,
            leader=block.bac_ninh,
            deputy=block.bac_ninh,
        )
    assert "deputy" in exc.value.fields


def test_close_needs_more_than_half_and_refuses_a_tie(block: Block) -> None:
    election = election_open(actor=block.registry.officer, group=block.group, year=YEAR + 1)
    election_vote(actor=block.board_rep, election=election, leader=block.bac_ninh)
    with pytest.raises(ApplicationError):
        election_close(actor=block.registry.officer, election=election)  # 1 of 3
    election_vote(actor=block.bac_ninh_rep, election=election, leader=block.hai_phong)
    with pytest.raises(ApplicationError):
        election_close(actor=block.registry.officer, election=election)  # 1 – 1
    election_cancel(actor=block.registry.officer, election=election)
    again = election_open(actor=block.registry.officer, group=block.group, year=YEAR + 1)
    assert again.pk != election.pk


def test_only_the_outgoing_leader_or_an_officer_runs_the_election(block: Block) -> None:
    for actor in (block.hai_phong_rep, block.board_rep, block.outsider):
        with pytest.raises(PermissionDeniedError):
            election_open(actor=actor, group=block.group, year=YEAR + 1)
    election_open(actor=block.bac_ninh_rep, group=block.group, year=YEAR + 1)
    with pytest.raises(ApplicationError):
        election_open(actor=block.registry.officer, group=block.group, year=YEAR + 1)
