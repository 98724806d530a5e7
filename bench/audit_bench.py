"""Benchmark: what the audit trail costs a write, and how fast the chain verifies.

(1) write   — ``person_update`` (the registry's everyday write) with its audit record, against
              the same service with ``record`` replaced by a no-op. Target: the audited write is
              at least 70 % as fast (plain ÷ audited ≥ 0.70). Queries per call are printed too.
(2) verify  — N events appended through ``record_many``, then
              baseline = the same SELECT (same columns, same keyset pages, same snapshot) and one
                         HMAC-SHA256 per row over its columns joined — read and hash, nothing else;
              verify   = ``tdkt.audit.services.verify()``, the real check.
              Target: verify ≤ 1.5 × baseline.

Runs in a throw-away database: a SQLite file in bench/data/ (the settings `make run` uses:
WAL, IMMEDIATE transactions), or PostgreSQL when TDKT_BENCH_DATABASE_URL is set (a database
named ``<name>_audit_bench`` is created beside it and dropped afterwards).

    .venv/bin/python bench/audit_bench.py               # 200k events, ~1 minute
    .venv/bin/python bench/audit_bench.py --million     # 1,000,000 events
    .venv/bin/python bench/audit_bench.py --quick       # 20k events, one repetition
"""

from __future__ import annotations

import argparse
import hmac
import itertools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(ROOT))  # tests.builders: the registry every test starts from

os.environ["DJANGO_SETTINGS_MODULE"] = "tdkt.settings.test"
if os.environ.get("TDKT_BENCH_DATABASE_URL"):
    os.environ["TDKT_DATABASE_URL"] = os.environ["TDKT_BENCH_DATABASE_URL"]
else:
    os.environ.pop("TDKT_DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tdkt.audit.chain import SEPARATOR  # noqa: E402
from tdkt.audit.constants import AuditEventType  # noqa: E402
from tdkt.audit.keys import keyring  # noqa: E402
from tdkt.audit.services import PendingEvent, record_many, verify  # noqa: E402
from tdkt.audit.verification import CHUNK, _pages, _read_snapshot  # noqa: E402
from tdkt.organizations.services import people  # noqa: E402

FILL_BATCH = 5_000
BLOCK = 20
_phones = itertools.count(10_000_000)


def throwaway_database() -> str:
    """Create the bench database and point the connection at it; return the old name."""
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        config["TEST"]["NAME"] = str(DATA / "audit-bench.sqlite3")
    else:
        config["TEST"]["NAME"] = f"{config['NAME']}_audit_bench"
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def updates(officer: Any, person: Any, n: int) -> Callable[[], None]:
    """Return a run of ``n`` person updates, each changing the phone number."""

    def run() -> None:
        for _ in range(n):
            people.person_update(actor=officer, person=person, phone=f"09{next(_phones):08d}")

    return run


def without_audit(run: Callable[[], None]) -> Callable[[], None]:
    """Return ``run`` with the service's audit record replaced by a no-op."""

    def plain() -> None:
        real = people.record
        people.record = lambda **kwargs: None  # type: ignore[assignment]
        try:
            run()
        finally:
            people.record = real

    return plain


def queries(run: Callable[[], None]) -> int:
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured.captured_queries)


def bench_writes(officer: Any, person: Any, n: int, repeat: int) -> None:
    """Time blocks of writes, audited and plain in turn; keep each variant's best block.

    Small alternating blocks see the same load on a shared machine, so their best times
    compare the two variants rather than two moments of the machine.
    """
    block = min(BLOCK, n)
    audited, plain = updates(officer, person, block), without_audit(updates(officer, person, block))
    audited(), plain()  # warm up
    times_a, times_p = [], []
    for _ in range(repeat * max(1, n // block)):
        times_a.append(timed(audited))
        times_p.append(timed(plain))
    a, p = min(times_a) / block * 1000, min(times_p) / block * 1000
    qa = queries(updates(officer, person, 1))
    qp = queries(without_audit(updates(officer, person, 1)))
    rounds = len(times_a)
    print(f"\n(1) Audited write: person_update, best of {rounds} blocks of {block} each way")
    print(f"{'':>28} {'ms/write':>9} {'queries':>8}")
    print(f"{'without the audit record':>28} {p:>9.3f} {qp:>8}")
    print(f"{'with the audit record':>28} {a:>9.3f} {qa:>8}")
    print(f"speed of the audited write: {p / a:.0%} of the plain one (target ≥ 70 %)")


def fill(officer: Any, person: Any, total: int) -> float:
    """Append ``total`` events like a person's edits, in batches; return events per second."""
    started = time.perf_counter()
    written = 0
    while written < total:
        size = min(FILL_BATCH, total - written)
        record_many(
            [
                PendingEvent(
                    AuditEventType.PERSON_UPDATED,
                    actor=officer,
                    obj=person,
                    changes={
                        "phone": [f"09{n:08d}", f"09{n + 1:08d}"],
                        "full_name": ["Nguyễn Văn Ánh", "Nguyễn Văn Ánh Dương"],
                    },
                )
                for n in range(written, written + size)
            ]
        )
        written += size
    return total / (time.perf_counter() - started)


def baseline() -> int:
    """Read every row as verify does and HMAC its columns joined; nothing else."""
    secret = keyring().current_secret
    digest, join = hmac.digest, SEPARATOR.join
    n = 0
    with _read_snapshot(connection, "default"), connection.cursor() as cursor:
        for rows in _pages(cursor, connection, CHUNK):
            for row in rows:
                digest(secret, join(map(str, row)).encode(), "sha256").hex()
            n += len(rows)
    return n


def bench_verify(officer: Any, person: Any, events: int, repeat: int) -> None:
    rate = fill(officer, person, events)
    times_b, times_v = [], []
    for _ in range(repeat):
        times_b.append(timed(baseline))
        started = time.perf_counter()
        result = verify()
        times_v.append(time.perf_counter() - started)
        assert result.ok, result
    b, v = min(times_b), min(times_v)
    total = result.checked
    print(f"\n(2) Verification: {total:,} events (appended at {rate:,.0f} events/s in batches)")
    print(f"{'':>36} {'s':>8} {'rows/s':>11}")
    print(f"{'baseline: read + HMAC-SHA256 per row':>36} {b:>8.3f} {total / b:>11,.0f}")
    print(f"{'tdkt audit verify':>36} {v:>8.3f} {total / v:>11,.0f}")
    print(f"ratio verify / baseline: {v / b:.2f}× (target ≤ 1.5×)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Audit trail benchmark")
    parser.add_argument("--events", type=int, default=200_000, help="events to verify")
    parser.add_argument("--million", action="store_true", help="verify 1,000,000 events")
    parser.add_argument("--writes", type=int, default=500, help="person updates per run")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--quick", action="store_true", help="20k events, 200 writes, once")
    args = parser.parse_args(argv)
    events = 1_000_000 if args.million else 20_000 if args.quick else args.events
    writes, repeat = (200, 1) if args.quick else (args.writes, args.repeat)
    old_name = throwaway_database()
    try:
        from tests.builders import build_registry

        registry = build_registry()
        print(f"Audit trail benchmark on {connection.vendor} ({connection.settings_dict['NAME']})")
        bench_writes(registry.officer, registry.anh, writes, repeat)
        bench_verify(registry.officer, registry.anh, events, repeat)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
