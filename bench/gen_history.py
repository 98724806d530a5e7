"""Generate a city's award history for the rule-engine benchmark, cached in a database.

Rows are `(person_id, year, kind, code, scope, used_for)` with kind `rating`, `award`,
`initiative`, `discipline` or `recruited`, over the 20 years 2006–2025 — the shape a city's
records take once imported. Most people are current staff with a few recent years on file;
some left earlier. Generation is seeded, so a size always gives the same rows.

SQLite file under bench/data/ by default; PostgreSQL when TDKT_BENCH_DATABASE_URL is a
postgresql:// URL (table `bench_history_<rows>`).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
FIRST_YEAR, LAST_YEAR = 2006, 2025
BATCH = 50_000
COLUMNS = "person_id, year, kind, code, scope, used_for"

Row = tuple[int, int, str, str, str | None, str | None]


def person_rows(pid: int, rnd: random.Random) -> list[Row]:
    """Return one person's history: ratings, the titles they earned, initiatives, discipline."""
    current = rnd.random() < 0.8
    span = rnd.randint(1, 5)
    last = LAST_YEAR if current else rnd.randint(FIRST_YEAR, LAST_YEAR - 1)
    first = max(FIRST_YEAR, last - span + 1)
    rows: list[Row] = []
    streak = 0
    for year in range(first, last + 1):
        r = rnd.random()
        rating = (
            "excellent"
            if r < 0.3
            else "good"
            if r < 0.88
            else "complete"
            if r < 0.98
            else "incomplete"
        )
        rows.append((pid, year, "rating", rating, None, None))
        if rnd.random() < 0.01:
            rows.append((pid, year, "discipline", "reprimand", None, None))
            streak = 0
            continue
        if rating in ("good", "excellent"):
            rows.append((pid, year, "award", "advanced_worker", None, None))
        if rating == "excellent" and rnd.random() < 0.25:
            scope = "grassroots" if rnd.random() < 0.85 else "provincial"
            used = "grassroots_emulation_fighter" if rnd.random() < 0.3 else None
            rows.append((pid, year, "initiative", f"SK-{pid}-{year}", scope, used))
        if rating == "excellent" and rnd.random() < 0.5:
            rows.append((pid, year, "award", "grassroots_emulation_fighter", None, None))
            streak += 1
            if streak % 3 == 0 and rnd.random() < 0.3:
                rows.append((pid, year, "award", "provincial_emulation_fighter", None, None))
        else:
            streak = 0
        if rnd.random() < 0.02:
            rows.append((pid, year, "award", "provincial_certificate_of_commendation", None, None))
    if current and first == LAST_YEAR and rnd.random() < 0.5:
        rows.append(
            (pid, LAST_YEAR, "recruited", f"{LAST_YEAR}-{rnd.randint(1, 12):02d}-01", None, None)
        )
    return rows


def generate(n_rows: int, seed: int = 2025) -> Iterator[list[Row]]:
    """Yield batches of rows, grouped by person, `n_rows` in total."""
    rnd = random.Random(seed)
    batch: list[Row] = []
    total, pid = 0, 0
    while total < n_rows:
        pid += 1
        rows = person_rows(pid, rnd)[: n_rows - total]
        batch.extend(rows)
        total += len(rows)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def pg_url() -> str | None:
    """Return the PostgreSQL URL when the benchmark should use PostgreSQL."""
    url = os.environ.get("TDKT_BENCH_DATABASE_URL", "")
    return url if url.startswith(("postgresql://", "postgres://")) else None


def table_name(n_rows: int) -> str:
    """Return the table holding a given size."""
    return f"bench_history_{n_rows}"


def connect(n_rows: int) -> tuple[Any, str]:
    """Open the database for a size and make sure it holds the rows; return (conn, table)."""
    table = table_name(n_rows)
    url = pg_url()
    if url:
        import psycopg

        conn = psycopg.connect(url, autocommit=True)
        _ensure_pg(conn, table, n_rows)
        return conn, table
    DATA.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(DATA / f"history-{n_rows}.sqlite3")
    _ensure_sqlite(conn, table, n_rows)
    return conn, table


def _ensure_sqlite(conn: sqlite3.Connection, table: str, n_rows: int) -> None:
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {table} (person_id INTEGER NOT NULL, "
        "year INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, scope TEXT, "
        "used_for TEXT, PRIMARY KEY (person_id, year, kind, code)) WITHOUT ROWID"
    )
    if conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n_rows:
        return
    started = time.perf_counter()
    conn.execute(f"DELETE FROM {table}")
    for batch in generate(n_rows):
        conn.executemany(f"INSERT INTO {table} ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", batch)
    conn.commit()
    print(f"generated {n_rows:,} rows in {time.perf_counter() - started:.1f} s")


def _ensure_pg(conn: Any, table: str, n_rows: int) -> None:
    with conn.cursor() as cur:
        cur.execute(
            f"CREATE TABLE IF NOT EXISTS {table} (person_id integer NOT NULL, "
            "year integer NOT NULL, kind text NOT NULL, code text NOT NULL, scope text, "
            "used_for text, PRIMARY KEY (person_id, year, kind, code))"
        )
        cur.execute(f"SELECT count(*) FROM {table}")
        if cur.fetchone()[0] == n_rows:
            return
        started = time.perf_counter()
        cur.execute(f"TRUNCATE {table}")
        with cur.copy(f"COPY {table} ({COLUMNS}) FROM STDIN") as copy:
            for batch in generate(n_rows):
                for row in batch:
                    copy.write_row(row)
        cur.execute(f"CLUSTER {table} USING {table}_pkey")
        cur.execute(f"ANALYZE {table}")
    print(f"generated {n_rows:,} rows in {time.perf_counter() - started:.1f} s")


def main() -> None:
    """Generate (or confirm the cache of) one size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    conn, table = connect(parser.parse_args().rows)
    conn.close()
    print(f"ready: {table}")


if __name__ == "__main__":
    main()
