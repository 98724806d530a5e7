"""The Red River Delta block's 2019 pledge, scores and ranking, and its 2019 election.

From the article and legal-rules §7: at its 2019 review the block of IZ management boards of
the Red River Delta elected Bắc Ninh's board leader and the Hanoi Board deputy for 2020, and
the Board signed its 2020 pledge with the block. The criteria, weights, points, the 2019
leader (who reviews the 2019 scores) and the individual votes are illustrative
(docs/demo-data.md). Loaded through the real services as the system (decision 0021), which
records the members' paper signatures, scores and votes; idempotent like the rest of the demo.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from tdkt.emulation_groups.constants import (
    CriterionKind,
    ElectionState,
    PledgeState,
    TieBreakKind,
)
from tdkt.emulation_groups.models import Criterion, Election, Pledge, Score
from tdkt.emulation_groups.services import (
    criterion_add,
    election_close,
    election_open,
    election_vote,
    pledge_create,
    pledge_open,
    pledge_publish,
    pledge_sign,
    score_review,
    score_self_assess,
    tie_break_add,
)
from tdkt.organizations.models import EmulationGroup, GroupLeadership, Organization
from tdkt.organizations.services import group_leadership_set, group_members_set

from .groups import RED_RIVER_DELTA_BLOCK

PLEDGE_YEAR = 2019
# Illustrative: the article names the 2020 leadership only.
LEADER_2019 = ("ext:hai_duong", "ext:hung_yen")


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    kind: str
    text: str
    max_points: str
    weight: str = "1"


CRITERIA: tuple[CriterionSpec, ...] = (
    CriterionSpec(
        "tasks",
        CriterionKind.SCORED,
        "Hoàn thành các chỉ tiêu, nhiệm vụ chính trị được giao trong năm",
        "40",
        "1.5",
    ),
    CriterionSpec(
        "investment",
        CriterionKind.SCORED,
        "Thu hút đầu tư, hỗ trợ doanh nghiệp trong khu công nghiệp",
        "30",
    ),
    CriterionSpec(
        "reform",
        CriterionKind.SCORED,
        "Cải cách hành chính, giải quyết thủ tục hành chính đúng hạn",
        "20",
    ),
    CriterionSpec(
        "movements",
        CriterionKind.SCORED,
        "Tổ chức phong trào thi đua, công tác khen thưởng và nhân rộng điển hình",
        "10",
    ),
    CriterionSpec(
        "initiative", CriterionKind.BONUS, "Mô hình mới, sáng kiến được Khối ghi nhận", "5"
    ),
    CriterionSpec("late", CriterionKind.PENALTY, "Báo cáo gửi Khối chậm hạn", "5"),
)

TIE_BREAKS = (
    (TieBreakKind.CRITERION, "tasks"),
    (TieBreakKind.FEWER_PENALTIES, None),
    (TieBreakKind.CRITERION, "investment"),
)

# Self-assessed points per member: tasks, investment, reform, movements, bonus, penalty.
SCORES: dict[str, tuple[str, str, str, str, str, str]] = {
    "ext:bac_ninh": ("40", "29.5", "19", "9.5", "4", "0"),
    "board": ("39", "29", "19.5", "10", "4", "0"),
    "ext:hai_phong": ("38", "29", "18", "9", "3", "0"),
    "ext:hai_duong": ("37", "27", "18", "9", "2", "0"),
    "ext:hung_yen": ("37", "29", "17", "9", "2", "1"),  # ties Hải Dương
    "ext:ha_nam": ("36", "27", "18", "8.5", "2", "0"),
    "ext:nam_dinh": ("36", "26", "17", "9", "1", "0"),
    "ext:ninh_binh": ("35", "26", "17.5", "8", "1", "0"),
    "ext:thai_binh": ("35", "25", "17", "8", "1", "1"),
    "ext:vinh_phuc": ("37", "28.5", "18", "9", "2", "0"),
    "ext:quang_ninh": ("38", "28", "18.5", "9", "2", "0"),
}
# The 2019 leader's adjustments: (member, criterion, points, reason).
REVIEWS = (
    ("ext:vinh_phuc", "investment", "27.5", "Số dự án cấp mới thấp hơn số liệu tự báo cáo."),
    ("ext:quang_ninh", "initiative", "1", "Một mô hình chưa được Khối ghi nhận."),
)
# Votes at the 2019 review for the 2020 leadership: (leader, deputy) per member.
VOTES: dict[str, tuple[str, str]] = {
    "ext:bac_ninh": ("board", "ext:hai_phong"),
    "board": ("ext:bac_ninh", "ext:hai_phong"),
    **{
        key: ("ext:bac_ninh", "board")
        for key in (
            "ext:hai_phong",
            "ext:hai_duong",
            "ext:hung_yen",
            "ext:ha_nam",
            "ext:nam_dinh",
            "ext:ninh_binh",
            "ext:vinh_phuc",
            "ext:quang_ninh",
        )
    },
    "ext:thai_binh": ("ext:bac_ninh", "ext:ha_nam"),
}


def load_emulation_blocks(*, orgs: Mapping[str, Organization], created: Counter[str]) -> None:
    """Load what is missing of the block's 2019 pledge and election and this year's members."""
    group = EmulationGroup.objects.get(name=RED_RIVER_DELTA_BLOCK.name)
    _current_members(group, orgs, created)
    if not GroupLeadership.objects.filter(group=group, year=PLEDGE_YEAR).exists():
        group_leadership_set(
            actor=None,
            group=group,
            year=PLEDGE_YEAR,
            leader=orgs[LEADER_2019[0]],
            deputy=orgs[LEADER_2019[1]],
        )
        created["group_leaderships"] += 1
    _pledge(group, orgs, created)
    _election(group, orgs, created)


def _current_members(
    group: EmulationGroup, orgs: Mapping[str, Organization], created: Counter[str]
) -> None:
    year = timezone.localdate().year
    wanted = {orgs[key] for key in RED_RIVER_DELTA_BLOCK.members[PLEDGE_YEAR]}
    current = {m.organization for m in group.memberships.filter(year=year)}
    if not wanted <= current:
        group_members_set(actor=None, group=group, year=year, members=current | wanted)
        created["group_members"] += len(wanted - current)


def _pledge(group: EmulationGroup, orgs: Mapping[str, Organization], created: Counter[str]) -> None:
    pledge = Pledge.objects.filter(group=group, year=PLEDGE_YEAR).first()
    if pledge is None:
        pledge = pledge_create(
            actor=None,
            group=group,
            year=PLEDGE_YEAR,
            title="Giao ước thi đua năm 2019 của Khối thi đua các Ban Quản lý KCN, KCX, KKT "
            "các tỉnh đồng bằng sông Hồng",
            note="Ký tại hội nghị đầu năm của Khối; thang điểm 100, điểm thưởng tối đa 5, "
            "điểm trừ tối đa 5 (dữ liệu minh hoạ).",
        )
        created["pledges"] += 1
    criteria: dict[str, Criterion] = {}
    for spec in CRITERIA:
        found = pledge.criteria.filter(text=spec.text).first()
        if found is None:
            found = criterion_add(
                actor=None,
                pledge=pledge,
                kind=spec.kind,
                text=spec.text,
                weight=spec.weight,
                max_points=spec.max_points,
            )
        criteria[spec.key] = found
    if pledge.state == PledgeState.DRAFT:
        for kind, key in TIE_BREAKS:
            criterion = criteria[key] if key else None
            if not pledge.tie_breaks.filter(kind=kind, criterion=criterion).exists():
                tie_break_add(actor=None, pledge=pledge, kind=kind, criterion=criterion)
        pledge = pledge_open(actor=None, pledge=pledge)
    if pledge.state != PledgeState.OPEN:
        return
    keys = ("tasks", "investment", "reform", "movements", "initiative", "late")
    for member_key, values in SCORES.items():
        member = orgs[member_key]
        if not pledge.signatures.filter(organization=member).exists():
            pledge_sign(actor=None, pledge=pledge, organization=member)
        for key, value in zip(keys, values, strict=True):
            if Decimal(value) == 0 and criteria[key].kind == CriterionKind.PENALTY:
                continue
            if not Score.objects.filter(criterion=criteria[key], organization=member).exists():
                score_self_assess(
                    actor=None,
                    criterion=criteria[key],
                    organization=member,
                    points=value,
                    note="Theo báo cáo tổng kết năm 2019 của đơn vị.",
                )
                created["scores"] += 1
    for member_key, key, points, reason in REVIEWS:
        score = Score.objects.get(criterion=criteria[key], organization=orgs[member_key])
        if score.reviewed_at is None:
            score_review(actor=None, score=score, points=points, reason=reason)
    pledge_publish(actor=None, pledge=pledge)


def _election(
    group: EmulationGroup, orgs: Mapping[str, Organization], created: Counter[str]
) -> None:
    year = PLEDGE_YEAR + 1
    if Election.objects.filter(group=group, year=year, state=ElectionState.CLOSED).exists():
        return
    election = Election.objects.filter(group=group, year=year, state=ElectionState.OPEN).first()
    if election is None:
        election = election_open(actor=None, group=group, year=year)
        created["elections"] += 1
    for voter_key, (leader_key, deputy_key) in VOTES.items():
        if not election.votes.filter(voter=orgs[voter_key]).exists():
            election_vote(
                actor=None,
                election=election,
                voter=orgs[voter_key],
                leader=orgs[leader_key],
                deputy=orgs[deputy_key],
            )
    election_close(actor=None, election=election)
