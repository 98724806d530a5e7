"""Benchmark: what a signed-in page costs in Django before and beside its own work (issue #8 §1).

The registry benchmark loads pages over HTTP; this one asks the same pages of the same
170,000-person registry in-process, through Django's WSGI handler (every middleware, the
session, the user, the template), so that the cost of each layer can be read without the
server and the load generator sharing the CPUs:

* the trivial signed-in view (``/bench/bare/``), the baseline of the registry's ratio target;
* the empty signed-in page (``/jobs/`` with no jobs): the page frame every page pays;
* the registry's pages: the people list, the dashboard and a person with a long history;
* one small query (the header's unread count) through the ORM, beside the same SQL sent
  through the database cursor: what building a query costs apart from running it.

Each figure is the best of several interleaved batches, printed beside the trivial view's.

    .venv/bin/python bench/frame_bench.py              # SQLite (+ PostgreSQL, see below)
    TDKT_BENCH_DATABASE_URL=postgresql://user:pw@host/db .venv/bin/python bench/frame_bench.py
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from gen_registry import Size  # noqa: E402
from harness import best_of  # noqa: E402

PEOPLE, SEED = 170_000, 2026


def _handler(headers: dict[str, str]) -> Callable[[str], bytes]:
    """Return a function that asks Django's WSGI handler for a path with ``headers``."""
    from django.core.handlers.wsgi import WSGIHandler

    app = WSGIHandler()
    extra = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()}

    def ask(path: str) -> bytes:
        route, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": route,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            **extra,
        }
        statuses: list[str] = []
        body = b"".join(app(environ, lambda status, _headers: statuses.append(status)))
        if not statuses[0].startswith("200"):
            raise SystemExit(f"{path}: {statuses[0]}")
        return body

    return ask


def _batch(run: Callable[[], object], size: int) -> Callable[[], None]:
    def batch() -> None:
        for _ in range(size):
            run()

    return batch


def run_one(vendor: str, size: Size, batches: int, per_batch: int) -> None:
    """Measure one database (this process sets Django up for it)."""
    import registry_bench

    url, must_build = registry_bench.prepare_database(vendor, size)
    os.environ.update(DJANGO_SETTINGS_MODULE="bench_site.settings", TDKT_DATABASE_URL=url)
    import django

    django.setup()
    from django.db import connection

    meta = registry_bench.build(size) if must_build else registry_bench.stored_meta()
    headers = registry_bench.credentials(meta)
    officer = meta["users"]["officer"]
    ask = _handler(headers["officer"])
    pages: list[tuple[str, str]] = [
        ("the trivial signed-in view (baseline)", "/bench/bare/"),
        ("the empty signed-in page (/jobs/)", "/jobs/"),
        ("/people/", "/people/"),
        ("/ (dashboard)", "/"),
        ("a person with a long history", f"/people/{meta['long_history_uuid']}/"),
    ]
    for _, path in pages:  # every page answers, and every cache is warm
        ask(path)
    runs = [_batch(lambda path=path: ask(path), per_batch) for _, path in pages]
    times = [t / per_batch for t in best_of(batches, *runs)]

    from tdkt.accounts.models import User
    from tdkt.notifications.models import Notification
    from tdkt.notifications.selectors import notification_unread_count

    user = User.objects.get(username=officer)
    table = Notification._meta.db_table
    sql = f"SELECT COUNT(*) FROM {table} WHERE recipient_id = %s AND read_at IS NULL"

    def raw() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(sql, [user.pk])
            return cursor.fetchone()[0]

    if raw() != notification_unread_count(actor=user):
        raise SystemExit("the raw count and the selector disagree")
    orm_s, raw_s = (
        t / per_batch
        for t in best_of(
            batches,
            _batch(lambda: notification_unread_count(actor=user), per_batch),
            _batch(raw, per_batch),
        )
    )

    title = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[vendor]
    print(
        f"\n{title}: {meta['people']:,} people, in-process through the WSGI handler, as an "
        f"officer; best of {batches} interleaved batches of {per_batch} requests"
    )
    bare = times[0]
    for (label, _), seconds in zip(pages, times, strict=True):
        ceiling = bare / seconds
        print(
            f"  {label:<40} {seconds * 1000:7.3f} ms   {seconds / bare:5.2f}× the baseline, "
            f"{ceiling:6.1%} of its throughput"
        )
    print(
        f"  one COUNT through the ORM {orm_s * 1000:.3f} ms, the same SQL through the cursor "
        f"{raw_s * 1000:.3f} ms: ratio {orm_s / raw_s:.1f}×"
    )
    frame = times[1] - bare
    print(
        f"  the page frame (empty page − baseline): {frame * 1000:.3f} ms; a page reaches 30 % "
        f"of the baseline's throughput only below {bare / 0.30 * 1000:.3f} ms in all"
    )
    sys.stdout.flush()


def main() -> None:
    """Run SQLite, then PostgreSQL when ``TDKT_BENCH_DATABASE_URL`` is set, one process each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--batches", type=int, default=7)
    parser.add_argument("--per-batch", type=int, default=100)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = Size(args.people, SEED)
    if args.database:
        run_one(args.database, size, args.batches, args.per_batch)
        return
    vendors = ["sqlite"]
    if os.environ.get("TDKT_BENCH_DATABASE_URL", "").startswith(("postgresql://", "postgres://")):
        vendors.append("postgresql")
    for vendor in vendors:
        command = [sys.executable, __file__, "--database", vendor, "--people", str(args.people)]
        command += ["--batches", str(args.batches), "--per-batch", str(args.per_batch)]
        subprocess.run(command, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
