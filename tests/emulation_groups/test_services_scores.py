"""Self-assessment, review, ranking and publication of a block's pledge."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.emulation_groups.constants import CriterionKind, PledgeState
from tdkt.emulation_groups.scoring import pledge_ranking
from tdkt.emulation_groups.selectors import pledge_board
from tdkt.emulation_groups.services import (
    criterion_add,
    pledge_open,
    pledge_publish,
    pledge_sign,
    score_review,
    score_self_assess,
)

from .conftest import Block, Scale, build_scale

pytestmark = pytest.mark.django_db


def _assess(block: Block, scale: Scale, rep, org, work: str, investment: str, **extra: str):
    score_self_assess(actor=rep, criterion=scale.work, organization=org, points=work)
    score_self_assess(actor=rep, criterion=scale.investment, organization=org, points=investment)
    for key, criterion in (("bonus", scale.bonus), ("penalty", scale.penalty)):
        if key in extra:
            score_self_assess(actor=rep, criterion=criterion, organization=org, points=extra[key])


def test_total_is_weighted_plus_bonus_minus_penalty(block: Block, scale: Scale) -> None:
    """A member's total is Σ weight × points, plus bonus, minus penalty."""
    _assess(block, scale, block.bac_ninh_rep, block.bac_ninh, "45", "28.5", bonus="3", penalty="1")
    rows = {row.organization.pk: row for row in pledge_board(scale.pledge).rows}
    assert rows[block.bac_ninh.pk].total == Decimal("120.50")  # 2×45 + 28.5 + 3 − 1
    assert rows[block.hai_phong.pk].total == Decimal("0")  # nothing assessed counts 0


def test_members_self_assess_only_their_own_unit(block: Block, scale: Scale) -> None:
    """A member's representative may not score another member, an outsider not at all, and
    the refusal comes before the points are checked."""
    for actor, org in (
        (block.bac_ninh_rep, block.hai_phong),
        (block.outsider, block.hai_phong),
        (block.registry.officer, block.board),
    ):
        with pytest.raises(PermissionDeniedError):
            score_self_assess(actor=actor, criterion=scale.work, organization=org, points="-9")


def test_points_above_the_maximum_are_refused(block: Block, scale: Scale) -> None:
    with pytest.raises(ApplicationError) as exc:
        score_self_assess(
            actor=block.hai_phong_rep,
            criterion=scale.work,
            organization=block.hai_phong,
            points="50.01",
        )
    assert "points" in exc.value.fields


def test_only_the_leader_reviews_and_a_change_needs_a_reason(block: Block, scale: Scale) -> None:
    """The leading member (Bắc Ninh in 2019) adjusts a score with a reason, audited before and
    after; the deputy, another member and the officer are refused."""
    score = score_self_assess(
        actor=block.hai_phong_rep,
        criterion=scale.work,
        organization=block.hai_phong,
        points="48",
    )
    for actor in (block.hai_phong_rep, block.board_rep, block.registry.officer):
        with pytest.raises(PermissionDeniedError):
            score_review(actor=actor, score=score, points="40", reason="x")
    with pytest.raises(ApplicationError) as exc:
        score_review(actor=block.bac_ninh_rep, score=score, points="40")
    assert "reason" in exc.value.fields
    reviewed = score_review(
        actor=block.bac_ninh_rep, score=score, points="40", reason="Thiếu minh chứng quý IV"
    )
    assert reviewed.points == Decimal("40")
    event = AuditEvent.objects.filter(event_type=AuditEventType.PLEDGE_REVIEWED).get()
    assert event.changes["points"] == ["48.00", "40"]
    assert event.changes["reason"][1] == "Thiếu minh chứng quý IV"
    with pytest.raises(ConflictError):
        score_self_assess(
            actor=block.hai_phong_rep,
            criterion=scale.work,
            organization=block.hai_phong,
            points="50",
        )


def test_tie_is_broken_by_the_declared_rules_in_order(block: Block, scale: Scale) -> None:
    """Equal totals: the first declared rule (investment points) decides, and says so."""
    _assess(block, scale, block.bac_ninh_rep, block.bac_ninh, "40", "20")  # 100
    _assess(block, scale, block.hai_phong_rep, block.hai_phong, "35", "30")  # 100
    rows = pledge_board(scale.pledge).rows
    assert [row.organization for row in rows[:2]] == [block.hai_phong, block.bac_ninh]
    assert "Thu hút đầu tư" in rows[0].explanation
    assert "30,00" in rows[0].explanation and "20,00" in rows[0].explanation


def test_publish_needs_every_signature_and_freezes_scores(block: Block) -> None:
    scale = build_scale(block, open_and_sign=False)
    pledge = pledge_open(actor=block.registry.officer, pledge=scale.pledge)
    pledge_sign(actor=block.bac_ninh_rep, pledge=pledge)
    with pytest.raises(ApplicationError):
        pledge_publish(actor=block.bac_ninh_rep, pledge=pledge)
    pledge_sign(actor=block.board_rep, pledge=pledge)
    pledge_sign(actor=block.hai_phong_rep, pledge=pledge)
    with pytest.raises(ConflictError):
        pledge_sign(actor=block.hai_phong_rep, pledge=pledge)
    with pytest.raises(PermissionDeniedError):
        pledge_publish(actor=block.hai_phong_rep, pledge=pledge)
    published = pledge_publish(actor=block.bac_ninh_rep, pledge=pledge)
    assert published.state == PledgeState.PUBLISHED
    event = AuditEvent.objects.filter(event_type=AuditEventType.PLEDGE_PUBLISHED).get()
    assert len(event.changes["ranking"][1]) == 3
    with pytest.raises(ConflictError):
        score_self_assess(
            actor=block.board_rep, criterion=scale.work, organization=block.board, points="1"
        )


def test_scale_is_frozen_once_open_and_stale_forms_are_refused(block: Block) -> None:
    scale = build_scale(block, open_and_sign=False)
    with pytest.raises(ConflictError):
        criterion_add(
            actor=block.registry.officer,
            pledge=scale.pledge,
            kind=CriterionKind.SCORED,
            text="Mới",
            max_points="10",
            expected_version=scale.pledge.version - 1,
        )
    opened = pledge_open(actor=block.registry.officer, pledge=scale.pledge)
    with pytest.raises(ConflictError):
        criterion_add(
            actor=block.registry.officer,
            pledge=opened,
            kind=CriterionKind.SCORED,
            text="Mới",
            max_points="10",
        )


def test_ranking_of_the_service_matches_the_page(block: Block, scale: Scale) -> None:
    _assess(block, scale, block.board_rep, block.board, "50", "30", bonus="5")
    _assess(block, scale, block.bac_ninh_rep, block.bac_ninh, "49", "30")
    assert [p.member.key for p in pledge_ranking(scale.pledge)] == [
        row.organization.pk for row in pledge_board(scale.pledge).rows
    ]
    assert pledge_board(scale.pledge).rows[0].organization == block.board
