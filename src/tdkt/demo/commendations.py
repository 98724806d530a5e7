"""Demo archive and rounds: the Board's history of ratings and awards, and an open 2025 round.

* Yearly ratings of the Board's own staff and departments for 2017–2019 (the years of the
  source article) and 2023–2025; Lao động tiên tiến for every year rated "good" or better up
  to 2024, Chiến sĩ thi đua cơ sở with a recognised initiative for some, Giấy khen of 2019,
  collective titles for the departments, and one reprimand. So the eligibility page has real
  verdicts for 2019 and for 2025.
* The round "Khen thưởng tổng kết năm 2025", open for proposals, its deadline 15 working days
  after the first seeding, so that each role has something to do: a draft proposal of Phòng
  Quản lý Đầu tư written by its head (to finish and submit), one of Phòng Quản lý Lao động
  submitted by its deputy head (for the officer to appraise), and one of Văn phòng appraised
  and sent to the council (the council of 2025 then opens a session for voting,
  ``tdkt.demo.council``).

Everything is drawn from a seeded ``random.Random`` and written through the archive, round
and proposal services, which leave existing facts unchanged, so a second run writes nothing.
The 2019 round and its decisions are loaded by the decisions' own demo module.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.commendations.constants import AppraisalVerdict, ProposalState, RoundKind
from tdkt.commendations.models import Proposal, Round
from tdkt.commendations.services import (
    Appraisal,
    AwardEntry,
    DisciplineEntry,
    InitiativeEntry,
    LineInput,
    RatingEntry,
    awards_record,
    disciplines_record,
    initiatives_record,
    proposal_appraise,
    proposal_lines_add,
    proposal_move,
    ratings_record,
    round_create,
)
from tdkt.core.selectors import working_calendar
from tdkt.organizations.models import Organization, Person

from .people import PersonSpec

SEED = 20191231
YEARS = (2017, 2018, 2019, 2023, 2024, 2025)
# Decision numbers of the Board's year-end decisions (number per title and year, invented).
_DECISION = {"advanced_worker": 10, "grassroots_emulation_fighter": 11, "certificate_of_merit": 12}
_COLLECTIVE_DECISION = 13
ROUND_NAME = "Khen thưởng tổng kết năm 2025"
ROUND_CODES = (
    "advanced_worker",
    "grassroots_emulation_fighter",
    "provincial_emulation_fighter",
    "certificate_of_merit",
    "provincial_certificate_of_commendation",
    "advanced_collective",
    "excellent_collective",
)
PROPOSING_UNIT = "unit:investment"
PROPOSING_HEAD = "truongphong.dautu"
# Further 2025 proposals: unit, writer, how far they go (submitted, or at the council).
FURTHER_PROPOSALS = (
    ("unit:labour", "phophong.laodong", ProposalState.SUBMITTED),
    ("unit:office", "phochanh.vanphong", ProposalState.AT_COUNCIL),
)
OFFICER = "canbo.tdkt"


def _decision(code: str, year: int) -> tuple[str, date]:
    return f"{_DECISION[code]}/QĐ-BQL", date(year + 1, 1, 10)


def _board_staff(specs: Sequence[PersonSpec], people: Mapping[str, Person]) -> list[Person]:
    """The people whose current post is in one of the Board's units, in the specs' order."""
    return [
        people[spec.full_name]
        for spec in specs
        if spec.posts[-1].org_key.startswith("unit:") and spec.full_name in people
    ]


def _history(
    staff: Sequence[Person], rng: random.Random
) -> tuple[list[RatingEntry], list[AwardEntry], list[InitiativeEntry]]:
    ratings: list[RatingEntry] = []
    awards: list[AwardEntry] = []
    initiatives: list[InitiativeEntry] = []
    for person in staff:
        strong = rng.random() < 0.35
        for year in YEARS:
            roll = rng.random()
            rating = (
                "excellent"
                if roll < (0.55 if strong else 0.2)
                else "good"
                if roll < 0.9
                else "complete"
            )
            ratings.append(RatingEntry(person=person, year=year, rating=rating))
            if year == 2025 or rating == "complete":
                continue
            number, signed = _decision("advanced_worker", year)
            awards.append(
                AwardEntry(
                    person=person,
                    code="advanced_worker",
                    year=year,
                    decision_number=number,
                    decision_date=signed,
                    issuer_name="Ban Quản lý các KCN và CX Hà Nội",
                    prize_vnd=_prize(0.3, year),
                )
            )
            if strong and rating == "excellent":
                initiatives.append(
                    InitiativeEntry(
                        person=person,
                        title=f"Sáng kiến cải tiến nghiệp vụ năm {year} của {person.full_name}",
                        year=year,
                        scope="grassroots",
                        recognized_by="Hội đồng sáng kiến Ban Quản lý",
                    )
                )
                number, signed = _decision("grassroots_emulation_fighter", year)
                awards.append(
                    AwardEntry(
                        person=person,
                        code="grassroots_emulation_fighter",
                        year=year,
                        decision_number=number,
                        decision_date=signed,
                        issuer_name="Ban Quản lý các KCN và CX Hà Nội",
                        prize_vnd=_prize(1.0, year),
                    )
                )
        if strong:
            # This year's initiative, recognised before the 2025 round.
            initiatives.append(
                InitiativeEntry(
                    person=person,
                    title=f"Sáng kiến số hoá hồ sơ năm 2025 của {person.full_name}",
                    year=2025,
                    scope="grassroots",
                    recognized_by="Hội đồng sáng kiến Ban Quản lý",
                )
            )
    return ratings, awards, initiatives


def _prize(coefficient: float, year: int) -> int:
    """Coefficient × the base salary of the January after ``year``, to 10.000 đồng."""
    salary = {2018: 1_300_000, 2019: 1_390_000, 2020: 1_490_000, 2024: 1_800_000}
    base = salary.get(year + 1, 2_340_000)
    return int(round(coefficient * base / 10_000) * 10_000)


def _collective(orgs: Mapping[str, Organization]) -> tuple[list[RatingEntry], list[AwardEntry]]:
    ratings, awards = [], []
    for key, org in sorted(orgs.items()):
        if not key.startswith("unit:"):
            continue
        for year in YEARS:
            ratings.append(RatingEntry(organization=org, year=year, rating="excellent"))
            if year in (2018, 2019, 2024):
                awards.append(
                    AwardEntry(
                        organization=org,
                        code="advanced_collective",
                        year=year,
                        decision_number=f"{_COLLECTIVE_DECISION}/QĐ-BQL",
                        decision_date=date(year + 1, 1, 10),
                        issuer_name="Ban Quản lý các KCN và CX Hà Nội",
                        prize_vnd=_prize(0.8, year),
                    )
                )
    return ratings, awards


def load_commendations(
    *,
    writer: User | None,
    orgs: Mapping[str, Organization],
    specs: Sequence[PersonSpec],
    people: Mapping[str, Person],
    created: Counter[str],
) -> None:
    """Load the archive, the 2025 round and its draft proposal (what is missing)."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, not security
    staff = _board_staff(specs, people)
    ratings, awards, initiatives = _history(staff, rng)
    unit_ratings, unit_awards = _collective(orgs)
    created["ratings"] += ratings_record(actor=writer, entries=ratings + unit_ratings).count(
        "created"
    )
    created["awards"] += awards_record(actor=writer, entries=awards + unit_awards).count("created")
    created["initiatives"] += initiatives_record(actor=writer, entries=initiatives).count("created")
    if staff:
        punished = staff[len(staff) // 2]
        created["disciplines"] += disciplines_record(
            actor=writer,
            entries=[
                DisciplineEntry(
                    person=punished,
                    year=2024,
                    level="reprimand",
                    decision_number="45/QĐ-BQL",
                    decided_on=date(2024, 9, 12),
                    note="Chậm giải quyết hồ sơ",
                )
            ],
        ).count("created")
    round_ = _round(writer, created)
    _proposal(round_, orgs, staff, created)
    for unit_key, username, state in FURTHER_PROPOSALS:
        _further_proposal(round_, orgs.get(unit_key), username, state, staff, created)


def _round(writer: User | None, created: Counter[str]) -> Round:
    found = Round.objects.filter(name=ROUND_NAME).first()
    if found is not None:
        return found
    deadline = working_calendar().add_working_days(timezone.localdate(), 15)
    created["rounds"] += 1
    return round_create(
        actor=writer,
        name=ROUND_NAME,
        kind=RoundKind.YEAR_END,
        year=2025,
        accepted_codes=list(ROUND_CODES),
        unit_deadline=deadline,
        description="Các đơn vị xét, đề nghị khen thưởng thành tích năm 2025.",
    )


def _candidates(unit: Organization, staff: Sequence[Person], count: int) -> list[Person]:
    """The first ``count`` people working in ``unit``, leaving out everyone with a demo login
    (council members and the units' writers do not propose or vote on themselves)."""
    linked = set(User.objects.filter(person__isnull=False).values_list("person_id", flat=True))
    return [
        p
        for p in staff
        if p.pk not in linked
        and p.employments.filter(organization=unit, end_date__isnull=True).exists()
    ][:count]


def _proposal(
    round_: Round, orgs: Mapping[str, Organization], staff: Sequence[Person], created: Counter[str]
) -> None:
    unit = orgs.get(PROPOSING_UNIT)
    head = User.objects.filter(username=PROPOSING_HEAD).first()
    if unit is None or head is None:
        return
    if Proposal.objects.filter(round=round_, organization=unit).exists():
        return
    members = _candidates(unit, staff, 4)
    lines = [
        LineInput(
            person=person,
            code="advanced_worker",
            achievement="Hoàn thành tốt nhiệm vụ được giao năm 2025.",
        )
        for person in members
    ]
    lines.append(
        LineInput(
            organization=unit,
            code="advanced_collective",
            achievement="Tập thể hoàn thành xuất sắc nhiệm vụ năm 2025.",
        )
    )
    proposal_lines_add(actor=head, round=round_, organization=unit, lines=lines)
    created["proposals"] += 1


def _further_proposal(
    round_: Round,
    unit: Organization | None,
    username: str,
    state: str,
    staff: Sequence[Person],
    created: Counter[str],
) -> None:
    """A unit's proposal written and submitted by its head; sent on to the council if asked."""
    writer = User.objects.filter(username=username).first()
    officer = User.objects.filter(username=OFFICER).first()
    if unit is None or writer is None or officer is None:
        return
    if Proposal.objects.filter(round=round_, organization=unit).exists():
        return
    members = _candidates(unit, staff, 3)
    lines = [
        LineInput(
            person=person,
            code="advanced_worker",
            achievement="Hoàn thành tốt nhiệm vụ được giao năm 2025.",
        )
        for person in members
    ]
    lines.append(
        LineInput(
            organization=unit,
            code="advanced_collective",
            achievement="Tập thể hoàn thành tốt nhiệm vụ năm 2025.",
        )
    )
    proposal, _count = proposal_lines_add(
        actor=writer, round=round_, organization=unit, lines=lines
    )
    proposal = proposal_move(actor=writer, proposal=proposal, to_state=ProposalState.SUBMITTED)
    created["proposals"] += 1
    if state != ProposalState.AT_COUNCIL:
        return
    proposal = proposal_move(
        actor=officer, proposal=proposal, to_state=ProposalState.UNDER_APPRAISAL
    )
    proposal = proposal_appraise(
        actor=officer,
        proposal=proposal,
        findings={line: Appraisal(AppraisalVerdict.ELIGIBLE) for line in proposal.lines.all()},
    )
    proposal_move(actor=officer, proposal=proposal, to_state=ProposalState.AT_COUNCIL)
