"""The Board's 2019 year-end round, carried to a signed Giấy khen decision and paid.

Source: the article of 26/03/2020 (docs/demo-data.md) says the Board commended its units and
staff for 2019; the names, counts and amounts here are illustrative. The story:

* the round "Tổng kết năm 2019" with six units' proposals: 24 Giấy khen lines (6 collectives,
  18 individuals), one more line later withdrawn, and three Bằng khen of the City's Chairman
  (two individuals, one collective) that the Board forwards to the City with a tờ trình;
* the council's closed session of 20/12/2019, every line passed;
* publication from 23/12/2019 for 10 working days, with one comment answered;
* decision 125/QĐ-BQL of 10/01/2020 signed by the Trưởng ban (the series aligned with the
  paper register at 124), R2013 money: 890.000 đồng per collective, 450.000 per individual;
* the fund of 2020: opening balance, a receipt and the payment of the decision.

Rounds, proposals and the council's outcome are written here as rows, in one place, because
their services and demo data come with the proposal and council screens; every state change
goes through the workflow and every later step through the real services.
:func:`load_2019_decisions` is the one entry point, so it can switch to those at merge.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations import workflow
from tdkt.commendations.constants import (
    AppraisalVerdict,
    CommentKind,
    CouncilRole,
    FundEntryKind,
    ProposalState,
    RoundKind,
    RoundState,
    SessionState,
    SignerTitle,
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
from tdkt.commendations.services import (
    decision_draft_create,
    decision_sign,
    decision_update,
    document_series_align,
    fund_entry_add,
    fund_year_set,
    proposal_line_withdraw,
    publication_comment_add,
    publication_comment_resolve,
    publication_open,
)
from tdkt.core.calendar import VN_TZ
from tdkt.organizations.models import Organization, Person

from .board import UNITS
from .people import demo_people

ROUND_NAME = "Tổng kết công tác thi đua, khen thưởng năm 2019"
YEAR = 2019
SESSION_AT = datetime(2019, 12, 20, 8, 30, tzinfo=VN_TZ)
PUBLISHED_FROM = date(2019, 12, 23)
SIGNED_ON = date(2020, 1, 10)
SERIES_BEFORE = 124  # the paper register's last decision number of 2020 before ours
ACHIEVEMENT = "Hoàn thành xuất sắc nhiệm vụ năm 2019"
GIAY_KHEN = "certificate_of_merit"
BANG_KHEN_TP = "provincial_certificate_of_commendation"
# Units proposing, and how many of their staff get a Giấy khen.
UNIT_KEYS = ("office", "investment", "planning", "enterprise_affairs", "labour", "centre")
PEOPLE_PER_UNIT = 3
SHORT_NAMES = {unit.key: unit.short_name for unit in UNITS}
COUNCIL = (
    ("lanhdao", CouncilRole.CHAIR, "Trưởng ban"),
    ("canbo.tdkt", CouncilRole.MEMBER, "Chuyên viên thi đua – khen thưởng"),
    ("hoidong", CouncilRole.SECRETARY, "Chánh Văn phòng"),
)


@dataclass(frozen=True)
class _Line:
    recipient: Person | Organization
    code: str = GIAY_KHEN


def _staff_of(unit_key: str, skip: set[str]) -> list[str]:
    """Names of the unit's staff in the demo's order, its head first."""
    return [
        spec.full_name
        for spec in demo_people()
        if spec.posts[-1].org_key == f"unit:{unit_key}" and spec.full_name not in skip
    ]


def _ensure_council_guard() -> None:
    """Until the council's services register ``council_voted``, check the same outcome they
    record: every line put to the session has a result."""
    if workflow.guard_registered("council_voted"):
        return

    @workflow.register_guard("council_voted")
    def _every_item_decided(proposal: Proposal) -> str | None:
        if SessionItem.objects.filter(line__proposal=proposal, passed__isnull=True).exists():
            return "Hội đồng chưa kết thúc bỏ phiếu."
        return None


def load_2019_decisions(
    *,
    writer: User | None,
    orgs: dict[str, Organization],
    people: dict[str, Person],
    created: Counter[str],
) -> None:
    """Load the 2019 round and its decision unless the round exists (idempotent)."""
    if Round.objects.filter(name=ROUND_NAME, year=YEAR).exists():
        return
    users = {u.username: u for u in User.objects.filter(username__in=[c[0] for c in COUNCIL])}
    officer, leader = users["canbo.tdkt"], users["lanhdao"]
    council_names = {u.get_full_name() for u in users.values()}
    round_ = _round(writer, orgs, people, council_names, created)
    _vote(round_, users, created)
    publication = publication_open(
        actor=officer,
        round=round_,
        starts_on=PUBLISHED_FROM,
        note="Niêm yết tại trụ sở Ban và đăng trên Cổng thông tin điện tử của Ban.",
    )
    first = round_.proposals.get(organization=orgs["unit:office"]).lines.order_by("id").first()
    if first is not None:
        comment = publication_comment_add(
            actor=officer,
            publication=publication,
            line=first,
            kind=CommentKind.COMMENT,
            author_name="Công đoàn cơ quan Ban",
            text="Đề nghị bổ sung số liệu thành tích trong báo cáo.",
            received_on=date(2019, 12, 26),
        )
        publication_comment_resolve(
            actor=officer, comment=comment, resolution="Văn phòng đã bổ sung báo cáo thành tích."
        )
    late = round_.proposals.get(organization=orgs["unit:labour"]).lines.order_by("-id")
    withdrawn = late.filter(code=GIAY_KHEN).first()
    if withdrawn is not None:
        proposal_line_withdraw(
            actor=officer, line=withdrawn, reason="Đơn vị xin rút do cá nhân chuyển công tác."
        )
    draft = decision_draft_create(
        actor=officer, round=round_, codes=[GIAY_KHEN], signer_title=SignerTitle.HEAD
    )
    draft = decision_update(
        actor=officer,
        decision=draft,
        proposal_basis=(
            "Xét đề nghị của Chánh Văn phòng Ban tại Tờ trình số 12/TTr-VP ngày 06 tháng 01 "
            "năm 2020 và Biên bản họp Hội đồng Thi đua - Khen thưởng Ban ngày 20 tháng 12 "
            "năm 2019"
        ),
    )
    document_series_align(actor=officer, year=SIGNED_ON.year, last_number=SERIES_BEFORE)
    decision = decision_sign(
        actor=leader, decision=draft, signer_title=SignerTitle.HEAD, signed_on=SIGNED_ON
    )
    created["decisions"] += 1
    total = sum(a.prize_vnd or 0 for a in decision.awards.all())
    fund_year_set(
        actor=officer,
        year=2020,
        opening_balance_vnd=120_000_000,
        note="Số dư quỹ chuyển sang từ năm 2019",
    )
    fund_entry_add(
        actor=officer,
        kind=FundEntryKind.RECEIPT,
        amount_vnd=50_000_000,
        on=date(2020, 1, 2),
        description="Trích lập quỹ thi đua, khen thưởng năm 2020 theo dự toán",
    )
    fund_entry_add(
        actor=officer,
        kind=FundEntryKind.PAYMENT,
        amount_vnd=total,
        on=date(2020, 1, 20),
        description=f"Chi thưởng theo Quyết định số {decision.number_label}",
        decision=decision,
    )
    created["fund_entries"] += 2


def _round(
    writer: User | None,
    orgs: dict[str, Organization],
    people: dict[str, Person],
    council_names: set[str],
    created: Counter[str],
) -> Round:
    """The round, its proposals and lines as rows, submitted, appraised and sent to council."""
    round_ = Round.objects.create(
        name=ROUND_NAME,
        kind=RoundKind.YEAR_END,
        year=YEAR,
        accepted_codes=[GIAY_KHEN, BANG_KHEN_TP],
        unit_deadline=date(2019, 12, 10),
        rule_set="R2013",
        created_by=writer,
    )
    record(event_type=AuditEventType.ROUND_CREATED, actor=writer, obj=round_)
    created["rounds"] += 1
    plans: dict[str, list[_Line]] = {}
    for key in UNIT_KEYS:
        staff = _staff_of(key, council_names)
        lines = [_Line(orgs[f"unit:{key}"])]
        lines += [_Line(people[name]) for name in staff[1 : 1 + PEOPLE_PER_UNIT]]
        plans[key] = lines
    # Above the Board's authority: Bằng khen of the City's Chairman (a tờ trình to the City).
    for key in ("investment", "labour"):
        head = _staff_of(key, council_names)[0]
        plans[key].append(_Line(people[head], BANG_KHEN_TP))
    plans["centre"].append(_Line(orgs["unit:centre"], BANG_KHEN_TP))
    # One more Giấy khen, withdrawn during publication.
    plans["labour"].append(_Line(people[_staff_of("labour", council_names)[4]]))
    for key, lines in plans.items():
        proposal = Proposal.objects.create(
            round=round_,
            organization=orgs[f"unit:{key}"],
            letter_number=f"{UNIT_KEYS.index(key) + 20}/TTr-{SHORT_NAMES[key]}",
            letter_date=date(2019, 12, 5),
            created_by=writer,
        )
        record(event_type=AuditEventType.PROPOSAL_CREATED, actor=writer, obj=proposal)
        for position, spec in enumerate(lines):
            recipient = spec.recipient
            ProposalLine.objects.create(
                proposal=proposal,
                person=recipient if isinstance(recipient, Person) else None,
                organization=recipient if isinstance(recipient, Organization) else None,
                code=spec.code,
                achievement=ACHIEVEMENT,
                position=position,
            )
        workflow.proposal_transition(
            actor=writer, proposal=proposal, to_state=ProposalState.SUBMITTED
        )
        workflow.proposal_transition(
            actor=writer, proposal=proposal, to_state=ProposalState.UNDER_APPRAISAL
        )
        for line in proposal.lines.all():
            line.appraisal = AppraisalVerdict.ELIGIBLE
            line.save(update_fields=["appraisal"])
        workflow.proposal_transition(
            actor=writer, proposal=proposal, to_state=ProposalState.AT_COUNCIL
        )
        created["proposals"] += 1
    round_.state = RoundState.CLOSED
    round_.save(update_fields=["state"])
    return round_


def _vote(round_: Round, users: dict[str, User], created: Counter[str]) -> None:
    """The council's closed session: every member voted for every line (counters only)."""
    _ensure_council_guard()
    council, _ = Council.objects.get_or_create(
        year=YEAR,
        defaults={
            "name": "Hội đồng Thi đua - Khen thưởng Ban Quản lý năm 2019",
            "established_by": "05/QĐ-BQL",
        },
    )
    for position, (username, role, title) in enumerate(COUNCIL):
        user = users[username]
        CouncilMember.objects.get_or_create(
            council=council,
            user=user,
            defaults={
                "full_name": user.get_full_name(),
                "title": title,
                "role": role,
                "position": position,
            },
        )
    session = CouncilSession.objects.create(
        council=council,
        round=round_,
        title="Họp xét khen thưởng tổng kết năm 2019",
        starts_at=SESSION_AT,
        place="Phòng họp tầng 3, trụ sở Ban Quản lý",
        state=SessionState.CLOSED,
        minutes_number=1,
        ended_at=SESSION_AT.replace(hour=11),
    )
    members = len(COUNCIL)
    position = 0
    for proposal in round_.proposals.order_by("id"):
        for line in proposal.lines.order_by("position"):
            SessionItem.objects.create(
                session=session,
                line=line,
                position=position,
                threshold_percent=None,
                yes_count=members,
                no_count=0,
                passed=True,
            )
            position += 1
        workflow.proposal_transition(
            actor=None, proposal=proposal, to_state=ProposalState.VOTED, system=True
        )
    created["council_sessions"] += 1
