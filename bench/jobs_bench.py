"""Benchmark the workflow's background jobs against the same rendering done in the request.

Builds a throw-away database (SQLite in memory, or ``TDKT_BENCH_DATABASE_URL``) with a signed
Giấy khen decision of N lines (``--lines``, default 200), then times, best of ``--repeat``,
runs interleaved:

* **certificates, inline** — ``official_documents.render_certificates`` of every line into
  memory: what the download of a small batch does in the request (the baseline);
* **certificates, job** — ``certificate_batch_job_start`` run by the immediate backend: the
  job row, ``job.started``, reading again as the owner, progress every 25 pages, the file in the
  job's folder, ``job.finished``;
* **decision .docx, inline / job** — the same pair for the decision with its attached list.

The ratio is the price of the progress bar and of not blocking a web worker.

    .venv/bin/python bench/jobs_bench.py
    .venv/bin/python bench/jobs_bench.py --lines 50 --repeat 2
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from harness import best_of, in_test_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def _build(lines: int) -> tuple[object, object]:
    """A registry, ``lines`` people of one unit on a voted round, and the signed decision."""
    from tests.builders import build_registry
    from tests.commendations.voted import LineSpec, voted_round

    from tdkt.commendations.services import decision_draft_create, decision_sign
    from tdkt.organizations.services import person_create

    registry = build_registry()
    people = [
        person_create(
            actor=registry.officer,
            full_name=f"Nguyễn Văn Thử {i:04d}",
            category="civil_servant",
            organization=registry.investment,
            start_date=date(2015, 1, 1),
        )
        for i in range(lines)
    ]
    voted = voted_round(registry, specs={registry.investment: [LineSpec(p) for p in people]})
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    signed = decision_sign(
        actor=registry.leader, decision=draft, signer_title="head", signed_on=date(2020, 1, 10)
    )
    return registry, signed


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description="Background jobs benchmark")
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    return in_test_database(lambda: _run(args.lines, args.repeat))


def _run(lines: int, repeat: int) -> int:
    import logging

    from django.db import connection

    from tdkt.commendations.official_documents import render_certificates, render_decision
    from tdkt.commendations.selectors.decisions import decision_lines
    from tdkt.commendations.services import certificate_batch_job_start, decision_file_job_start

    logging.getLogger("django_tasks").setLevel(logging.WARNING)  # one line per task otherwise
    started = time.perf_counter()
    registry, signed = _build(lines)
    built = time.perf_counter() - started
    leader = registry.leader

    def run_jobs(start: Callable[[], object]) -> None:
        # job_start enqueues on commit: run the callbacks as a commit would.
        from django.db import transaction

        with transaction.atomic():
            start()
            callbacks = list(connection.run_on_commit)
            connection.run_on_commit = []
        for _sids, callback, _robust in callbacks:
            callback()

    def certificates_inline() -> None:
        render_certificates(signed, decision_lines(actor=leader, decision=signed), io.BytesIO())

    def certificates_job() -> None:
        run_jobs(lambda: certificate_batch_job_start(actor=leader, decision=signed))

    def docx_inline() -> None:
        render_decision(signed, decision_lines(actor=leader, decision=signed), "docx")

    def docx_job() -> None:
        run_jobs(lambda: decision_file_job_start(actor=leader, decision=signed, fmt="docx"))

    cert_in, cert_job, doc_in, doc_job = best_of(
        repeat, certificates_inline, certificates_job, docx_inline, docx_job
    )
    print(
        f"Background jobs — {connection.vendor}, a decision of {lines:,} lines "
        f"(built in {built:.0f} s), best of {repeat}"
    )
    print(f"{'work':<28} {'inline s':>9} {'job s':>8} {'ratio':>7}")
    for name, inline, job in (
        (f"certificates ({lines} pages)", cert_in, cert_job),
        ("decision .docx", doc_in, doc_job),
    ):
        print(f"{name:<28} {inline:>9.3f} {job:>8.3f} {job / inline:>6.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
