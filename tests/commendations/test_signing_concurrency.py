"""Leaders signing at the same moment, in real transactions on separate connections.

On PostgreSQL each signature runs in its own thread and connection, released together by a
barrier. On SQLite the suite's database is in memory with a shared cache, whose writers fail
instead of waiting, so the race runs as tdkt runs in production: separate processes on a
database file with IMMEDIATE transactions (``sqlite_race``). Either way the series row lock
must give one number each, never the same, and a decision signed twice at once is signed once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from tdkt.accounts.constants import Role
from tdkt.commendations.constants import DecisionState, SignerTitle
from tdkt.commendations.models import Decision, DocumentSeries
from tdkt.commendations.services import decision_draft_create, decision_sign
from tdkt.core.errors import ApplicationError
from tests.builders import make_user

from .voted import LineSpec, voted_round

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite file race")
on_server = pytest.mark.skipif(connection.vendor == "sqlite", reason="threads need a server")


def _race(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run ``calls`` at once, one thread and connection each; return results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=10)
            results[i] = calls[i]()
        except Exception as exc:
            results[i] = exc
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@on_server
def test_two_leaders_get_one_number_each(registry):
    """Four decisions signed at once by two leaders get 1–4, each exactly once."""
    second_leader = make_user("pho.truong.ban", Role.LEADER, registry.board)
    drafts = []
    for i in range(4):
        voted = voted_round(
            registry, specs={registry.investment: [LineSpec(registry.anh)]}, name=f"Đợt {i}"
        )
        drafts.append(decision_draft_create(actor=registry.officer, round=voted.round))
    leaders = [registry.leader, second_leader] * 2
    results = _race(
        [
            (lambda d=d, who=who: decision_sign(actor=who, decision=d, signer_title="head"))
            for d, who in zip(drafts, leaders, strict=True)
        ]
    )
    assert not [r for r in results if isinstance(r, Exception)]
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
    assert DocumentSeries.objects.get(symbol="QĐ-BQL").last_number == 4


@on_server
def test_the_same_draft_signed_twice_at_once_is_signed_once(registry):
    """Two leaders press "Ký" on the same draft: one signs, the other is told, one number."""
    second_leader = make_user("pho.truong.ban", Role.LEADER, registry.board)
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    results = _race(
        [
            lambda: decision_sign(actor=registry.leader, decision=draft, signer_title="head"),
            lambda: decision_sign(
                actor=second_leader, decision=draft, signer_title=SignerTitle.DEPUTY_ON_BEHALF
            ),
        ]
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ApplicationError)
    assert "đã được ký" in errors[0].message
    signed = Decision.objects.get()
    assert (signed.state, signed.number) == (DecisionState.SIGNED, 1)
    assert DocumentSeries.objects.get(symbol="QĐ-BQL").last_number == 1


def _helper(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "tests.commendations.sqlite_race", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _output(process: subprocess.Popen[str]) -> Any:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@on_sqlite
@pytest.mark.slow
def test_signatures_at_once_on_a_sqlite_file(tmp_path):
    """Four drafts signed at once by two leaders get 1–4; a fifth draft signed by both at
    once is signed once and gets 5: processes on a database file, as in production."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tdkt.settings.test",
        "TDKT_SQLITE_PATH": str(tmp_path / "race.sqlite3"),
        "TDKT_DATABASE_URL": "",
    }
    setup = _output(_helper(["setup"], env))
    leaders = setup["leaders"] * 2
    start = str(time.time() + 4)  # every process has loaded Django by then
    signers = [
        _helper(["sign", str(pk), who, start], env)
        for pk, who in zip(setup["drafts"], leaders, strict=True)
    ]
    results = [_output(p) for p in signers]
    assert sorted(r["number"] for r in results) == [1, 2, 3, 4]
    start = str(time.time() + 4)
    twice = [_helper(["sign", str(setup["shared"]), who, start], env) for who in leaders[:2]]
    outcomes = [_output(p) for p in twice]
    assert [o["number"] for o in outcomes if "number" in o] == [5]
    errors = [o["error"] for o in outcomes if "error" in o]
    assert len(errors) == 1 and "đã được ký" in errors[0]
    assert _output(_helper(["report"], env)) == {"numbers": [1, 2, 3, 4, 5], "last": [5]}
