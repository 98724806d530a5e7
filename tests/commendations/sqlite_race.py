"""Helper processes of the signing race on a SQLite file (``test_signing_concurrency``).

The test suite's SQLite database lives in memory with a shared cache, where concurrent
writers fail with "table is locked" instead of waiting: that is not how tdkt runs. This
module runs the race as production does, on a database file in WAL mode with IMMEDIATE
transactions (``settings.base``), one process per signature::

    python -m tests.commendations.sqlite_race setup            # migrate, build, print drafts
    python -m tests.commendations.sqlite_race sign PK USER AT  # sign draft PK at time AT
    python -m tests.commendations.sqlite_race report           # print the numbers given

``TDKT_SQLITE_PATH`` names the file; the caller sets it.
"""

from __future__ import annotations

import json
import sys
import time

import django


def _setup() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tdkt.accounts.constants import Role
    from tdkt.commendations.services import decision_draft_create
    from tests.builders import build_registry, make_user
    from tests.commendations.voted import LineSpec, voted_round

    registry = build_registry()
    second = make_user("pho.truong.ban", Role.LEADER, registry.board)
    drafts = []
    for i in range(4):
        voted = voted_round(
            registry, specs={registry.investment: [LineSpec(registry.anh)]}, name=f"Đợt {i}"
        )
        drafts.append(decision_draft_create(actor=registry.officer, round=voted.round).pk)
    drafts_of_one = voted_round(
        registry, specs={registry.planning: [LineSpec(registry.duc)]}, name="Đợt chung"
    )
    shared = decision_draft_create(actor=registry.officer, round=drafts_of_one.round).pk
    print(json.dumps({"drafts": drafts, "shared": shared, "leaders": ["leader", second.username]}))


def _sign(pk: str, username: str, at: str) -> None:
    from tdkt.accounts.models import User
    from tdkt.commendations.models import Decision
    from tdkt.commendations.services import decision_sign
    from tdkt.core.errors import ApplicationError

    leader = User.objects.get(username=username)
    decision = Decision.objects.get(pk=int(pk))
    time.sleep(max(0.0, float(at) - time.time()))
    try:
        signed = decision_sign(actor=leader, decision=decision, signer_title="head")
    except ApplicationError as exc:
        print(json.dumps({"error": exc.message}))
    else:
        print(json.dumps({"number": signed.number}))


def _report() -> None:
    from tdkt.commendations.models import Decision, DocumentSeries

    print(
        json.dumps(
            {
                "numbers": sorted(
                    n for n in Decision.objects.values_list("number", flat=True) if n
                ),
                "last": list(
                    DocumentSeries.objects.filter(symbol="QĐ-BQL").values_list(
                        "last_number", flat=True
                    )
                ),
            }
        )
    )


def main(argv: list[str]) -> None:
    django.setup()
    command, *args = argv
    {"setup": _setup, "sign": _sign, "report": _report}[command](*args)


if __name__ == "__main__":
    main(sys.argv[1:])
