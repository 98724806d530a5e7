"""A published ranking proposes its leading members to a commendation round (decision 0615)."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.commendations.constants import RoundKind
from tdkt.commendations.models import ProposalLine
from tdkt.commendations.services.rounds import round_create
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.emulation_groups.services import (
    election_open,
    election_vote,
    pledge_publish,
    pledge_sign,
    ranking_propose,
    score_self_assess,
)

from .conftest import Block, Scale

pytestmark = pytest.mark.django_db

BANG_KHEN = "provincial_certificate_of_commendation"


def _round(block: Block):
    return round_create(
        actor=block.registry.officer,
        name="Khen thưởng tổng kết năm 2019",
        kind=RoundKind.YEAR_END,
        year=2019,
        accepted_codes=[BANG_KHEN, "advanced_collective"],
        unit_deadline=date(2019, 12, 10),
    )


def test_leading_members_in_scope_are_proposed_through_the_workflow(
    block: Block, scale: Scale
) -> None:
    """The Board leads the ranking; the officer proposes the first member: the Board's
    proposal in the round gets a collective line with its position and total."""
    score_self_assess(
        actor=block.board_rep, criterion=scale.work, organization=block.board, points="50"
    )
    score_self_assess(
        actor=block.bac_ninh_rep, criterion=scale.work, organization=block.bac_ninh, points="40"
    )
    round_ = _round(block)
    with pytest.raises(ApplicationError):  # not published yet
        ranking_propose(
            actor=block.registry.officer, pledge=scale.pledge, round=round_, code=BANG_KHEN, top=1
        )
    pledge = pledge_publish(actor=block.registry.officer, pledge=scale.pledge)
    with pytest.raises(PermissionDeniedError):
        ranking_propose(
            actor=block.hai_phong_rep, pledge=pledge, round=round_, code=BANG_KHEN, top=1
        )
    added = ranking_propose(
        actor=block.registry.officer, pledge=pledge, round=round_, code=BANG_KHEN, top=1
    )
    assert added == [block.board]
    line = ProposalLine.objects.get(organization=block.board, code=BANG_KHEN)
    assert line.proposal.round == round_
    assert "Xếp thứ 1/3" in line.achievement and "100" in line.achievement


def test_a_code_the_round_does_not_accept_is_refused_by_the_workflow(
    block: Block, scale: Scale
) -> None:
    pledge = pledge_publish(actor=block.registry.officer, pledge=scale.pledge)
    with pytest.raises(ApplicationError):
        ranking_propose(
            actor=block.registry.officer,
            pledge=pledge,
            round=_round(block),
            code="provincial_emulation_flag",
            top=1,
        )
    assert not ProposalLine.objects.exists()


def test_only_the_system_names_the_member_it_acts_for(block: Block, scale: Scale) -> None:
    """A user may not sign, score or vote for another member by naming it (decision 0613)."""
    with pytest.raises(PermissionDeniedError):
        pledge_sign(actor=block.bac_ninh_rep, pledge=scale.pledge, organization=block.hai_phong)
    election = election_open(actor=block.registry.officer, group=block.group, year=2020)
    with pytest.raises(PermissionDeniedError):
        election_vote(
            actor=block.bac_ninh_rep,
            election=election,
            voter=block.hai_phong,
            leader=block.bac_ninh,
        )
    vote = election_vote(
        actor=None, election=election, voter=block.hai_phong, leader=block.bac_ninh
    )
    assert vote.voter == block.hai_phong and vote.cast_by is None
