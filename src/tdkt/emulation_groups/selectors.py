"""Actor-scoped reads of pledges, scores, evidence and elections.

A pledge or election is visible to whoever may see its block (``organizations.group_list``:
board-wide roles, and users whose scope holds a member); evidence only to the block's members
of the year and emulation officers. Anything else answers "not found" (decision 0013).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible
from tdkt.core.errors import NotFoundError
from tdkt.emulation_groups import ranking
from tdkt.emulation_groups.constants import CriterionKind, ElectionState
from tdkt.emulation_groups.explanations import explain
from tdkt.emulation_groups.models import (
    Criterion,
    Election,
    Evidence,
    Pledge,
    PledgeSignature,
    Score,
    TieBreakRule,
    Vote,
)
from tdkt.emulation_groups.permissions import can_see_evidence
from tdkt.emulation_groups.scoring import member_scores, pledge_members, tie_breaks
from tdkt.organizations.models import EmulationGroup, GroupLeadership, Organization
from tdkt.organizations.selectors import group_list


def _group_visible(actor: Any, group_id: int) -> bool:
    return group_list(actor=actor).filter(pk=group_id).exists()


def pledge_get(*, actor: Any, uuid: UUID | str) -> Pledge:
    """Return a pledge of a block the actor may see; any other answers "not found"."""
    return get_visible(
        Pledge.objects.select_related("group"),
        uuid=uuid,
        visible=lambda p: _group_visible(actor, p.group_id),
        message=_("Không tìm thấy giao ước thi đua."),
    )


def criterion_get(*, actor: Any, uuid: UUID | str) -> Criterion:
    """Return a criterion of a visible pledge."""
    return get_visible(
        Criterion.objects.select_related("pledge__group"),
        uuid=uuid,
        visible=lambda c: _group_visible(actor, c.pledge.group_id),
        message=_("Không tìm thấy tiêu chí."),
    )


def tie_break_get(*, actor: Any, pledge: Pledge, position: int) -> TieBreakRule:
    """Return the tie-break rule at ``position`` of a pledge read through ``pledge_get``."""
    rule = (
        TieBreakRule.objects.select_related("pledge__group")
        .filter(pledge=pledge, position=position)
        .first()
    )
    if rule is None:
        raise NotFoundError(_("Không tìm thấy quy tắc."))
    return rule


def score_get(*, actor: Any, uuid: UUID | str) -> Score:
    """Return a score of a visible pledge."""
    return get_visible(
        Score.objects.select_related("criterion__pledge__group", "organization"),
        uuid=uuid,
        visible=lambda s: _group_visible(actor, s.criterion.pledge.group_id),
        message=_("Không tìm thấy điểm."),
    )


def evidence_get(*, actor: Any, uuid: UUID | str) -> Evidence:
    """Return an evidence file the actor may download: members of the year and officers only.

    Anyone else, including readers of the block who are not members, gets "not found".
    """
    return get_visible(
        Evidence.objects.select_related("score__criterion__pledge__group"),
        uuid=uuid,
        visible=lambda e: can_see_evidence(actor, e.score.criterion.pledge),
        message=_("Không tìm thấy tệp minh chứng."),
    )


def election_get(*, actor: Any, uuid: UUID | str) -> Election:
    """Return an election of a block the actor may see."""
    return get_visible(
        Election.objects.select_related("group", "leader", "deputy"),
        uuid=uuid,
        visible=lambda e: _group_visible(actor, e.group_id),
        message=_("Không tìm thấy cuộc bầu."),
    )


# Pledge page --------------------------------------------------------------------------------


@dataclass
class RankRow:
    """A member's line of the ranking: position, points and why it is above the next."""

    position: int
    organization: Organization
    total: Decimal
    bonus: Decimal
    penalty: Decimal
    explanation: str
    signature: PledgeSignature | None
    scored: int


@dataclass
class PledgeBoard:
    """What the pledge page shows: the scale, rules, signatures and the (provisional) ranking."""

    pledge: Pledge
    criteria: list[Criterion]
    tie_breaks: list[TieBreakRule]
    members: list[Organization]
    rows: list[RankRow]
    leadership: GroupLeadership | None

    @property
    def unsigned(self) -> int:
        return sum(1 for row in self.rows if row.signature is None)


def pledge_board(pledge: Pledge) -> PledgeBoard:
    """Read a pledge (from ``pledge_get``) with its members' totals and ranking."""
    criteria = list(pledge.criteria.order_by("position"))
    rules = list(pledge.tie_breaks.select_related("criterion").order_by("position"))
    scores = list(Score.objects.filter(criterion__pledge=pledge))
    members = pledge_members(pledge)
    by_org = {org.pk: org for org in members}
    signatures = {
        s.organization_id: s
        for s in PledgeSignature.objects.filter(pledge=pledge).select_related("signed_by")
    }
    scored_count = Counter(s.organization_id for s in scores)
    placements = ranking.rank(member_scores(pledge, members, criteria, scores), tie_breaks(pledge))
    texts = {c.pk: c.text for c in criteria}
    rows = [
        RankRow(
            position=p.position,
            organization=by_org[p.member.key],
            total=p.member.total,
            bonus=p.member.bonus,
            penalty=p.member.penalty,
            explanation=explain(p, texts),
            signature=signatures.get(p.member.key),
            scored=scored_count[p.member.key],
        )
        for p in placements
    ]
    leadership = (
        GroupLeadership.objects.filter(group_id=pledge.group_id, year=pledge.year)
        .select_related("leader", "deputy")
        .first()
    )
    return PledgeBoard(pledge, criteria, rules, members, rows, leadership)


@dataclass
class SheetLine:
    """One criterion of a member's sheet with its score (if any) and evidence."""

    criterion: Criterion
    score: Score | None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def weighted(self) -> Decimal | None:
        if self.score is None:
            return None
        if self.criterion.kind == CriterionKind.SCORED:
            return ranking.weighted(self.score.points, self.criterion.weight)
        return self.score.points


def member_sheet(
    pledge: Pledge, organization_uuid: UUID | str
) -> tuple[Organization, list[SheetLine]]:
    """Return a member of the pledge's year and its score sheet; a non-member is not found."""
    member = next(
        (org for org in pledge_members(pledge) if str(org.uuid) == str(organization_uuid)), None
    )
    if member is None:
        raise NotFoundError(_("Không tìm thấy thành viên của khối."))
    scores = {
        s.criterion_id: s
        for s in Score.objects.filter(criterion__pledge=pledge, organization=member)
        .select_related("reviewed_by", "assessed_by")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at")))
    }
    lines = []
    for criterion in pledge.criteria.order_by("position"):
        score = scores.get(criterion.pk)
        lines.append(SheetLine(criterion, score, list(score.evidence.all()) if score else []))
    return member, lines


# Block page ---------------------------------------------------------------------------------


@dataclass
class RotationYear:
    """Who led the block in a year and how: elected (with the election) or only recorded."""

    year: int
    leader: Organization | None
    deputy: Organization | None
    election: Election | None
    is_past: bool

    @property
    def elected(self) -> bool:
        e = self.election
        return (
            e is not None
            and e.state == ElectionState.CLOSED
            and e.leader_id == getattr(self.leader, "pk", None)
            and e.deputy_id == getattr(self.deputy, "pk", None)
        )


def group_pledges(group: EmulationGroup) -> QuerySet[Pledge]:
    """Return the pledges of a block read through ``group_get``, newest first."""
    return Pledge.objects.filter(group=group).order_by("-year")


def group_elections(group: EmulationGroup) -> QuerySet[Election]:
    """Return the elections of a block read through ``group_get``, newest first."""
    return (
        Election.objects.filter(group=group)
        .select_related("leader", "deputy")
        .order_by("-year", "-opened_at")
    )


def rotation(group: EmulationGroup) -> list[RotationYear]:
    """Return the leadership year by year, past and coming, with the election behind it.

    Years come from recorded leaderships and live elections, plus next year so that a coming
    rotation not yet voted shows as such; newest first.
    """
    this_year = timezone.localdate().year
    leaderships = {
        row.year: row
        for row in GroupLeadership.objects.filter(group=group).select_related("leader", "deputy")
    }
    elections: dict[int, Election] = {}
    for election in group_elections(group).exclude(state=ElectionState.CANCELLED):
        elections.setdefault(election.year, election)
    years = set(leaderships) | set(elections) | {this_year + 1}
    result = []
    for year in sorted(years, reverse=True):
        row = leaderships.get(year)
        result.append(
            RotationYear(
                year=year,
                leader=row.leader if row else None,
                deputy=row.deputy if row else None,
                election=elections.get(year),
                is_past=year < this_year,
            )
        )
    return result


@dataclass
class Tally:
    """An election's electors, their open votes and the counts per candidate."""

    electors: list[Organization]
    votes: dict[int, Vote]
    leader_counts: list[tuple[Organization, int]]
    deputy_counts: list[tuple[Organization, int]]


def election_tally(election: Election) -> Tally:
    """Read an election (from ``election_get``) with its electors, votes and counts."""
    electors = [
        m.organization
        for m in election.group.memberships.filter(year=election.year)
        .select_related("organization")
        .order_by("organization__path")
    ]
    votes = {
        v.voter_id: v
        for v in Vote.objects.filter(election=election).select_related(
            "leader", "deputy", "cast_by"
        )
    }
    by_pk = {org.pk: org for org in electors}
    leaders = Counter(v.leader_id for v in votes.values())
    deputies = Counter(v.deputy_id for v in votes.values() if v.deputy_id)
    return Tally(
        electors=electors,
        votes=votes,
        leader_counts=[(by_pk[pk], n) for pk, n in leaders.most_common() if pk in by_pk],
        deputy_counts=[(by_pk[pk], n) for pk, n in deputies.most_common() if pk in by_pk],
    )


def scored_criteria(pledge: Pledge) -> QuerySet[Criterion]:
    """Return the weighted criteria of a pledge read through ``pledge_get`` (tie-break choices)."""
    return pledge.criteria.filter(kind=CriterionKind.SCORED).order_by("position")


def has_signed(pledge: Pledge, organization: Organization) -> bool:
    """Return True when ``organization`` has signed ``pledge``."""
    return pledge.signatures.filter(organization=organization).exists()


def election_candidates(election: Election) -> QuerySet[Organization]:
    """Return the members who may be elected (and who vote): the term year's members."""
    return Organization.objects.filter(
        group_memberships__group_id=election.group_id,
        group_memberships__year=election.year,
    ).order_by("path")
