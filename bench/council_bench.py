"""Benchmark: a council of 50 members voting at once (issue #9 §6).

Every member submits the secret ballot at the same moment (one thread and one database
connection each, released together by a barrier), and 10 of them submit a second time at that
same moment. Checked: 0 lost and 0 double ballots (one receipt per member, every line counts
each member exactly once, each duplicate refused with "Bạn đã bỏ phiếu"). Measured: the
latency of one vote (``ballot_cast``: lock the session, checks, receipt, counters, audit
event), p50/p95/max, beside a baseline from the same run, the bare insert of a receipt in its
own transaction, done by as many threads at once. Both are also timed one at a time, without
contention. Bursts are repeated (``--repeat``), baseline and votes interleaved.

    .venv/bin/python bench/council_bench.py                 # SQLite file (no PostgreSQL set)
    TDKT_BENCH_DATABASE_URL=postgresql://user:pw@host/db .venv/bin/python bench/council_bench.py
    .venv/bin/python bench/council_bench.py --quick         # 20 members, one burst

The run creates its own database (``<name>_council_bench`` on PostgreSQL, a temporary file on
SQLite), migrates it and drops it at the end.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings.test")  # fast password hashing
if os.environ.get("TDKT_BENCH_DATABASE_URL"):
    os.environ["TDKT_DATABASE_URL"] = os.environ["TDKT_BENCH_DATABASE_URL"]

import django

django.setup()

from django.db import connection, connections, transaction  # noqa: E402

from tdkt.accounts.constants import Role  # noqa: E402
from tdkt.accounts.services import user_create  # noqa: E402
from tdkt.commendations.constants import (  # noqa: E402
    AppraisalVerdict,
    CouncilRole,
    ProposalState,
    RoundKind,
)
from tdkt.commendations.models import (  # noqa: E402
    BallotReceipt,
    CouncilSession,
    Proposal,
    ProposalLine,
    Round,
    SessionItem,
)
from tdkt.commendations.services.ballots import (  # noqa: E402
    ballot_cast,
    session_attendance_set,
    session_voting_open,
)
from tdkt.commendations.services.council import (  # noqa: E402
    council_create,
    council_member_add,
)
from tdkt.commendations.services.council_sessions import session_create  # noqa: E402
from tdkt.commendations.workflow import proposal_transition  # noqa: E402
from tdkt.core.errors import ApplicationError  # noqa: E402
from tdkt.organizations.constants import OrganizationKind, PersonnelCategory  # noqa: E402
from tdkt.organizations.services import organization_create, person_create  # noqa: E402

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
DUPLICATES = 10
PASSWORD = "Bench#2026x"  # noqa: S105 - accounts of a throw-away bench database
ALREADY_VOTED = "Bạn đã bỏ phiếu ở phiên họp này; mỗi thành viên chỉ bỏ phiếu một lần."


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class World:
    """A board, a unit with its candidates at the council, and a seated council."""

    def __init__(self, members: int, lines: int) -> None:
        self.officer = user_create(
            actor=None, username="bench.officer", password=PASSWORD, role=Role.ADMIN
        )
        board = organization_create(
            actor=self.officer, name="Ban Quản lý (bench)", kind=OrganizationKind.BOARD
        )
        unit = organization_create(
            actor=self.officer,
            name="Phòng Quản lý Đầu tư (bench)",
            kind=OrganizationKind.DEPARTMENT,
            parent=board,
        )
        people = [
            person_create(
                actor=self.officer,
                full_name=f"Ứng viên {i:03d}",
                category=PersonnelCategory.CIVIL_SERVANT,
                organization=unit,
                start_date=date(2015, 1, 5),
            )
            for i in range(lines)
        ]
        self.round = Round.objects.create(
            name="Tổng kết năm 2025 (bench)",
            kind=RoundKind.YEAR_END,
            year=2025,
            accepted_codes=["grassroots_emulation_fighter"],
            unit_deadline=date(2025, 12, 10),
        )
        self.units = [unit]
        self.people = people
        self.council = council_create(actor=self.officer, year=2025, name="Hội đồng (bench)")
        self.members = []
        for i in range(members):
            role = (
                CouncilRole.CHAIR
                if i == 0
                else CouncilRole.SECRETARY
                if i == members - 1
                else CouncilRole.MEMBER
            )
            user = user_create(
                actor=None,
                username=f"bench.member{i:02d}",
                password=PASSWORD,
                role=Role.COUNCIL_MEMBER,
                organization=board,
            )
            self.members.append(
                council_member_add(actor=self.officer, council=self.council, user=user, role=role)
            )

    def voting_session(self, n: int) -> CouncilSession:
        """A fresh agenda of every candidate (a proposal at the council) and an open vote."""
        unit = organization_create(
            actor=self.officer,
            name=f"Đơn vị đề nghị {n} (bench)",
            kind=OrganizationKind.DEPARTMENT,
            parent=self.units[0].parent,
        )
        proposal = Proposal.objects.create(round=self.round, organization=unit)
        for i, person in enumerate(self.people):
            ProposalLine.objects.create(
                proposal=proposal,
                person=person,
                code="grassroots_emulation_fighter",
                position=i,
                achievement="Hoàn thành xuất sắc nhiệm vụ năm 2025.",
            )
        for state in (ProposalState.SUBMITTED, ProposalState.UNDER_APPRAISAL):
            proposal_transition(actor=self.officer, proposal=proposal, to_state=state)
        proposal.lines.update(appraisal=AppraisalVerdict.ELIGIBLE)
        proposal_transition(
            actor=self.officer, proposal=proposal, to_state=ProposalState.AT_COUNCIL
        )
        session = session_create(
            actor=self.officer,
            council=self.council,
            round=self.round,
            title=f"Phiên họp {n}",
            starts_at=datetime(2026, 1, 10, 8, 30, tzinfo=HANOI),
        )
        session = session_attendance_set(
            actor=self.members[-1].user, session=session, present=self.members
        )
        return session_voting_open(actor=self.members[0].user, session=session)


def burst(calls: list[Callable[[], None]]) -> tuple[list[float], list[str], float]:
    """Run ``calls`` at the same moment, one thread and connection each.

    Return the latencies of the calls that succeeded, the messages of those refused and the
    wall time of the whole burst.
    """
    barrier = threading.Barrier(len(calls) + 1)
    times: list[float | None] = [None] * len(calls)
    refused: list[str | None] = [None] * len(calls)

    def run(i: int, call: Callable[[], None]) -> None:
        try:
            connection.ensure_connection()  # connecting is not part of the vote
            barrier.wait()
            started = time.perf_counter()
            try:
                call()
            except ApplicationError as exc:
                refused[i] = exc.message
            else:
                times[i] = time.perf_counter() - started
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return [t for t in times if t is not None], [m for m in refused if m is not None], wall


def bare_insert(session: CouncilSession, member: object) -> Callable[[], None]:
    def insert() -> None:
        with transaction.atomic():
            BallotReceipt.objects.create(session=session, member=member)

    return insert


def vote(session: CouncilSession, member: object, items: list[int], i: int) -> Callable[[], None]:
    choices = {pk: (i + n) % 5 != 0 for n, pk in enumerate(items)}
    user = member.user  # type: ignore[attr-defined]
    return lambda: ballot_cast(actor=user, session=session, choices=choices)


def check(session: CouncilSession, members: int, refused: list[str]) -> tuple[int, int, int]:
    """Return (receipts, lost, double) after a burst; ``refused`` must be the duplicates."""
    receipts = BallotReceipt.objects.filter(session=session).count()
    counted = [y + n for y, n in SessionItem.objects.filter(session=session).values_list(
        "yes_count", "no_count")]  # fmt: skip
    lost = sum(max(0, members - c) for c in counted) + max(0, members - receipts)
    double = sum(max(0, c - members) for c in counted) + max(0, receipts - members)
    if refused != [ALREADY_VOTED] * DUPLICATES:
        raise SystemExit(f"unexpected refusals: {refused!r}")
    return receipts, lost, double


def row(label: str, times: list[float], wall: float | None = None) -> str:
    ms = [t * 1000 for t in times]
    tail = f"{wall:>9.3f}" if wall is not None else f"{'':>9}"
    return (
        f"{label:<34} {statistics.median(ms):>8.1f} {percentile(ms, 0.95):>8.1f} "
        f"{max(ms):>8.1f} {tail}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Council of 50 members voting at once")
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--lines", type=int, default=20, help="lines on the ballot")
    parser.add_argument("--repeat", type=int, default=3, help="bursts (default 3)")
    parser.add_argument("--quick", action="store_true", help="20 members, one burst")
    args = parser.parse_args(argv)
    members = 20 if args.quick else args.members
    repeat = 1 if args.quick else args.repeat

    settings = connection.settings_dict
    vendor = connection.vendor
    tmp = tempfile.TemporaryDirectory(prefix="tdkt-council-bench-")
    if vendor == "sqlite":
        settings["TEST"]["NAME"] = str(Path(tmp.name) / "bench.sqlite3")
    else:
        settings["TEST"]["NAME"] = f"{settings['NAME']}_council_bench"
    original = settings["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        return _run(members, args.lines, repeat, vendor)
    finally:
        connections.close_all()
        connection.creation.destroy_test_db(original, verbosity=0)
        tmp.cleanup()


def _run(members: int, lines: int, repeat: int, vendor: str) -> int:
    started = time.perf_counter()
    world = World(members, lines)
    sessions = [
        (world.voting_session(2 * n), world.voting_session(2 * n + 1)) for n in range(repeat)
    ]
    name = "PostgreSQL" if vendor == "postgresql" else "SQLite (file, WAL)"
    print(
        f"Council of {members} members voting at once on {name}: {lines} lines on the ballot, "
        f"{DUPLICATES} members submitting twice at the same moment; {repeat} bursts "
        f"(set-up {time.perf_counter() - started:.1f} s)"
    )
    base_times: list[float] = []
    vote_times: list[float] = []
    base_walls, vote_walls = [], []
    totals = {"receipts": 0, "lost": 0, "double": 0, "refused": 0}
    for base_session, vote_session in sessions:
        times, _, wall = burst([bare_insert(base_session, m) for m in world.members])
        base_times += times
        base_walls.append(wall)
        items = list(vote_session.items.values_list("pk", flat=True))
        calls = [vote(vote_session, m, items, i) for i, m in enumerate(world.members)]
        calls += calls[:DUPLICATES]
        times, refused, wall = burst(calls)
        vote_times += times
        vote_walls.append(wall)
        receipts, lost, double = check(vote_session, members, refused)
        totals["receipts"] += receipts
        totals["lost"] += lost
        totals["double"] += double
        totals["refused"] += len(refused)
    header = f"{'':<34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'burst s':>9}"
    print(header)
    print("-" * len(header))
    print(row("baseline: bare receipt insert", base_times, min(base_walls)))
    print(row("ballot_cast (the vote)", vote_times, min(vote_walls)))
    ratio = percentile(vote_times, 0.95) / percentile(base_times, 0.95)
    print(f"ratio of p95 (vote / baseline): {ratio:.1f}×")

    single_base, single_vote = [], []
    for n in range(members):  # one at a time, no contention, on a fresh pair of sessions
        if n == 0:
            base_session, vote_session = world.voting_session(900), world.voting_session(901)
            items = list(vote_session.items.values_list("pk", flat=True))
        t = time.perf_counter()
        bare_insert(base_session, world.members[n])()
        single_base.append(time.perf_counter() - t)
        t = time.perf_counter()
        vote(vote_session, world.members[n], items, n)()
        single_vote.append(time.perf_counter() - t)
    print(row("one at a time: bare receipt insert", single_base))
    print(row("one at a time: ballot_cast", single_vote))
    print(
        f"ratio of p50 one at a time: "
        f"{statistics.median(single_vote) / statistics.median(single_base):.1f}×"
    )
    print(
        f"Ballots: {totals['receipts']} receipts for {members * repeat} members, "
        f"{totals['lost']} lost, {totals['double']} double; {totals['refused']} duplicate "
        f'submits refused with "Bạn đã bỏ phiếu"'
    )
    return 1 if totals["lost"] or totals["double"] else 0


if __name__ == "__main__":
    sys.exit(main())
