"""Benchmark: the people import against a bare openpyxl read of the same file (issue #8).

    baseline = openpyxl, read-only, ``iter_rows(values_only=True)`` over the whole sheet: the
               least any import of that file could cost with the usual library;
    import   = ``tdkt.documents.services.import_run`` of the same file as an officer: read
               (the bounded streaming reader), parse every cell, match and check every row
               against the registry, write every person with their post and their audit event
               in one transaction. Target: import time ≤ 2 × the read (ratio R ≤ 2).

The file has 20,000 new people (the import's row limit) as Excel saves it (shared strings, the
CCCD and phone columns as Text), over the units of the test registry. Each import runs inside an
outer transaction that is rolled back afterwards, so every repetition starts from the same
registry (the audit table refuses DELETE on PostgreSQL). Also printed: the dry run (the same
check, no write), a re-import of people already there (every row matched, nothing to write),
and the number of SQL statements of one import — a few per 500 rows, none per row.

Runs in a throw-away database: a SQLite file in bench/data/ (the settings `make run` uses: WAL,
IMMEDIATE transactions), or PostgreSQL when TDKT_BENCH_DATABASE_URL is set (a database named
``<name>_import_bench`` is created beside it and dropped afterwards).

    .venv/bin/python bench/import_bench.py              # 20,000 rows, best of 3
    .venv/bin/python bench/import_bench.py --quick      # 2,000 rows, one repetition
    .venv/bin/python bench/import_bench.py --rows 5000 --repeat 5
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import best_of

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(ROOT))  # tests.builders and the file generator of the import tests

os.environ["DJANGO_SETTINGS_MODULE"] = "tdkt.settings.test"
if os.environ.get("TDKT_BENCH_DATABASE_URL"):
    os.environ["TDKT_DATABASE_URL"] = os.environ["TDKT_BENCH_DATABASE_URL"]
else:
    os.environ.pop("TDKT_DATABASE_URL", None)

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from tests.builders import build_registry  # noqa: E402
from tests.documents.helpers import PEOPLE_HEADERS, people_rows  # noqa: E402
from tests.documents.ooxml import excel_like  # noqa: E402

from tdkt.documents.services import import_run  # noqa: E402

TEXT_COLUMNS = [PEOPLE_HEADERS.index("Số CCCD"), PEOPLE_HEADERS.index("Điện thoại")]


def throwaway_database() -> str:
    """Create the bench database and point the connection at it; return the old name."""
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        config["TEST"]["NAME"] = str(DATA / f"import-bench-{os.getpid()}.sqlite3")
    else:
        config["TEST"]["NAME"] = f"{config['NAME']}_import_bench_{os.getpid()}"
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)


def openpyxl_read(data: bytes) -> Callable[[], int]:
    def run() -> int:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        return count

    return run


def importing(actor: Any, data: bytes, *, dry_run: bool = False) -> Callable[[], Any]:
    """One import of ``data``, rolled back afterwards (outside the timing)."""

    def run() -> Any:
        with transaction.atomic():
            result = import_run(
                actor=actor, importer="people", data=data, filename="nhan-su.xlsx", dry_run=dry_run
            )
            transaction.set_rollback(True)
        if not result.ok:
            raise SystemExit(f"the import was rejected: {result.errors[:3]}")
        return result

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="2,000 rows, one repetition")
    args = parser.parse_args()
    rows, repeat = (2_000, 1) if args.quick else (args.rows, args.repeat)

    old_name = throwaway_database()
    try:
        registry = build_registry()
        units = [registry.investment.name, registry.planning.name, registry.centre.name]
        data = excel_like(PEOPLE_HEADERS, people_rows(rows, units), text_columns=TEXT_COLUMNS)
        actor = registry.officer
        read = openpyxl_read(data)
        assert read() == rows + 1
        with CaptureQueriesContext(connection) as queries:
            importing(actor, data)()
        print(
            f"people import on {connection.vendor}: {rows:,} rows, {len(data) / 1e6:.1f} MB, "
            f"best of {repeat}, {len(queries.captured_queries)} SQL statements per import"
        )
        read_s, import_s, dry_s = best_of(
            repeat, read, importing(actor, data), importing(actor, data, dry_run=True)
        )
        print(
            f"import people: {rows / import_s:,.0f} rows/s, openpyxl read: {rows / read_s:,.0f} "
            f"rows/s, ratio {import_s / read_s:.2f}×"
        )
        print(
            f"  dry run: {rows / dry_s:,.0f} rows/s, ratio {dry_s / read_s:.2f}× "
            f"(import {import_s:.2f} s, dry run {dry_s:.2f} s, read {read_s:.2f} s)"
        )
        import_run(actor=actor, importer="people", data=data, filename="nhan-su.xlsx")
        read_s, again_s = best_of(repeat, read, importing(actor, data))
        print(
            f"  re-import (every row matched, unchanged): {rows / again_s:,.0f} rows/s, "
            f"ratio {again_s / read_s:.2f}×"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
