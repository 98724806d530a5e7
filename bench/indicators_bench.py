"""Benchmarks of key indicators and procedure dossiers (issue #10 §6).

(a) imports: ``indicators_import`` and ``procedures_import`` of a generated workbook, against
    openpyxl's own read of the same file (read-only mode, every row of every sheet as values).
    Target: the import runs at ≥ 50 % of openpyxl's speed, i.e. time ratio ≤ 2×.
(b) memory: the peak resident memory an import adds, in a fresh process, at two sizes,
    beside openpyxl's read of the same files. Target: flat (grows far less than the file).
(c) ``tdkt report procedures`` over N dossiers of one year, against one ``GROUP BY`` over the
    same rows. Target: ≤ 1.5×.

Every figure is printed beside its baseline from the same run, with the ratio; baseline and
measured runs are interleaved (best of --repeat) so a busy machine slows both alike.

    make bench                                         # 20,000-row imports, 200,000 dossiers
    .venv/bin/python bench/indicators_bench.py --full  # 100,000-row imports, 1,000,000 dossiers
    TDKT_BENCH_DATABASE_URL=postgresql://… .venv/bin/python bench/indicators_bench.py

SQLite: bench/data/indicators-bench.sqlite3 (files and rows cached under bench/data/, which
git ignores). PostgreSQL: the database of TDKT_BENCH_DATABASE_URL, migrated on first use.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_indicators as gen  # noqa: E402 - after the path set-up

BENCH_ORGS = 500
REPORT_FROM, REPORT_TO = date(2021, 1, 1), date(2021, 12, 31)


def _configure() -> str:
    """Point Django at the benchmark database and return a label for it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings.test")
    os.environ["TDKT_IMPORT_MAX_BYTES"] = str(512 * 1024 * 1024)
    url = os.environ.get("TDKT_BENCH_DATABASE_URL", "")
    if url:
        os.environ["TDKT_DATABASE_URL"] = url
        label = "PostgreSQL"
    else:
        os.environ.pop("TDKT_DATABASE_URL", None)
        gen.DATA.mkdir(parents=True, exist_ok=True)
        os.environ["TDKT_SQLITE_PATH"] = str(gen.DATA / "indicators-bench.sqlite3")
        label = "SQLite (bench/data/indicators-bench.sqlite3)"
    import django

    django.setup()
    return label


def _prepare() -> Any:
    """Migrate, and create the benchmark account and units once; return the account."""
    from django.core.management import call_command

    from tdkt.accounts.models import User
    from tdkt.accounts.services import user_create
    from tdkt.organizations.constants import OrganizationKind
    from tdkt.organizations.models import Organization
    from tdkt.organizations.services import organization_create

    call_command("migrate", verbosity=0)
    actor = User.objects.filter(username="bench").first() or user_create(
        actor=None, username="bench", password=secrets.token_urlsafe(18) + "Aa1!", role="admin"
    )
    root = Organization.objects.filter(name="Khối thử tải", parent=None).first()
    if root is None:
        root = organization_create(
            actor=actor, name="Khối thử tải", kind=OrganizationKind.EXTERNAL_BODY
        )
    have = set(Organization.objects.filter(parent=root).values_list("name", flat=True))
    for name in gen.org_names(BENCH_ORGS):
        if name not in have:
            organization_create(
                actor=actor, name=name, kind=OrganizationKind.EXTERNAL_BODY, parent=root
            )
    return actor


def openpyxl_read(data: bytes) -> int:
    """Baseline: open the workbook read-only and read every row of every sheet as values."""
    import openpyxl

    workbook = openpyxl.load_workbook(
        io.BytesIO(data), read_only=True, data_only=True, keep_links=False
    )
    count = sum(1 for sheet in workbook.worksheets for _row in sheet.iter_rows(values_only=True))
    workbook.close()
    return count


def _clear(kind: str) -> None:
    """Remove the rows a previous import run wrote, and checkpoint SQLite's log (vacuum on
    PostgreSQL), so every run starts from the same empty tables."""
    from django.db import connection

    from tdkt.indicators.models import Indicator, IndicatorValue, ProcedureDossier

    with connection.cursor() as cursor:
        if kind == "procedures":
            table = connection.ops.quote_name(ProcedureDossier._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE code LIKE 'BI-%%'")
        else:
            values = connection.ops.quote_name(IndicatorValue._meta.db_table)
            indicators = connection.ops.quote_name(Indicator._meta.db_table)
            cursor.execute(
                f"DELETE FROM {values} WHERE indicator_id IN "
                f"(SELECT id FROM {indicators} WHERE code LIKE 'bench_%%')"
            )
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:  # what autovacuum does to a table between two real imports
            table = ProcedureDossier if kind == "procedures" else IndicatorValue
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table._meta.db_table)}")


def _file(kind: str, rows: int) -> Path:
    if kind == "procedures":
        return gen.procedure_file(rows)
    return gen.indicator_file(rows, BENCH_ORGS)


def run_import(kind: str, actor: Any, data: bytes, name: str) -> Any:
    """Import ``data`` through the service, as the upload and the command do."""
    from tdkt.indicators.services import indicators_import, procedures_import

    run = procedures_import if kind == "procedures" else indicators_import
    result = run(actor=actor, data=data, filename=name)
    if not result.ok:
        raise SystemExit(f"{kind}: import refused: {result.sorted_errors()[:3]}")
    return result


Timing = tuple[float, float]  # (wall-clock seconds, CPU seconds of this process)


def _timed(func: Callable[[], Any]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def _best(runs: list[Timing]) -> Timing:
    return min(w for w, _c in runs), min(c for _w, c in runs)


def _sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite"


def bench_import(kind: str, rows: int, actor: Any, repeat: int) -> tuple[Timing, Timing]:
    """Return the best openpyxl read time and the best import time (into empty tables)."""
    path = _file(kind, rows)
    data = path.read_bytes()
    bases, runs = [], []
    for _ in range(repeat):
        _clear(kind)
        bases.append(_timed(lambda: openpyxl_read(data)))
        runs.append(_timed(lambda: run_import(kind, actor, data, path.name)))
    _clear(kind)
    return _best(bases), _best(runs)


# --- memory, measured in a fresh process per figure ------------------------------------------


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def memory_child(kind: str, rows: int, what: str) -> None:
    """In a child process: print the peak RSS added by one read or one import, in MB."""
    _configure()
    actor = _prepare()
    _clear(kind)
    data = _file(kind, rows).read_bytes()
    before = _rss_kb("VmRSS")
    if what == "openpyxl":
        openpyxl_read(data)
    else:
        run_import(kind, actor, data, f"{kind}.xlsx")
        _clear(kind)
    print(json.dumps({"mb": (_rss_kb("VmHWM") - before) / 1024}))


def measure_memory(kind: str, rows: int, what: str) -> float:
    out = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, __file__, "--memory-child", kind, str(rows), what],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["mb"])


# --- report ---------------------------------------------------------------------------------


def ensure_report_rows(rows: int) -> None:
    """Make the table hold exactly ``rows`` benchmark dossiers of 2021 (generated once)."""
    from django.db import connection, transaction

    from tdkt.indicators.models import ProcedureDossier, ProcedureField

    if ProcedureDossier.objects.filter(code__startswith="BR-").count() == rows:
        return
    print(f"Generating {rows:,} dossiers for the report (cached in the database)…", flush=True)
    ProcedureDossier.objects.filter(code__startswith="BR-").delete()
    field_ids = []
    for name in gen.FIELDS:
        field, _created = ProcedureField.objects.get_or_create(
            key=f"thu tai {name}".lower(), defaults={"name": f"Thử tải {name}"}
        )
        field_ids.append(field.pk)
    with transaction.atomic():
        gen.bulk_insert(
            ProcedureDossier,
            (
                "code",
                "procedure_name",
                "field",
                "channel",
                "service_level",
                "received_on",
                "due_on",
                "processing_days",
                "returned_on",
            ),
            gen.report_rows(rows, field_ids),
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def group_by_baseline() -> int:
    """Baseline: one GROUP BY over the same dossiers (count per field)."""
    from django.db import connection

    from tdkt.indicators.models import ProcedureDossier

    table = connection.ops.quote_name(ProcedureDossier._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT field_id, COUNT(*) FROM {table} "
            "WHERE received_on >= %s AND received_on <= %s GROUP BY field_id",
            [REPORT_FROM, REPORT_TO],
        )
        return len(cursor.fetchall())


def bench_report(actor: Any, repeat: int) -> tuple[Timing, Timing, dict[str, Any]]:
    from tdkt.indicators.reports.procedures import procedure_report

    document: dict[str, Any] = {}

    def report() -> None:
        document.update(
            procedure_report(actor=actor, date_from=REPORT_FROM, date_to=REPORT_TO, as_of=REPORT_TO)
        )

    bases, runs = [], []
    for _ in range(repeat):
        bases.append(_timed(group_by_baseline))
        runs.append(_timed(report))
    return _best(bases), _best(runs), document


def _ratios(base: Timing, took: Timing) -> str:
    """Wall-clock ratio, and on SQLite (everything in this process) the CPU-time ratio too,
    which a machine shared with other work disturbs much less."""
    text = f"{took[0] / base[0]:>5.2f}×"
    if _sqlite():
        text += f" {took[1] / base[1]:>8.2f}×"
    return text


def bench_imports(import_rows: int, actor: Any, repeat: int) -> None:
    print(f"\n(a) Imports of {import_rows:,} rows vs openpyxl's read of the same file")
    cpu = f" {'CPU ratio':>9}" if _sqlite() else ""
    header = (
        f"{'import':<11} {'rows':>9} {'openpyxl s':>11} {'import s':>9} {'ratio':>6}{cpu} "
        f"{'speed':>7} {'target':>8}"
    )
    print(header)
    print("-" * len(header))
    for kind in ("indicators", "procedures"):
        base, took = bench_import(kind, import_rows, actor, repeat)
        print(
            f"{kind:<11} {import_rows:>9,} {base[0]:>11.2f} {took[0]:>9.2f} "
            f"{_ratios(base, took)} {base[0] / took[0]:>6.0%} {'≥ 50 %':>8}"
        )


def bench_memory(import_rows: int) -> None:
    small = max(import_rows // 5, 1_000)
    print(
        f"\n(b) Peak memory added by one run (MB, fresh process) at {small:,} and "
        f"{import_rows:,} rows; flat = the import's extra over openpyxl does not grow"
    )
    header = f"{'import':<11} {'rows':>9} {'openpyxl':>9} {'import':>7} {'extra':>6}"
    print(header)
    print("-" * len(header))
    for kind in ("indicators", "procedures"):
        for size in (small, import_rows):
            base = measure_memory(kind, size, "openpyxl")
            took = measure_memory(kind, size, "import")
            print(f"{kind:<11} {size:>9,} {base:>9.1f} {took:>7.1f} {took - base:>6.1f}")


def run_report(report_rows: int, actor: Any, repeat: int) -> None:
    print(f"\n(c) tdkt report procedures over {report_rows:,} dossiers vs one GROUP BY")
    ensure_report_rows(report_rows)
    base, took, document = bench_report(actor, repeat)
    cpu = f" {'CPU ratio':>9}" if _sqlite() else ""
    header = f"{'dossiers':>10} {'GROUP BY s':>11} {'report s':>9} {'ratio':>6}{cpu} {'target':>7}"
    print(header)
    print("-" * len(header))
    print(
        f"{report_rows:>10,} {base[0]:>11.3f} {took[0]:>9.3f} {_ratios(base, took)} {'≤ 1.5×':>7}"
    )
    if document.get("received") != report_rows:
        raise SystemExit(f"report counted {document.get('received')} dossiers, not {report_rows}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Indicators and dossiers benchmarks")
    parser.add_argument("--full", action="store_true", help="100,000-row imports, 1M dossiers")
    parser.add_argument("--import-rows", type=int, default=None)
    parser.add_argument("--report-rows", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="best of N (default 3)")
    parser.add_argument(
        "--parts",
        default="imports,memory,report",
        help="comma-separated parts to run: imports, memory, report (default all)",
    )
    parser.add_argument("--memory-child", nargs=3, metavar=("KIND", "ROWS", "WHAT"))
    args = parser.parse_args(argv)
    if args.memory_child:
        kind, rows, what = args.memory_child
        memory_child(kind, int(rows), what)
        return 0
    import_rows = args.import_rows or (100_000 if args.full else 20_000)
    report_rows = args.report_rows or (1_000_000 if args.full else 200_000)
    label = _configure()
    actor = _prepare()
    print(f"Indicators benchmarks on {label}; best of {args.repeat}, interleaved with the baseline")

    parts = set(args.parts.split(","))
    if "imports" in parts:
        bench_imports(import_rows, actor, args.repeat)
    if "memory" in parts:
        bench_memory(import_rows)
    if "report" in parts:
        run_report(report_rows, actor, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
