"""One ballot per member per session, also when submits arrive at the same moment, on SQLite
and PostgreSQL, and no ballot lost to the chair closing the vote at the same time.

Each thread has its own database connection. PostgreSQL threads reach the test database as
any client would. The SQLite test database lives in memory, where connections share one cache
and refuse to wait for each other; the threads therefore work on a file copy of it, opened
with the application's own settings (WAL, ``BEGIN IMMEDIATE``, busy timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections

from tdkt.commendations.constants import SessionState
from tdkt.commendations.models import BallotReceipt, CouncilSession, SessionItem
from tdkt.commendations.services.ballots import ballot_cast
from tdkt.commendations.services.council_results import session_voting_close
from tdkt.core.errors import ApplicationError

from .council_helpers import items_by_code, proposals_at_council, seat_council, voting_session

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@contextmanager
def database_for_threads(tmp_path: Path) -> Iterator[None]:
    """Let new threads open their own connections to a copy of the test database (SQLite) or
    to the test database itself (PostgreSQL)."""
    if connection.vendor != "sqlite":
        yield
        return
    settings = connection.settings_dict
    original = settings["NAME"]
    path = tmp_path / "threads.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    settings["NAME"] = str(path)
    try:
        yield
    finally:
        settings["NAME"] = original


def in_threads(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run ``calls`` at the same moment, each in its own thread with its own connection;
    return each one's result or the ``ApplicationError`` it raised."""
    start = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        try:
            start.wait()
            results[i] = call()
        except ApplicationError as exc:
            results[i] = exc
        except Exception as exc:  # reported by the assertions, not swallowed
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def read_in_thread(read: Callable[[], Any]) -> Any:
    """Read the threads' database (a thread of its own, like the writers)."""
    return in_threads([read])[0]


def _messages(results: list[Any]) -> list[str]:
    return sorted(str(getattr(r, "message", r)) for r in results if r is not None)


def test_simultaneous_submits_give_one_ballot_per_member(registry, tmp_path):
    """15 members submit at once and 5 of them submit a second time at the same moment: 15
    receipts, every line counts 15 ballots, and each duplicate is told "Bạn đã bỏ phiếu"."""
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=15)
    session = voting_session(registry, seats, agenda)
    items = list(items_by_code(session).values())

    def vote(i: int) -> Callable[[], None]:
        user = seats.user(i)
        choices = {pk: (i + n) % 3 != 0 for n, pk in enumerate(items)}
        return lambda: ballot_cast(actor=user, session=session, choices=choices)

    with database_for_threads(tmp_path):
        results = in_threads([vote(i) for i in range(15)] + [vote(i) for i in range(5)])
        receipts, counters = read_in_thread(
            lambda: (
                BallotReceipt.objects.filter(session_id=session.pk).count(),
                list(
                    SessionItem.objects.filter(session_id=session.pk).values_list(
                        "yes_count", "no_count"
                    )
                ),
            )
        )
    refused = [r for r in results if r is not None]
    assert (
        _messages(refused)
        == ["Bạn đã bỏ phiếu ở phiên họp này; mỗi thành viên chỉ bỏ phiếu một lần."] * 5
    )
    assert receipts == 15
    assert [yes + no for yes, no in counters] == [15, 15, 15]


def test_a_ballot_racing_the_close_is_counted_or_refused_never_lost(registry, tmp_path):
    """While 14 members submit, the chair closes: every receipt has its ballot in the
    counters, and the ballots not counted were refused because voting had closed."""
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=15)
    session = voting_session(registry, seats, agenda)
    items = list(items_by_code(session).values())
    chair = seats.chair.user

    def vote(i: int) -> Callable[[], None]:
        user = seats.user(i)
        return lambda: ballot_cast(actor=user, session=session, choices=dict.fromkeys(items, True))

    def close() -> None:
        session_voting_close(actor=chair, session=session)

    with database_for_threads(tmp_path):
        results = in_threads([vote(i) for i in range(1, 15)] + [close])
        receipts, counters, state = read_in_thread(
            lambda: (
                BallotReceipt.objects.filter(session_id=session.pk).count(),
                list(
                    SessionItem.objects.filter(session_id=session.pk).values_list(
                        "yes_count", "no_count", "passed"
                    )
                ),
                CouncilSession.objects.get(pk=session.pk).state,
            )
        )
    refused = [r for r in results if r is not None]
    assert set(_messages(refused)) <= {"Phiên họp đã kết thúc bỏ phiếu."}
    assert receipts + len(refused) == 14
    assert [(yes + no, passed is not None) for yes, no, passed in counters] == [
        (receipts, True)
    ] * 3
    assert state == SessionState.CLOSED
