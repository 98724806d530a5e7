"""Turn a pledge's rows into the plain values ``ranking`` orders (the one bridge to it)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from tdkt.core.text import fold
from tdkt.emulation_groups import ranking
from tdkt.emulation_groups.constants import CriterionKind
from tdkt.emulation_groups.models import Criterion, Pledge, Score
from tdkt.organizations.models import GroupMembership, Organization


def pledge_members(pledge: Pledge) -> list[Organization]:
    """Return the members of the pledge's block in its year, in tree order."""
    return [
        m.organization
        for m in GroupMembership.objects.filter(group_id=pledge.group_id, year=pledge.year)
        .select_related("organization")
        .order_by("organization__path")
    ]


def member_scores(
    pledge: Pledge,
    members: list[Organization],
    criteria: list[Criterion],
    scores: list[Score],
) -> list[ranking.MemberScore]:
    """Return each member's weighted points; a criterion a member left unscored counts 0."""
    by_criterion = {c.pk: c for c in criteria}
    per_member: dict[int, dict[int, Decimal]] = defaultdict(dict)
    bonus: dict[int, Decimal] = defaultdict(Decimal)
    penalty: dict[int, Decimal] = defaultdict(Decimal)
    for score in scores:
        criterion = by_criterion.get(score.criterion_id)
        if criterion is None:
            continue
        if criterion.kind == CriterionKind.SCORED:
            per_member[score.organization_id][criterion.pk] = ranking.weighted(
                score.points, criterion.weight
            )
        elif criterion.kind == CriterionKind.BONUS:
            bonus[score.organization_id] += score.points
        else:
            penalty[score.organization_id] += score.points
    scored = [c.pk for c in criteria if c.kind == CriterionKind.SCORED]
    return [
        ranking.MemberScore(
            key=org.pk,
            name=org.name,
            sort_name=fold(org.name),
            criteria={pk: per_member[org.pk].get(pk, Decimal("0.00")) for pk in scored},
            bonus=bonus[org.pk],
            penalty=penalty[org.pk],
        )
        for org in members
    ]


def tie_breaks(pledge: Pledge) -> list[ranking.TieBreak]:
    """Return the pledge's declared tie-break rules in their order."""
    return [
        ranking.TieBreak(rule.kind, rule.criterion_id)
        for rule in pledge.tie_breaks.order_by("position")
    ]


def pledge_ranking(pledge: Pledge) -> list[ranking.Placement]:
    """Rank the members of ``pledge`` from the final points (review, else self-assessment)."""
    criteria = list(pledge.criteria.order_by("position"))
    scores = list(Score.objects.filter(criterion__pledge=pledge))
    members = pledge_members(pledge)
    return ranking.rank(member_scores(pledge, members, criteria, scores), tie_breaks(pledge))
