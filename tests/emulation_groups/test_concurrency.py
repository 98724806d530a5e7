"""Two sessions of the same member acting at the same moment get one result.

Each thread has its own connection and transaction; on PostgreSQL the row locks of the
election and the pledge serialise them (the in-memory SQLite test database cannot be shared).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from tdkt.core.errors import ConflictError
from tdkt.emulation_groups.models import PledgeSignature, Vote
from tdkt.emulation_groups.services import (
    election_open,
    election_vote,
    pledge_open,
    pledge_sign,
)

from .conftest import YEAR, Block, build_scale

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs two connections to one database"
    ),
]


def _at_once(*actions: Callable[[], object]) -> list[object]:
    barrier = threading.Barrier(len(actions))
    results: list[object] = [None] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = action()
        except Exception as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_a_member_voting_twice_at_once_counts_once(block: Block) -> None:
    election = election_open(actor=block.registry.officer, group=block.group, year=YEAR + 1)
    results = _at_once(
        lambda: election_vote(actor=block.board_rep, election=election, leader=block.bac_ninh),
        lambda: election_vote(actor=block.board_rep, election=election, leader=block.hai_phong),
    )
    assert sum(isinstance(r, Vote) for r in results) == 1
    assert sum(isinstance(r, ConflictError) for r in results) == 1
    assert Vote.objects.filter(election=election).count() == 1


def test_a_member_signing_twice_at_once_signs_once(block: Block) -> None:
    scale = build_scale(block, open_and_sign=False)
    pledge = pledge_open(actor=block.registry.officer, pledge=scale.pledge)
    results = _at_once(
        lambda: pledge_sign(actor=block.hai_phong_rep, pledge=pledge),
        lambda: pledge_sign(actor=block.hai_phong_rep, pledge=pledge),
    )
    assert sum(isinstance(r, PledgeSignature) for r in results) == 1
    assert sum(isinstance(r, ConflictError) for r in results) == 1
