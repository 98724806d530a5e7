"""The Board's 2019 year-end round, from the units' proposals to the council's vote.

Source: the article of 26/03/2020 (docs/demo-data.md) says the Board commended its units and
staff for 2019; names, counts and texts here are illustrative. Every step goes through the
service a user's click calls, with the demo login of the person who would click, in order:

1. the emulation officer ``canbo.tdkt`` opens the round (deadline 10/12/2019, rule set R2013);
2. each of six units adds its lines (its collective, three of its staff, and for two units
   and the centre a Bằng khen of the City's Chairman), uploads its dossier (a tờ trình, a
   báo cáo thành tích and a biên bản bình xét as small generated PDFs), writes its letter's
   number and submits, as its head (``tdkt.demo.accounts.UNIT_WRITERS``);
3. the officer closes the round, starts the appraisal, finds every line eligible but one
   (the enterprise department's extra candidate, "hồ sơ chưa đầy đủ") and sends each
   proposal to the council;
4. the council of 2019 meets on 20/12/2019: everyone present, every member votes on a phone
   (secret counters), a few dissenting on a line, the chair closes, the minutes are
   01/BB-HĐTĐKT and the proposals are "voted" (``tdkt.demo.council.hold_year_session``).

``tdkt.demo.decisions2019`` carries the round on to the decision. The timestamps the services
write are those of the seeding; the documents carry the story's dates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from tdkt.accounts.models import User
from tdkt.commendations.constants import (
    AppraisalReason,
    AppraisalVerdict,
    AttachmentKind,
    ProposalState,
    RoundKind,
    RoundState,
)
from tdkt.commendations.models import Proposal, Round
from tdkt.commendations.services import (
    Appraisal,
    LineInput,
    attachment_add,
    proposal_appraise,
    proposal_lines_add,
    proposal_move,
    proposal_update,
    round_create,
    round_set_state,
)
from tdkt.organizations.models import Organization, Person

from .accounts import UNIT_WRITERS
from .board import UNITS
from .council import SEATS, hold_year_session
from .dossiers import demo_pdf
from .people import demo_people

ROUND_NAME = "Tổng kết công tác thi đua, khen thưởng năm 2019"
YEAR = 2019
DEADLINE = date(2019, 12, 10)
LETTER_DATE = date(2019, 12, 5)
ACHIEVEMENT = "Hoàn thành xuất sắc nhiệm vụ năm 2019"
GIAY_KHEN = "certificate_of_merit"
BANG_KHEN_TP = "provincial_certificate_of_commendation"
OFFICER = "canbo.tdkt"
# Units proposing, in the order they submit, and how many of their staff get a Giấy khen.
UNIT_KEYS = ("office", "investment", "planning", "enterprise_affairs", "labour", "centre")
PEOPLE_PER_UNIT = 3
SHORT_NAMES = {unit.key: unit.short_name for unit in UNITS}
UNIT_NAMES = {unit.key: unit.name for unit in UNITS}
DOSSIER = (
    (AttachmentKind.PROPOSAL_LETTER, "to-trinh.pdf", "Tờ trình đề nghị khen thưởng năm 2019"),
    (AttachmentKind.ACHIEVEMENT_REPORT, "bao-cao-thanh-tich.pdf", "Báo cáo thành tích năm 2019"),
    (AttachmentKind.REVIEW_MINUTES, "bien-ban-binh-xet.pdf", "Biên bản họp bình xét thi đua"),
)
INCOMPLETE = "Thiếu báo cáo thành tích cá nhân có xác nhận của thủ trưởng đơn vị."


@dataclass(frozen=True)
class _Line:
    recipient: Person | Organization
    code: str = GIAY_KHEN


def _staff_of(unit_key: str, skip: set[str]) -> list[str]:
    """Names of the unit's staff in the demo's order, its head first, without ``skip``."""
    return [
        spec.full_name
        for spec in demo_people()
        if spec.posts[-1].org_key == f"unit:{unit_key}" and spec.full_name not in skip
    ]


def plan_lines(orgs: dict[str, Organization], people: dict[str, Person]) -> dict[str, list[_Line]]:
    """Each unit's candidates; council members and the units' writers are not candidates."""
    writers = {u.first_name for u in User.objects.filter(username__in=UNIT_WRITERS.values())}
    skip = {seat.full_name for seat in SEATS} | writers
    plans: dict[str, list[_Line]] = {}
    for key in UNIT_KEYS:
        staff = _staff_of(key, skip)
        plans[key] = [_Line(orgs[f"unit:{key}"])]
        plans[key] += [_Line(people[name]) for name in staff[1 : 1 + PEOPLE_PER_UNIT]]
    # Above the Board's authority: Bằng khen of the City's Chairman (a tờ trình to the City).
    for key in ("investment", "labour"):
        plans[key].append(_Line(people[_staff_of(key, skip)[0]], BANG_KHEN_TP))
    plans["centre"].append(_Line(orgs["unit:centre"], BANG_KHEN_TP))
    # One more Giấy khen, withdrawn during publication; one found ineligible at appraisal.
    plans["labour"].append(_Line(people[_staff_of("labour", skip)[4]]))
    plans["enterprise_affairs"].append(_Line(people[_staff_of("enterprise_affairs", skip)[4]]))
    return plans


def load_2019_round(
    *,
    orgs: dict[str, Organization],
    people: dict[str, Person],
    created: Counter[str],
) -> Round | None:
    """Carry the 2019 round to the council's vote; None when the round exists already."""
    if Round.objects.filter(name=ROUND_NAME, year=YEAR).exists():
        return None
    names = {*UNIT_WRITERS.values(), OFFICER}
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    if names - users.keys():
        return None  # a demo login was removed: leave the story out rather than half of it
    officer = users[OFFICER]
    round_ = round_create(
        actor=officer,
        name=ROUND_NAME,
        kind=RoundKind.YEAR_END,
        year=YEAR,
        accepted_codes=[GIAY_KHEN, BANG_KHEN_TP],
        unit_deadline=DEADLINE,
        rule_set="R2013",
        description="Các phòng, đơn vị xét, đề nghị khen thưởng thành tích năm 2019.",
    )
    created["rounds"] += 1
    proposals = [
        _propose(round_, key, lines, users[UNIT_WRITERS[key]], orgs, created)
        for key, lines in plan_lines(orgs, people).items()
    ]
    round_ = round_set_state(actor=officer, round=round_, state=RoundState.CLOSED)
    for proposal in proposals:
        _appraise(proposal, officer)
    hold_year_session(YEAR, writer=None, created=created)
    return round_


def _propose(
    round_: Round,
    key: str,
    lines: list[_Line],
    writer: User,
    orgs: dict[str, Organization],
    created: Counter[str],
) -> Proposal:
    """The unit's lines, letter number, dossier and submission, as its head."""
    unit = orgs[f"unit:{key}"]
    proposal, _count = proposal_lines_add(
        actor=writer,
        round=round_,
        organization=unit,
        lines=[
            LineInput(
                person=line.recipient if isinstance(line.recipient, Person) else None,
                organization=line.recipient if isinstance(line.recipient, Organization) else None,
                code=line.code,
                achievement=ACHIEVEMENT,
            )
            for line in lines
        ],
    )
    letter = f"{UNIT_KEYS.index(key) + 20}/TTr-{SHORT_NAMES[key]}"
    proposal = proposal_update(
        actor=writer, proposal=proposal, letter_number=letter, letter_date=LETTER_DATE
    )
    for kind, name, title in DOSSIER:
        attachment_add(
            actor=writer,
            proposal=proposal,
            kind=kind,
            name=name,
            data=demo_pdf(
                title,
                [
                    f"Don vi: {UNIT_NAMES[key]}",
                    f"So: {letter} ngay {LETTER_DATE:%d/%m/%Y}",
                    f"So truong hop de nghi: {len(lines)}",
                ],
            ),
        )
    proposal = proposal_move(actor=writer, proposal=proposal, to_state=ProposalState.SUBMITTED)
    created["proposals"] += 1
    created["dossier_files"] += len(DOSSIER)
    return proposal


def _appraise(proposal: Proposal, officer: User) -> None:
    """Start the appraisal, record a finding on every line, send to the council."""
    proposal = proposal_move(
        actor=officer, proposal=proposal, to_state=ProposalState.UNDER_APPRAISAL
    )
    lines = list(proposal.lines.order_by("position"))
    incomplete = (
        lines[-1] if proposal.organization.name == UNIT_NAMES["enterprise_affairs"] else None
    )
    findings = {
        line: Appraisal(AppraisalVerdict.INELIGIBLE, AppraisalReason.DOSSIER_INCOMPLETE, INCOMPLETE)
        if line == incomplete
        else Appraisal(AppraisalVerdict.ELIGIBLE)
        for line in lines
    }
    proposal = proposal_appraise(actor=officer, proposal=proposal, findings=findings)
    proposal_move(actor=officer, proposal=proposal, to_state=ProposalState.AT_COUNCIL)
