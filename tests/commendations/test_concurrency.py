"""Two people acting at once on the same proposal get one result and a clear message.

The stale-page checks (a form carries the version it was drawn from) are tested on both
databases in test_proposals.py and test_dossier.py. Here two threads really act at the same
moment, each in its own connection and transaction; on PostgreSQL the row lock of the
proposal serialises them. On SQLite the in-memory test database cannot be shared by two
connections, and its IMMEDIATE transactions serialise writers anyway.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from tdkt.commendations.constants import ProposalState
from tdkt.commendations.models import Proposal, ProposalLine, ProposalTransition
from tdkt.commendations.services import (
    LineInput,
    proposal_line_update,
    proposal_lines_add,
    proposal_move,
)
from tdkt.core.errors import ApplicationError

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs two connections to one database"
    ),
]
S = ProposalState


def _at_once(*actions: Callable[[], object]) -> list[object]:
    """Run the actions in threads released together; return each result or exception."""
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


def test_two_officers_moving_a_proposal_at_once_get_one_result(registry, proposal):
    """Start the appraisal and return it, both from version v: one wins, one is told."""
    proposal = proposal_move(
        actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED
    )
    seen = proposal.version
    results = _at_once(
        lambda: proposal_move(
            actor=registry.officer,
            proposal=proposal,
            to_state=S.UNDER_APPRAISAL,
            expected_version=seen,
        ),
        lambda: proposal_move(
            actor=registry.admin,
            proposal=proposal,
            to_state=S.RETURNED,
            reason="Thiếu hồ sơ",
            expected_version=seen,
        ),
    )
    won = [r for r in results if isinstance(r, Proposal)]
    lost = [r for r in results if isinstance(r, ApplicationError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert "người khác thay đổi" in lost[0].message
    final = Proposal.objects.get(pk=proposal.pk)
    assert final.state == won[0].state and final.version == seen + 1
    assert ProposalTransition.objects.filter(proposal=proposal).count() == 2


def test_two_edits_of_one_draft_at_once_never_lose_an_update(registry, proposal):
    """Both edit the same line from the same page: one edit is kept, the other refused."""
    line = proposal.lines.get()
    seen = proposal.version
    results = _at_once(
        lambda: proposal_line_update(
            actor=registry.investment_head, line=line, achievement="A", expected_version=seen
        ),
        lambda: proposal_line_update(
            actor=registry.officer, line=line, achievement="B", expected_version=seen
        ),
    )
    kept = [r for r in results if isinstance(r, ProposalLine)]
    assert len(kept) == 1 and sum(isinstance(r, ApplicationError) for r in results) == 1
    assert ProposalLine.objects.get(pk=line.pk).achievement == kept[0].achievement


def test_two_first_additions_make_one_draft(registry, round_2019):
    """Two people start the unit's proposal at the same moment: one draft, both lines."""
    results = _at_once(
        lambda: proposal_lines_add(
            actor=registry.investment_head,
            round=round_2019,
            organization=registry.investment,
            lines=[LineInput(person=registry.anh, code="advanced_worker")],
        ),
        lambda: proposal_lines_add(
            actor=registry.officer,
            round=round_2019,
            organization=registry.investment,
            lines=[LineInput(person=registry.anh, code="certificate_of_merit")],
        ),
    )
    assert not any(isinstance(r, Exception) for r in results), results
    assert Proposal.objects.count() == 1
    assert sorted(ProposalLine.objects.values_list("code", flat=True)) == [
        "advanced_worker",
        "certificate_of_merit",
    ]
