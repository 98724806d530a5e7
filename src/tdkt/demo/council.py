"""Demo data of the council: the Board's councils of 2019 and 2025 and their sessions.

Both councils seat the same seven people, each through their demo login: the head of the
Board chairs, a deputy head is vice-chair, four heads of unit are members and the emulation
officer is the secretary (the usual make-up of a Board's council; names and decisions are
synthetic). When a year-end round of that year has proposals at the council, the loader plans
its session: the 2019 one is held (everyone present, every member votes, a few dissenting on
a line, the chair closes, so the proposals move on to publication; the 2019 story of
``tdkt.demo.round2019`` calls :func:`hold_year_session` once its proposals reach the
council); the 2025 one is opened for voting, so that a council member can vote on a phone on
a fresh ``make run``.

Everything goes through the council services with the demo accounts as actors, so the audit
trail reads as if people had done it. A second run finds every row and writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from tdkt.accounts.models import User
from tdkt.commendations.constants import CouncilRole, RoundKind, TallySource
from tdkt.commendations.models import Council, CouncilSession, Round
from tdkt.commendations.selectors.council import available_lines
from tdkt.commendations.services.ballots import (
    ballot_cast,
    session_attendance_set,
    session_proceedings_set,
    session_voting_open,
)
from tdkt.commendations.services.council import council_create, council_member_add
from tdkt.commendations.services.council_results import session_voting_close
from tdkt.commendations.services.council_sessions import session_create

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class SeatSpec:
    """A seat: the demo login that holds it, the name the minutes print, post and role."""

    username: str
    full_name: str
    title: str
    role: str


SEATS: tuple[SeatSpec, ...] = (
    SeatSpec("lanhdao", "Trần Minh Đức", "Trưởng ban", CouncilRole.CHAIR),
    SeatSpec("hoidong.yen", "Lê Thị Yến", "Phó Trưởng ban", CouncilRole.VICE_CHAIR),
    SeatSpec(
        "truongphong.dautu", "Nguyễn Văn Ánh", "Trưởng phòng Quản lý Đầu tư", CouncilRole.MEMBER
    ),
    SeatSpec("hoidong", "Đỗ Thị Thu Hà", "Chánh Văn phòng", CouncilRole.MEMBER),
    SeatSpec(
        "hoidong.ngan",
        "Đặng Ngọc Ngân",
        "Trưởng phòng Quản lý Quy hoạch và Xây dựng",
        CouncilRole.MEMBER,
    ),
    SeatSpec("hoidong.diep", "Lê Phương Điệp", "Trưởng phòng Quản lý Lao động", CouncilRole.MEMBER),
    SeatSpec(
        "canbo.tdkt", "Phạm Thị Đào", "Chuyên viên thi đua – khen thưởng", CouncilRole.SECRETARY
    ),
)


@dataclass(frozen=True)
class CouncilSpec:
    """A year's council, its founding decision and the meeting of its year-end session."""

    year: int
    established_by: str
    meeting: datetime
    held: bool  # True: voted and closed; False: left open for voting


COUNCILS: tuple[CouncilSpec, ...] = (
    CouncilSpec(
        2019, "03/QĐ-BQL ngày 10/01/2019", datetime(2019, 12, 20, 8, 30, tzinfo=HANOI), True
    ),
    CouncilSpec(
        2025, "05/QĐ-BQL ngày 08/01/2025", datetime(2026, 1, 8, 8, 30, tzinfo=HANOI), False
    ),
)

PROCEEDINGS = (
    "Thư ký Hội đồng báo cáo tổng hợp đề nghị khen thưởng của các phòng, đơn vị và kết quả "
    "thẩm định của Văn phòng.\n"
    "Các thành viên Hội đồng thảo luận, đối chiếu tiêu chuẩn theo quy định và bỏ phiếu kín trên "
    "hệ thống."
)


def load_councils(*, writer: User | None, created: Counter[str]) -> None:
    """Create what is missing of the demo councils and their sessions (see the module doc)."""
    users = {u.username: u for u in User.objects.filter(username__in=[s.username for s in SEATS])}
    for spec in COUNCILS:
        council = Council.objects.filter(year=spec.year).first()
        if council is None:
            council = council_create(
                actor=writer,
                year=spec.year,
                name=f"Hội đồng Thi đua – Khen thưởng Ban Quản lý năm {spec.year}",
                established_by=spec.established_by,
                quorum_percent=Decimal("80"),
            )
            created["councils"] += 1
        _seat_members(council, users, writer=writer, created=created)
        _hold_session(council, spec, writer=writer, created=created)


def hold_year_session(year: int, *, writer: User | None, created: Counter[str]) -> None:
    """Plan (and for a held year, vote and close) the session of ``year``'s year-end round."""
    council = Council.objects.filter(year=year).first()
    spec = next((s for s in COUNCILS if s.year == year), None)
    if council is not None and spec is not None:
        _hold_session(council, spec, writer=writer, created=created)


def dissents(member_index: int, item_index: int) -> bool:
    """Whether a member disagrees with a line: scattered, at most one member per line, so
    every line still passes (6 of 7) and the counters show a real vote."""
    return (member_index + item_index) % 11 == 0


def _seat_members(
    council: Council, users: dict[str, User], *, writer: User | None, created: Counter[str]
) -> None:
    seated = set(council.members.values_list("user__username", flat=True))
    taken = set(
        council.members.filter(role__in=[CouncilRole.CHAIR, CouncilRole.SECRETARY]).values_list(
            "role", flat=True
        )
    )
    for seat in SEATS:
        user = users.get(seat.username)
        if user is None or seat.username in seated or seat.role in taken:
            continue  # a missing login, or a seat someone already changed: leave it
        council_member_add(
            actor=writer,
            council=council,
            user=user,
            role=seat.role,
            full_name=seat.full_name,
            title=seat.title,
        )
        created["council_members"] += 1


def _hold_session(
    council: Council,
    spec: CouncilSpec,
    *,
    writer: User | None,
    created: Counter[str],
) -> None:
    """Plan (and for a held one, vote and close) the session of the year-end round."""
    round_ = Round.objects.filter(year=spec.year, kind=RoundKind.YEAR_END).first()
    if round_ is None or CouncilSession.objects.filter(council=council, round=round_).exists():
        return
    if not available_lines(round_).exists():
        return  # nothing at the council yet
    members = list(council.members.select_related("user"))
    chair = next((m.user for m in members if m.role == CouncilRole.CHAIR), None)
    secretary = next((m.user for m in members if m.role == CouncilRole.SECRETARY), None)
    if chair is None or secretary is None:
        return
    session = session_create(
        actor=writer,
        council=council,
        round=round_,
        title=f"Họp xét, đề nghị khen thưởng năm {spec.year}",
        starts_at=spec.meeting,
        place="Phòng họp tầng 3, trụ sở Ban Quản lý",
        tally_source=TallySource.ELECTRONIC,
    )
    created["council_sessions"] += 1
    session = session_attendance_set(actor=secretary, session=session, present=members)
    session = session_voting_open(actor=chair, session=session)
    if not spec.held:
        return
    items = list(session.items.order_by("position").values_list("pk", flat=True))
    for m, member in enumerate(members):
        choices = {item: not dissents(m, i) for i, item in enumerate(items)}
        ballot_cast(actor=member.user, session=session, choices=choices)
    session = session_proceedings_set(actor=secretary, session=session, proceedings=PROCEEDINGS)
    session_voting_close(actor=chair, session=session)
