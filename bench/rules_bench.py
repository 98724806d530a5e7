"""Benchmark: screen every person of a city for one year with the rule engine.

(a) baseline  = one SQL pass reading the history rows into Python tuples;
(b) screening = the same SQL pass + grouping by person + every individual verdict for the year
                (tdkt.rules.Screener, the batch path).
Prints rows, people, both times, their ratio and rows/s at several sizes (linearity), then
the mean time of one full explanation (evaluate + Vietnamese text). Target: ratio ≤ 2×,
explanation < 20 ms.

    .venv/bin/python bench/rules_bench.py            # 250k, 500k, 1M rows
    .venv/bin/python bench/rules_bench.py --rows 100000 --quick
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_history import COLUMNS, connect
from tdkt.rules import (
    AchievementRecord,
    Candidate,
    Case,
    DisciplineRecord,
    InitiativeRecord,
    Screener,
    evaluate,
    render,
)

FETCH = 20_000
YEAR, AS_OF = 2025, date(2026, 1, 15)


def rows(conn: Any, table: str) -> Iterator[tuple]:
    """Stream the history rows, grouped by person, in one SQL pass (batches of FETCH)."""
    cur = conn.cursor()
    cur.execute(f"SELECT {COLUMNS} FROM {table} ORDER BY person_id")
    return chain.from_iterable(iter(lambda: cur.fetchmany(FETCH), []))


def baseline(conn: Any, table: str) -> tuple[float, int]:
    """Time reading every row into tuples and nothing else."""
    started = time.perf_counter()
    cur = conn.cursor()
    cur.execute(f"SELECT {COLUMNS} FROM {table} ORDER BY person_id")
    n = 0
    while batch := cur.fetchmany(FETCH):
        n += len(batch)
    cur.close()
    return time.perf_counter() - started, n


def screening(conn: Any, table: str, screener: Screener) -> tuple[float, int, Counter]:
    """Time the same pass plus grouping and every verdict; count the eligible per code."""
    started = time.perf_counter()
    # People with the same verdicts share one tuple, so count the tuples, then the codes.
    outcomes: Counter = Counter(
        verdicts for _pid, verdicts in screener.screen_rows(rows(conn, table))
    )
    eligible: Counter = Counter()
    for verdicts, n in outcomes.items():
        for code, (ok, _vote) in zip(screener.codes, verdicts, strict=True):
            if ok:
                eligible[code] += n
    return time.perf_counter() - started, outcomes.total(), eligible


def case_from_rows(person_rows: list[tuple]) -> Case:
    """Build the explaining path's case from one person's rows."""
    ratings = tuple((y, code) for _, y, kind, code, _, _ in person_rows if kind == "rating")
    awards = tuple(AchievementRecord(y, c) for _, y, k, c, _, _ in person_rows if k == "award")
    inits = tuple(
        InitiativeRecord(c, y, s, u) for _, y, k, c, s, u in person_rows if k == "initiative"
    )
    disc = tuple(DisciplineRecord(y, c) for _, y, k, c, _, _ in person_rows if k == "discipline")
    return Case(
        as_of=AS_OF,
        year=YEAR,
        subject=Candidate(),
        ratings=ratings,
        awards=awards,
        initiatives=inits,
        discipline=disc,
    )


def explanation_ms(conn: Any, table: str, runs: int) -> float:
    """Mean time of one full explanation (every code, conditions rendered in Vietnamese)."""
    cur = conn.cursor()
    cur.execute(
        f"SELECT person_id FROM {table} WHERE kind = 'award' AND "
        "code = 'provincial_emulation_fighter' ORDER BY person_id LIMIT 1"
    )
    (pid,) = cur.fetchone()
    cur.execute(f"SELECT {COLUMNS} FROM {table} WHERE person_id = {int(pid)}")
    case = case_from_rows(cur.fetchall())
    cur.close()

    def once() -> list[str]:
        return [render(c) for v in evaluate(case).results for c in v.conditions]

    once()
    started = time.perf_counter()
    for _ in range(runs):
        once()
    return (time.perf_counter() - started) / runs * 1000


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description="Rule-engine screening benchmark")
    parser.add_argument(
        "--rows",
        type=int,
        action="append",
        help="history rows (repeatable); default 250k, 500k, 1M",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one repetition, 100k rows unless --rows, 200 explanations",
    )
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args(argv)
    sizes = args.rows or ([100_000] if args.quick else [250_000, 500_000, 1_000_000])
    repeat = 1 if args.quick else args.repeat
    screener = Screener(YEAR, AS_OF)
    print(
        f"Screening year {YEAR} as of {AS_OF} under {screener.compiled.rule_set.name}: "
        f"{len(screener.codes)} individual codes; best of {repeat}"
    )
    header = (
        f"{'rows':>10} {'people':>8} {'baseline s':>11} {'screening s':>12} {'ratio':>6} "
        f"{'rows/s':>11}"
    )
    print(header)
    print("-" * len(header))
    last_conn, last_table, counts = None, "", Counter()
    for size in sizes:
        conn, table = connect(size)
        bases, runs = [], []
        for _ in range(repeat):  # interleaved, so a busy machine slows both alike
            bases.append(baseline(conn, table)[0])
            runs.append(screening(conn, table, screener))
        base, best = min(bases), min(r[0] for r in runs)
        people, counts = runs[0][1], runs[0][2]
        print(
            f"{size:>10,} {people:>8,} {base:>11.3f} {best:>12.3f} {best / base:>5.2f}× "
            f"{size / best:>11,.0f}"
        )
        if last_conn is not None:
            last_conn.close()
        last_conn, last_table = conn, table
    print("\nEligible in the last size:", ", ".join(f"{c}={counts[c]:,}" for c in screener.codes))
    n = 200 if args.quick else 1000
    times = [explanation_ms(last_conn, last_table, n) for _ in range(1 if args.quick else 3)]
    print(
        f"Single explanation (evaluate + text, all codes): {statistics.mean(times):.3f} ms "
        f"mean over {n} runs (target < 20 ms)"
    )
    last_conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
