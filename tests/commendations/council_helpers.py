"""Council test state: proposals at the council stage, a seated council and its sessions.

``build_agenda`` is the one place that builds rounds, proposals and lines. Their rows
are written directly until the proposal services exist (then switch this function to them);
every move of a proposal already goes through ``workflow.proposal_transition``. The council,
its members and sessions are built through the real council services.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.commendations.constants import (
    AppraisalVerdict,
    CouncilRole,
    ProposalState,
    RoundKind,
    TallySource,
)
from tdkt.commendations.models import (
    Council,
    CouncilMember,
    CouncilSession,
    Proposal,
    ProposalLine,
    Round,
)
from tdkt.commendations.services.ballots import session_attendance_set, session_voting_open
from tdkt.commendations.services.council import council_create, council_member_add
from tdkt.commendations.services.council_sessions import session_create
from tdkt.commendations.workflow import proposal_transition
from tdkt.organizations.models import Organization, Person
from tests.builders import Registry, make_user

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# A meeting on 10/01/2026 falls under R2022b: CSTĐCS needs ≥ 80 %, CSTĐ tỉnh ≥ 90 % of all
# members (legal-rules §4.1, the NĐ 98 values kept as defaults).
MEETING = datetime(2026, 1, 10, 8, 30, tzinfo=HANOI)
CSTDCS = "grassroots_emulation_fighter"
CSTD_TP = "provincial_emulation_fighter"
TT_LDXS = "excellent_collective"


@dataclass(frozen=True)
class LineSpec:
    """One candidate: a person or a collective of the proposing ``unit``, for ``code``."""

    unit: Organization
    code: str
    person: Person | None = None
    collective: Organization | None = None
    achievement: str = "Hoàn thành xuất sắc nhiệm vụ năm 2025."


@dataclass
class Agenda:
    """A round whose proposals are all at the council, with their lines in order."""

    round: Round
    proposals: list[Proposal] = field(default_factory=list)
    lines: list[ProposalLine] = field(default_factory=list)


def default_lines(registry: Registry) -> list[LineSpec]:
    """Three candidates of two units: CSTĐCS, CSTĐ thành phố and a collective title."""
    return [
        LineSpec(registry.investment, CSTDCS, person=registry.anh),
        LineSpec(registry.planning, CSTD_TP, person=registry.duc),
        LineSpec(registry.investment, TT_LDXS, collective=registry.investment),
    ]


def proposals_at_council(
    registry: Registry,
    *,
    year: int = 2025,
    lines: Sequence[LineSpec] | None = None,
    rule_set: str = "",
    name: str = "",
) -> Agenda:
    """Build a year-end round of the test registry, every proposal at the council."""
    heads = {
        registry.investment.pk: registry.investment_head,
        registry.planning.pk: registry.planning_head,
    }
    return build_agenda(
        officer=registry.officer,
        heads=heads,
        lines=list(lines) if lines is not None else default_lines(registry),
        year=year,
        rule_set=rule_set,
        name=name,
    )


def build_agenda(
    *,
    officer: User,
    heads: dict[int, User],
    lines: Sequence[LineSpec],
    year: int,
    rule_set: str = "",
    name: str = "",
) -> Agenda:
    """Build a year-end round with one proposal per unit, appraised eligible, at the council.

    ``heads`` maps a unit's id to the account that submits its proposal (else the officer).
    """
    round_ = Round.objects.create(
        name=name or f"Tổng kết năm {year}",
        kind=RoundKind.YEAR_END,
        year=year,
        accepted_codes=sorted({s.code for s in lines}),
        unit_deadline=date(year, 12, 10),
        rule_set=rule_set,
    )
    agenda = Agenda(round=round_)
    by_unit: dict[int, Proposal] = {}
    for i, spec in enumerate(lines, start=1):
        proposal = by_unit.get(spec.unit.pk)
        if proposal is None:
            proposal = Proposal.objects.create(round=round_, organization=spec.unit)
            by_unit[spec.unit.pk] = proposal
        agenda.lines.append(
            ProposalLine.objects.create(
                proposal=proposal,
                person=spec.person,
                organization=spec.collective,
                code=spec.code,
                achievement=spec.achievement,
                position=i,
            )
        )
    for proposal in by_unit.values():
        proposal_transition(
            actor=heads.get(proposal.organization_id, officer),
            proposal=proposal,
            to_state=ProposalState.SUBMITTED,
        )
        proposal_transition(
            actor=officer, proposal=proposal, to_state=ProposalState.UNDER_APPRAISAL
        )
        proposal.lines.update(appraisal=AppraisalVerdict.ELIGIBLE)  # the appraisal service's job
        proposal_transition(actor=officer, proposal=proposal, to_state=ProposalState.AT_COUNCIL)
        proposal.refresh_from_db()
        agenda.proposals.append(proposal)
    return agenda


@dataclass
class Seats:
    """A council and its members; ``members[0]`` chairs, ``members[-1]`` is the secretary."""

    council: Council
    members: list[CouncilMember]

    @property
    def chair(self) -> CouncilMember:
        return self.members[0]

    @property
    def secretary(self) -> CouncilMember:
        return self.members[-1]

    def user(self, i: int) -> User:
        return self.members[i].user


def seat_council(
    registry: Registry, *, year: int = 2025, size: int = 15, prefix: str = "hd"
) -> Seats:
    """Create the council of ``year`` with ``size`` members (chair, one vice-chair, secretary)."""
    council = council_create(
        actor=registry.officer,
        year=year,
        name=f"Hội đồng Thi đua – Khen thưởng năm {year}",
        established_by=f"05/QĐ-BQL năm {year}",
    )
    members = []
    for i in range(size):
        role = (
            CouncilRole.CHAIR
            if i == 0
            else CouncilRole.SECRETARY
            if i == size - 1
            else CouncilRole.VICE_CHAIR
            if i == 1
            else CouncilRole.MEMBER
        )
        user = make_user(f"{prefix}{year}{i:02d}", Role.COUNCIL_MEMBER, registry.board)
        members.append(
            council_member_add(
                actor=registry.officer,
                council=council,
                user=user,
                role=role,
                full_name=f"Thành viên {i + 1:02d}",
                title="Trưởng phòng",
            )
        )
    return Seats(council=council, members=members)


def planned_session(
    registry: Registry,
    seats: Seats,
    agenda: Agenda,
    *,
    tally_source: str = TallySource.ELECTRONIC,
    absent: Sequence[int] = (),
    starts_at: datetime = MEETING,
) -> CouncilSession:
    """Plan a session on the whole agenda and record attendance (all present but ``absent``)."""
    session = session_create(
        actor=registry.officer,
        council=seats.council,
        round=agenda.round,
        title=f"Họp xét khen thưởng năm {agenda.round.year}",
        starts_at=starts_at,
        place="Phòng họp tầng 3",
        tally_source=tally_source,
    )
    present = [m for i, m in enumerate(seats.members) if i not in set(absent)]
    return session_attendance_set(actor=seats.secretary.user, session=session, present=present)


def voting_session(
    registry: Registry,
    seats: Seats,
    agenda: Agenda,
    *,
    tally_source: str = TallySource.ELECTRONIC,
    absent: Sequence[int] = (),
) -> CouncilSession:
    """A planned session whose chair has opened voting."""
    session = planned_session(registry, seats, agenda, tally_source=tally_source, absent=absent)
    return session_voting_open(actor=seats.chair.user, session=session)


def items_by_code(session: CouncilSession) -> dict[str, int]:
    """Return the session's item id per award code (one line per code in the default agenda)."""
    return {code: pk for pk, code in session.items.values_list("pk", "line__code")}
