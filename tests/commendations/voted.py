"""Proposals in the ``voted`` state, built in one place for the publication and decision tests.

Rounds, proposals and lines are written as rows (their services belong to the proposal
screens); every state change goes through ``workflow.proposal_transition`` as in production.
The council's vote is represented by its outcome only: a closed session whose items passed
(or failed), then the system move ``at_council → voted``. When the council's own guard
``council_voted`` is not registered on this branch, a stub that always allows the move is
registered here; once the council module provides it, its guard applies instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from tdkt.commendations import workflow
from tdkt.commendations.constants import (
    AppraisalVerdict,
    CouncilRole,
    ProposalState,
    RoundKind,
    SessionState,
)
from tdkt.commendations.models import (
    Council,
    CouncilMember,
    CouncilSession,
    Proposal,
    ProposalLine,
    Round,
    SessionItem,
)
from tdkt.organizations.models import Organization, Person
from tests.builders import Registry

S = ProposalState


def ensure_council_guard() -> None:
    """Register a permissive ``council_voted`` guard unless the council module has one."""
    if "council_voted" not in workflow._GUARDS:
        workflow.register_guard("council_voted")(lambda proposal: None)


@dataclass(frozen=True)
class LineSpec:
    """One line to propose: the recipient, the code and whether the council passes it."""

    recipient: Person | Organization
    code: str = "certificate_of_merit"
    passed: bool | None = True
    achievement: str = "Hoàn thành xuất sắc nhiệm vụ"


@dataclass
class VotedRound:
    """A round whose proposals the council has voted on."""

    round: Round
    proposals: list[Proposal] = field(default_factory=list)
    lines: list[ProposalLine] = field(default_factory=list)

    def line_of(self, recipient: Person | Organization, code: str = "") -> ProposalLine:
        """Return the line of ``recipient`` (and ``code`` when given)."""
        for line in self.lines:
            if (line.person_id == recipient.pk or line.organization_id == recipient.pk) and (
                not code or line.code == code
            ):
                return line
        raise LookupError(recipient)


def default_specs(registry: Registry) -> dict[Organization, list[LineSpec]]:
    """Two units: three Giấy khen passed (two people, one collective) and one failed."""
    return {
        registry.investment: [
            LineSpec(registry.anh),
            LineSpec(registry.investment),
        ],
        registry.planning: [
            LineSpec(registry.duc),
            LineSpec(registry.planning, passed=False),
        ],
    }


def voted_round(
    registry: Registry,
    *,
    year: int = 2019,
    specs: dict[Organization, list[LineSpec]] | None = None,
    name: str = "",
) -> VotedRound:
    """Carry one proposal per unit of ``specs`` to ``voted``, with their council outcome."""
    ensure_council_guard()
    specs = default_specs(registry) if specs is None else specs
    round_ = Round.objects.create(
        name=name or f"Tổng kết năm {year}",
        kind=RoundKind.YEAR_END,
        year=year,
        accepted_codes=sorted({s.code for lines in specs.values() for s in lines}),
        unit_deadline=date(year, 12, 10),
    )
    council, _ = Council.objects.get_or_create(
        year=year, defaults={"name": f"Hội đồng Thi đua – Khen thưởng năm {year}"}
    )
    CouncilMember.objects.get_or_create(
        council=council,
        user=registry.council,
        defaults={"full_name": "Đỗ Thị Thu Hà", "role": CouncilRole.CHAIR},
    )
    session = CouncilSession.objects.create(
        council=council,
        round=round_,
        title=f"Họp xét khen thưởng năm {year}",
        starts_at=timezone.now(),
        state=SessionState.CLOSED,
    )
    voted = VotedRound(round=round_)
    heads = {
        registry.investment: registry.investment_head,
        registry.planning: registry.planning_head,
    }
    for unit, lines in specs.items():
        proposal = Proposal.objects.create(round=round_, organization=unit)
        made = []
        for position, spec in enumerate(lines):
            is_person = isinstance(spec.recipient, Person)
            made.append(
                ProposalLine.objects.create(
                    proposal=proposal,
                    person=spec.recipient if is_person else None,
                    organization=None if is_person else spec.recipient,
                    code=spec.code,
                    achievement=spec.achievement,
                    position=position,
                )
            )
        unit_writer = heads.get(unit, registry.officer)
        proposal_transition = workflow.proposal_transition
        proposal_transition(actor=unit_writer, proposal=proposal, to_state=S.SUBMITTED)
        proposal_transition(actor=registry.officer, proposal=proposal, to_state=S.UNDER_APPRAISAL)
        proposal.lines.update(appraisal=AppraisalVerdict.ELIGIBLE)
        proposal_transition(actor=registry.officer, proposal=proposal, to_state=S.AT_COUNCIL)
        for position, (line, spec) in enumerate(zip(made, lines, strict=True)):
            SessionItem.objects.create(
                session=session,
                line=line,
                position=position,
                yes_count=1 if spec.passed else 0,
                no_count=0 if spec.passed else 1,
                passed=spec.passed,
            )
        proposal = proposal_transition(actor=None, proposal=proposal, to_state=S.VOTED, system=True)
        voted.proposals.append(proposal)
        voted.lines.extend(made)
    return voted
