"""Benchmark: the rule engine on a city's history, each figure beside a baseline.

(a) baseline  = one SQL pass reading the history rows into Python tuples;
(b) screening = the same pass + grouping the rows into each person's case (what the Django
                adapter does) + the verdict of every individual code for the year
                (`tdkt.rules.screen`, the eligibility-list path);
(c) a unit of 2,000 people × every code: screening, and the full explanation with every
    condition's Vietnamese text (`evaluate` + `render`), each beside reading those rows.
Prints rows, people, times, ratios and rows/s at several sizes (linearity), then the mean
time of one full explanation.

    .venv/bin/python bench/rules_bench.py            # 250k, 500k, 1M rows
    .venv/bin/python bench/rules_bench.py --quick    # 100k rows, one repetition
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain, groupby
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
    evaluate,
    render,
    screen,
)

FETCH = 20_000
YEAR, AS_OF = 2025, date(2026, 1, 15)
UNIT = 2_000


def rows(conn: Any, table: str, where: str = "") -> Iterator[tuple]:
    """Stream the history rows, grouped by person, in one SQL pass (batches of FETCH)."""
    cur = conn.cursor()
    cur.execute(f"SELECT {COLUMNS} FROM {table} {where} ORDER BY person_id")
    return chain.from_iterable(iter(lambda: cur.fetchmany(FETCH), []))


def baseline(conn: Any, table: str, where: str = "") -> float:
    """Time reading every row into tuples and nothing else."""
    started = time.perf_counter()
    for _ in rows(conn, table, where):
        pass
    return time.perf_counter() - started


def case_of(pid: Any, person_rows: Iterable[tuple]) -> Case:
    """Build one person's case from their rows, as the Django adapter would."""
    ratings, awards, inits, disc = [], [], [], []
    recruited = None
    for _, y, kind, code, scope, used_for in person_rows:
        if kind == "rating":
            ratings.append((y, code))
        elif kind == "award":
            awards.append(AchievementRecord(y, code))
        elif kind == "initiative":
            inits.append(InitiativeRecord(code, y, scope, used_for))
        elif kind == "discipline":
            disc.append(DisciplineRecord(y, code))
        else:
            recruited = date.fromisoformat(code)
    return Case(
        as_of=AS_OF,
        year=YEAR,
        subject=Candidate("individual", recruited),
        ratings=tuple(ratings),
        awards=tuple(awards),
        initiatives=tuple(inits),
        discipline=tuple(disc),
        id=pid,
    )


def cases(history: Iterable[tuple]) -> Iterator[Case]:
    """Group rows (ordered by person) into cases."""
    for pid, person_rows in groupby(history, key=lambda row: row[0]):
        yield case_of(pid, person_rows)


def screening(conn: Any, table: str, where: str = "") -> tuple[float, int, Counter]:
    """Time the pass plus grouping and every verdict; count the eligible per code."""
    started = time.perf_counter()
    eligible: Counter = Counter()
    people = 0
    for s in screen(cases(rows(conn, table, where))):
        people += 1
        eligible.update(s.eligible_codes())
    return time.perf_counter() - started, people, eligible


def explaining(conn: Any, table: str, where: str) -> float:
    """Time the pass plus every verdict explained, each condition rendered in Vietnamese."""
    started = time.perf_counter()
    for case in cases(rows(conn, table, where)):
        for v in evaluate(case).results:
            for c in v.conditions:
                render(c)
    return time.perf_counter() - started


def explanation_ms(conn: Any, table: str, runs: int) -> float:
    """Mean time of one full explanation (every code, conditions rendered in Vietnamese)."""
    cur = conn.cursor()
    cur.execute(
        f"SELECT person_id FROM {table} WHERE kind = 'award' AND "
        "code = 'provincial_emulation_fighter' ORDER BY person_id LIMIT 1"
    )
    (pid,) = cur.fetchone()
    cur.execute(f"SELECT {COLUMNS} FROM {table} WHERE person_id = {int(pid)}")
    case = case_of(pid, cur.fetchall())
    cur.close()

    def once() -> list[str]:
        return [render(c) for v in evaluate(case).results for c in v.conditions]

    once()
    started = time.perf_counter()
    for _ in range(runs):
        once()
    return (time.perf_counter() - started) / runs * 1000


def _row(label: str, base: float, run: float, extra: str = "") -> str:
    return f"{label:>24} {base:>11.3f} {run:>11.3f} {run / base:>6.2f}× {extra}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description="Rule-engine benchmark")
    parser.add_argument(
        "--rows", type=int, action="append", help="history rows (repeatable); default 250k–1M"
    )
    parser.add_argument("--quick", action="store_true", help="one repetition, 100k rows")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args(argv)
    sizes = args.rows or ([100_000] if args.quick else [250_000, 500_000, 1_000_000])
    repeat = 1 if args.quick else args.repeat
    print(f"Year {YEAR} as of {AS_OF} (R2022b), every individual code; best of {repeat}")
    print("\nCity screening (tdkt.rules.screen) beside reading the rows:")
    header = f"{'rows':>24} {'baseline s':>11} {'screen s':>11} {'ratio':>7} rows/s, people"
    print(header + "\n" + "-" * len(header))
    last = None
    counts: Counter = Counter()
    for size in sizes:
        conn, table = connect(size)
        bases, runs = [], []
        for _ in range(repeat):  # interleaved, so a busy machine slows both alike
            bases.append(baseline(conn, table))
            runs.append(screening(conn, table))
        base, best = min(bases), min(r[0] for r in runs)
        people, counts = runs[0][1], runs[0][2]
        print(_row(f"{size:,}", base, best, f"{size / best:,.0f}, {people:,}"))
        if last is not None:
            last[0].close()
        last = (conn, table)
    assert last is not None
    conn, table = last
    print("\nEligible in the last size:", ", ".join(f"{c}={n:,}" for c, n in counts.items()))

    cur = conn.cursor()
    cur.execute(f"SELECT DISTINCT person_id FROM {table} ORDER BY person_id LIMIT {UNIT}")
    last_pid = cur.fetchall()[-1][0]
    cur.close()
    where = f"WHERE person_id <= {int(last_pid)}"
    print(f"\nA unit of {UNIT:,} people × every code, beside reading their rows:")
    header = f"{'path':>24} {'baseline s':>11} {'path s':>11} {'ratio':>7} ms per person"
    print(header + "\n" + "-" * len(header))
    for label, run in (("screen (verdicts)", screening), ("evaluate + text", explaining)):
        bases, times = [], []
        for _ in range(repeat):
            bases.append(baseline(conn, table, where))
            out = run(conn, table, where)
            times.append(out[0] if isinstance(out, tuple) else out)
        base, best = min(bases), min(times)
        print(_row(label, base, best, f"{best / UNIT * 1000:.3f}"))

    n = 200 if args.quick else 1000
    times = [explanation_ms(conn, table, n) for _ in range(1 if args.quick else 3)]
    print(
        f"\nSingle explanation (evaluate + text, all codes): {statistics.mean(times):.3f} ms "
        f"mean over {n} runs (target < 20 ms)"
    )
    conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
