"""Drawing up a pledge: who may, what the scale accepts, and the audit of each change."""

from __future__ import annotations

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.emulation_groups.constants import CriterionKind, TieBreakKind
from tdkt.emulation_groups.services import (
    criterion_add,
    criterion_remove,
    pledge_create,
    pledge_update,
    tie_break_add,
    tie_break_remove,
)

from .conftest import YEAR, Block, build_scale

pytestmark = pytest.mark.django_db


def test_the_year_leader_or_an_officer_draws_up_a_pledge_once_a_year(block: Block) -> None:
    for actor in (block.hai_phong_rep, block.board_rep, block.registry.council):
        with pytest.raises(PermissionDeniedError):
            pledge_create(actor=actor, group=block.group, year=YEAR, title="X")
    pledge = pledge_create(actor=block.bac_ninh_rep, group=block.group, year=YEAR, title="G")
    assert AuditEvent.objects.filter(event_type=AuditEventType.PLEDGE_CREATED).count() == 1
    with pytest.raises(ApplicationError):
        pledge_create(actor=block.registry.officer, group=block.group, year=YEAR, title="G")
    # Bắc Ninh leads 2019 only: it may not draw up 2020's pledge.
    with pytest.raises(PermissionDeniedError):
        pledge_create(actor=block.bac_ninh_rep, group=block.group, year=YEAR + 1, title="G")
    assert pledge.version == 1


def test_update_changes_only_the_named_fields_and_refuses_a_stale_form(block: Block) -> None:
    pledge = pledge_create(
        actor=block.registry.officer, group=block.group, year=YEAR, title="Cũ", note="Ghi chú"
    )
    updated = pledge_update(actor=block.registry.officer, pledge=pledge, title="Mới")
    assert (updated.title, updated.note, updated.version) == ("Mới", "Ghi chú", 2)
    event = AuditEvent.objects.filter(event_type=AuditEventType.PLEDGE_UPDATED).get()
    assert event.changes == {"title": ["Cũ", "Mới"]}
    with pytest.raises(ConflictError):
        pledge_update(actor=block.registry.officer, pledge=pledge, note="x", expected_version=1)


def test_scale_rejects_bad_lines_and_tie_breaks_name_a_scored_criterion(block: Block) -> None:
    scale = build_scale(block, open_and_sign=False)
    officer = block.registry.officer
    for bad in ({"max_points": "0"}, {"max_points": "-1"}, {"weight": "0"}, {"text": " "}):
        with pytest.raises(ApplicationError):
            criterion_add(
                actor=officer,
                pledge=scale.pledge,
                **{"kind": CriterionKind.SCORED, "text": "T", "max_points": "10", **bad},
            )
    with pytest.raises(ApplicationError):  # a bonus item cannot decide a criterion tie-break
        tie_break_add(
            actor=officer, pledge=scale.pledge, kind=TieBreakKind.CRITERION, criterion=scale.bonus
        )
    with pytest.raises(ApplicationError):  # declared already
        tie_break_add(actor=officer, pledge=scale.pledge, kind=TieBreakKind.FEWER_PENALTIES)
    rule = scale.pledge.tie_breaks.get(kind=TieBreakKind.FEWER_PENALTIES)
    tie_break_remove(actor=officer, rule=rule)
    criterion_remove(actor=officer, criterion=scale.investment)  # its tie-break goes with it
    assert not scale.pledge.tie_breaks.exists()
    assert list(scale.pledge.criteria.values_list("text", flat=True)) == [
        "Hoàn thành nhiệm vụ chuyên môn",
        "Sáng kiến",
        "Báo cáo chậm",
    ]
    assert AuditEvent.objects.filter(event_type=AuditEventType.PLEDGE_CRITERION_REMOVED).exists()
