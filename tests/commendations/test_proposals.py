"""A unit prepares its proposal: lines in, lines out, stale pages refused, then submitted."""

from __future__ import annotations

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import ProposalState, RoundState
from tdkt.commendations.models import Proposal, ProposalLine
from tdkt.commendations.services import (
    LineInput,
    proposal_line_remove,
    proposal_line_update,
    proposal_lines_add,
    proposal_move,
    proposal_update,
    round_set_state,
)
from tdkt.core.errors import ApplicationError, PermissionDeniedError

pytestmark = pytest.mark.django_db
S = ProposalState


def test_the_first_lines_create_the_units_draft_and_repeats_are_skipped(registry, round_2019):
    """Adding candidates creates the draft once; adding the same again adds nothing."""
    lines = [
        LineInput(person=registry.anh, code="advanced_worker"),
        LineInput(organization=registry.investment, code="advanced_collective"),
    ]
    proposal, added = proposal_lines_add(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        lines=lines,
    )
    assert added == 2 and proposal.state == S.DRAFT
    again, added_again = proposal_lines_add(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        lines=lines,
    )
    assert again.pk == proposal.pk and added_again == 0
    assert ProposalLine.objects.count() == 2
    kinds = list(
        AuditEvent.objects.filter(object_id=str(proposal.uuid)).values_list("event_type", flat=True)
    )
    assert kinds.count(AuditEventType.PROPOSAL_CREATED) == 1
    assert kinds.count(AuditEventType.PROPOSAL_LINES_ADDED) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"person": "anh", "code": "national_emulation_fighter"}, "không nhận đề nghị"),
        ({"person": "anh", "code": "advanced_collective"}, "không xét cho"),
        ({"person": "duc", "code": "advanced_worker"}, "không công tác tại đơn vị"),
        ({"organization": "planning", "code": "advanced_collective"}, "không thuộc đơn vị"),
    ],
)
def test_lines_the_round_or_the_unit_does_not_allow_are_refused(
    registry, round_2019, line, message
):
    """A code the round does not accept, a code not for that recipient, someone of another
    unit: each is refused and nothing is written."""
    values = {k: getattr(registry, v) if k != "code" else v for k, v in line.items()}
    with pytest.raises(ApplicationError, match=message):
        proposal_lines_add(
            actor=registry.investment_head,
            round=round_2019,
            organization=registry.investment,
            lines=[LineInput(**values)],
        )
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("who", ["planning_head", "viewer", "leader", "council"])
def test_only_the_units_writers_and_officers_propose_for_it(registry, round_2019, who):
    """Another unit's head and every read-only role get 403."""
    with pytest.raises(PermissionDeniedError):
        proposal_lines_add(
            actor=getattr(registry, who),
            round=round_2019,
            organization=registry.investment,
            lines=[LineInput(person=registry.anh, code="advanced_worker")],
        )
    assert not Proposal.objects.exists()


def test_an_officer_may_help_a_unit_prepare(registry, round_2019):
    """Board-wide writers may add lines for any unit."""
    _proposal, added = proposal_lines_add(
        actor=registry.officer,
        round=round_2019,
        organization=registry.investment,
        lines=[LineInput(person=registry.anh, code="advanced_worker")],
    )
    assert added == 1


def test_a_closed_round_takes_no_new_lines(registry, round_2019):
    """After the officer closes the round, nothing is added."""
    round_set_state(actor=registry.officer, round=round_2019, state=RoundState.CLOSED)
    with pytest.raises(ApplicationError, match="đã đóng"):
        proposal_lines_add(
            actor=registry.investment_head,
            round=round_2019,
            organization=registry.investment,
            lines=[LineInput(person=registry.anh, code="advanced_worker")],
        )


def test_editing_a_line_and_removing_it_bump_the_version(registry, proposal):
    """Each edit of a draft is a new version, audited with what changed."""
    line = proposal.lines.get()
    start = proposal.version
    updated = proposal_line_update(
        actor=registry.investment_head,
        line=line,
        code="certificate_of_merit",
        achievement="Hoàn thành xuất sắc",
        expected_version=start,
    )
    assert (updated.code, updated.achievement) == ("certificate_of_merit", "Hoàn thành xuất sắc")
    proposal.refresh_from_db()
    assert proposal.version == start + 1
    event = AuditEvent.objects.filter(event_type=AuditEventType.PROPOSAL_LINE_UPDATED).get()
    assert event.changes["code"] == ["Lao động tiên tiến", "Giấy khen"]
    proposal_line_remove(actor=registry.investment_head, line=line, expected_version=start + 1)
    assert not proposal.lines.exists()


def test_two_people_editing_the_same_draft_do_not_overwrite_each_other(registry, proposal):
    """Both read version v; the first change wins, the second is refused with a message."""
    seen = proposal.version
    line = proposal.lines.get()
    proposal_line_update(
        actor=registry.investment_head, line=line, achievement="A", expected_version=seen
    )
    with pytest.raises(ApplicationError, match="người khác thay đổi"):
        proposal_line_update(
            actor=registry.officer, line=line, achievement="B", expected_version=seen
        )
    with pytest.raises(ApplicationError, match="người khác thay đổi"):
        proposal_update(actor=registry.officer, proposal=proposal, note="x", expected_version=seen)
    line.refresh_from_db()
    assert line.achievement == "A"


def test_a_viewer_is_refused_before_the_input_is_read(registry, proposal):
    """A read-only user sending even an invalid change gets 403, not a validation error."""
    line = proposal.lines.get()
    with pytest.raises(PermissionDeniedError):
        proposal_line_update(actor=registry.viewer, line=line, code="gold_star")
    with pytest.raises(PermissionDeniedError):
        proposal_update(actor=registry.viewer, proposal=proposal, note="x" * 10)


def test_a_submitted_proposal_changes_only_through_transitions(registry, proposal):
    """After submission the lines cannot be edited; recalling makes them editable again."""
    proposal_move(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    line = proposal.lines.get()
    with pytest.raises(ApplicationError, match="chỉ sửa được"):
        proposal_line_update(actor=registry.investment_head, line=line, achievement="Sửa")
    with pytest.raises(ApplicationError, match="chỉ sửa được"):
        proposal_lines_add(
            actor=registry.investment_head,
            round=proposal.round,
            organization=registry.investment,
            lines=[LineInput(organization=registry.investment, code="advanced_collective")],
        )
    proposal_move(
        actor=registry.investment_head,
        proposal=proposal,
        to_state=S.RECALLED,
        reason="Bổ sung thành tích",
    )
    proposal_line_update(actor=registry.investment_head, line=line, achievement="Sửa")
    line.refresh_from_db()
    assert line.achievement == "Sửa"


def test_submission_keeps_the_flags_the_unit_saw(registry, proposal, round_2019):
    """A line for an award already granted for 2019 is flagged, and the flag is kept on
    submission."""
    from tdkt.commendations.services import AwardEntry, awards_record

    awards_record(
        actor=registry.officer,
        entries=[
            AwardEntry(
                person=registry.anh, code="advanced_worker", year=2019, decision_number="9/QĐ-BQL"
            )
        ],
    )
    proposal_move(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    assert proposal.lines.get().flags == ["already_granted"]
