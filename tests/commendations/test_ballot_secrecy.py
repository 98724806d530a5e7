"""Secrecy of the ballot, tested on the whole database (docs/decisions/0511).

Two elections are held from the same start: the same members vote in the same order and the
totals are the same, but two members swap their choices. If anything stored — any table, the
audit trail, a key, a timestamp, a sequence or the order rows are stored in — linked a member
to a choice, the two databases would differ. They must be identical, once the values that
differ between any two runs are masked (random ids, clock times, hashes over those times,
password salts, numbers drawn from sequences, which are replaced by their rank).

The control test stores the choices the way a careless design would (in the vote's audit
event) and shows that the comparison then sees the difference.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.services.ballots import ballot_cast
from tdkt.commendations.services.council_results import session_voting_close
from tdkt.organizations.derived import SEARCH_TABLE
from tests.builders import build_registry

from .council_helpers import (
    CSTD_TP,
    CSTDCS,
    TT_LDXS,
    items_by_code,
    proposals_at_council,
    seat_council,
    voting_session,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}")
RANDOM_ID = re.compile(
    r"^[0-9a-f]{32}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
# ``sort_key`` ends with the person's random public id (tdkt.organizations.keys).
MASKED_COLUMNS = {
    "hash",
    "prev_hash",
    "last_hash",
    "password",
    "session_key",
    "session_data",
    "sort_key",
}
# Django's own catalogue of models, rebuilt by ``flush`` between the two elections in an order
# that varies from run to run; the application never writes it.
CATALOGUE_TABLES = {"django_content_type", "auth_permission"}
# The name index (FTS5 on SQLite) derives from ``organizations_person.search_key``, compared
# there; its internal segments depend on the order of past writes, not on anything stored.
DERIVED_TABLES = (SEARCH_TABLE,)

Dump = dict[str, list[tuple[Any, ...]]]


def _mask(value: Any) -> Any:
    """Mask a value that differs between runs for reasons that have nothing to do with votes."""
    if isinstance(value, datetime):
        return "<time>"
    if isinstance(value, uuid.UUID):
        return "<id>"
    if isinstance(value, dict):
        return {k: _mask(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_mask(v) for v in value]
    if isinstance(value, memoryview | bytes):
        return bytes(value)
    if isinstance(value, str):
        if TIME.match(value):
            return "<time>"
        if RANDOM_ID.match(value):
            return "<id>"
        if value[:1] in "{[":
            try:
                return json.dumps(_mask(json.loads(value)), sort_keys=True, ensure_ascii=False)
            except ValueError:
                return value
    return value


def dump_database() -> Dump:
    """Return every row of every table in storage order (no ORDER BY), masked.

    Integer primary keys (numbers drawn from a sequence) become their rank in the table, so a
    row's position in the order of creation is kept while the raw numbers are not compared.
    """
    out: Dump = {}
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names()) - CATALOGUE_TABLES
        for table in sorted(t for t in tables if not t.startswith(DERIVED_TABLES)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [c[0] for c in cursor.description]
            rows = cursor.fetchall()
            ranks: dict[Any, int] = {}
            if "id" in columns:
                ids = [row[columns.index("id")] for row in rows]
                if all(isinstance(i, int) for i in ids):
                    ranks = {value: rank for rank, value in enumerate(sorted(ids))}
            out[table] = [
                tuple(
                    ranks.get(value, value)
                    if name == "id" and ranks
                    else "<masked>"
                    if name in MASKED_COLUMNS
                    else _mask(value)
                    for name, value in zip(columns, row, strict=True)
                )
                for row in rows
            ]
    return out


def election(*, swap: bool, leak: Callable[..., None] | None = None) -> tuple[Dump, Dump]:
    """Hold one election of three members on three lines; return the database while voting
    (after every ballot) and after the chair closed voting.

    Members 1 and 2 vote opposite ways on each line; ``swap`` exchanges their choices, which
    leaves every total the same.
    """
    registry = build_registry()
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=3)
    session = voting_session(registry, seats, agenda)
    items = items_by_code(session)
    first = {items[CSTDCS]: True, items[CSTD_TP]: False, items[TT_LDXS]: True}
    second = {pk: not agree for pk, agree in first.items()}
    if swap:
        first, second = second, first
    for i, choices in ((0, dict.fromkeys(items.values(), True)), (1, first), (2, second)):
        ballot_cast(actor=seats.user(i), session=session, choices=choices)
        if leak is not None:
            leak(actor=seats.user(i), session=session, choices=choices)
    during = dump_database()
    session_voting_close(actor=seats.chair.user, session=session)
    return during, dump_database()


def _two_elections(leak: Callable[..., None] | None = None) -> tuple[tuple[Dump, Dump], ...]:
    """Hold both elections, each on an emptied database whose sequences start again at 1."""
    results = []
    for swap in (False, True):
        call_command("flush", interactive=False, verbosity=0)
        results.append(election(swap=swap, leak=leak))
    return tuple(results)


def _differing_tables(a: Dump, b: Dump) -> list[str]:
    return [table for table in a if a[table] != b.get(table)]


def test_nothing_stored_links_a_member_to_a_choice():
    """Swapping two members' choices leaves every table and the audit trail identical, both
    while voting is open and after it closed; the votes were really counted."""
    (during_1, after_1), (during_2, after_2) = _two_elections()
    assert _differing_tables(during_1, during_2) == []
    assert _differing_tables(after_1, after_2) == []
    # The elections did take place: three receipts, three vote events, counts 2/1 on each line.
    assert len(after_1["commendations_ballotreceipt"]) == 3
    votes = [r for r in after_1["audit_auditevent"] if AuditEventType.BALLOT_CAST in r]
    assert len(votes) == 3


def _leaky_audit(*, actor: Any, session: Any, choices: dict[int, bool]) -> None:
    """What a careless design would do: keep the member's choices beside their name."""
    record(
        event_type=AuditEventType.BALLOT_CAST,
        actor=actor,
        obj=session,
        changes={"choices": [None, sorted(choices.items())]},
    )


def test_the_comparison_sees_a_stored_choice():
    """Control: when the choices are stored with the member (here in an audit event), the two
    elections differ, in the audit table only."""
    (during_1, _), (during_2, _) = _two_elections(leak=_leaky_audit)
    assert _differing_tables(during_1, during_2) == ["audit_auditevent"]
