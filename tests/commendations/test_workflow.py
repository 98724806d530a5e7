"""A proposal moves only along the listed steps, by the people allowed, one result at a time."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import AppraisalVerdict, ProposalState, RoundKind
from tdkt.commendations.models import Proposal, ProposalLine, Round
from tdkt.commendations.workflow import moves_from, proposal_transition
from tdkt.core.errors import ApplicationError, PermissionDeniedError

pytestmark = pytest.mark.django_db

S = ProposalState


@pytest.fixture
def proposal(registry) -> Proposal:
    # The round and proposal services arrive with the proposal screens; until then the rows
    # are written directly, and only the transitions (the subject here) go through services.
    round_ = Round.objects.create(
        name="Tổng kết năm 2025",
        kind=RoundKind.YEAR_END,
        year=2025,
        accepted_codes=["advanced_worker"],
        unit_deadline=date(2025, 12, 10),
    )
    proposal = Proposal.objects.create(round=round_, organization=registry.investment)
    ProposalLine.objects.create(proposal=proposal, person=registry.anh, code="advanced_worker")
    return proposal


def test_unit_head_submits_and_officer_appraises(registry, proposal):
    """The unit's head submits its own draft; the officer then starts the appraisal."""
    submitted = proposal_transition(
        actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED
    )
    assert submitted.state == S.SUBMITTED and submitted.submitted_at is not None
    appraised = proposal_transition(
        actor=registry.officer, proposal=submitted, to_state=S.UNDER_APPRAISAL
    )
    assert appraised.state == S.UNDER_APPRAISAL
    steps = list(appraised.transitions.values_list("from_state", "to_state"))
    assert steps == [(S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.UNDER_APPRAISAL)]
    events = AuditEvent.objects.filter(event_type=AuditEventType.PROPOSAL_TRANSITIONED)
    assert events.count() == 2


def test_another_units_head_may_not_submit(registry, proposal):
    """A head of another unit is refused, and nothing changes."""
    with pytest.raises(PermissionDeniedError):
        proposal_transition(actor=registry.planning_head, proposal=proposal, to_state=S.SUBMITTED)
    proposal.refresh_from_db()
    assert proposal.state == S.DRAFT and not proposal.transitions.exists()


def test_an_empty_proposal_cannot_be_submitted(registry, proposal):
    """Submitting a list with nobody on it says so."""
    proposal.lines.all().delete()
    with pytest.raises(ApplicationError, match="chưa có ai"):
        proposal_transition(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)


def test_return_needs_a_reason(registry, proposal):
    """Returning a submitted proposal to the unit requires a reason, which is kept."""
    proposal_transition(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    with pytest.raises(ApplicationError, match="lý do"):
        proposal_transition(actor=registry.officer, proposal=proposal, to_state=S.RETURNED)
    returned = proposal_transition(
        actor=registry.officer, proposal=proposal, to_state=S.RETURNED, reason="Thiếu biên bản"
    )
    assert returned.transitions.last().reason == "Thiếu biên bản"


def test_second_officer_acting_on_a_stale_page_is_told(registry, proposal):
    """Two officers act on the same version: the second gets a conflict, not a lost update."""
    proposal_transition(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    proposal.refresh_from_db()
    seen = proposal.version
    proposal_transition(
        actor=registry.officer, proposal=proposal, to_state=S.UNDER_APPRAISAL, expected_version=seen
    )
    with pytest.raises(ApplicationError, match="người khác thay đổi"):
        proposal_transition(
            actor=registry.officer,
            proposal=proposal,
            to_state=S.RETURNED,
            reason="x",
            expected_version=seen,
        )


def test_council_steps_are_not_open_to_people(registry, proposal):
    """Only the council's own service may record that a proposal was voted."""
    proposal_transition(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    proposal_transition(actor=registry.officer, proposal=proposal, to_state=S.UNDER_APPRAISAL)
    proposal.lines.update(appraisal=AppraisalVerdict.ELIGIBLE)
    proposal_transition(actor=registry.officer, proposal=proposal, to_state=S.AT_COUNCIL)
    assert [m.target for m in moves_from(S.AT_COUNCIL)] == [S.UNDER_APPRAISAL, S.VOTED]
    with pytest.raises(ApplicationError, match="Không thể chuyển"):
        proposal_transition(actor=registry.officer, proposal=proposal, to_state=S.VOTED)
