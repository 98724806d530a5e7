"""Benchmark: the registry's pages at city scale, each beside a bare Django view (issue #8 §1).

Builds (or reuses) a 170,000-person registry (``gen_registry.py``), serves it with gunicorn
(two sync workers, the production WSGI entry point, DEBUG off) and loads each page with wrk:
searches alone (one connection) and under load (16 connections), the people list as an
officer, a unit head and an enterprise representative, a deep page, the dashboard, a person
with a long history, and the API list. Before each page, the same server answers a bare JSON
view for as long, asked with the page's own credentials (``/bench/bare/`` reads the session
and the user; ``/bench/bare-api/`` authenticates the token): that trivial logged-in view is
the page's baseline, so a busy machine slows both alike, and the ratio of the two throughputs
is printed with them (decision 0055).

    .venv/bin/python bench/registry_bench.py                  # SQLite (+ PostgreSQL, see below)
    .venv/bin/python bench/registry_bench.py --quick          # 20,000 people, 2 s per run
    .venv/bin/python bench/registry_bench.py --seconds 10 --only search
    TDKT_BENCH_DATABASE_URL=postgresql://user:pw@host/db .venv/bin/python bench/registry_bench.py

With ``TDKT_BENCH_DATABASE_URL`` the same runs follow on PostgreSQL, in a database named
``<db>_registry_bench`` that the benchmark creates (the role needs CREATEDB); the URL's own
database is left alone.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV_BIN = Path(sys.executable).parent
sys.path.insert(0, str(BENCH))

from gen_registry import DATA, Size, fingerprint, sqlite_path  # noqa: E402

PEOPLE = 170_000
SEED = 2026
TARGET_ONE_MS = 50.0  # a search alone
TARGET_LOADED_MS = 100.0  # any page at 16 connections
TARGET_RATIO = 0.30  # of the bare view's throughput, pages at 16 connections


@dataclass(frozen=True)
class Scenario:
    """One page loaded by wrk, with who asks and what the answer must contain."""

    key: str
    label: str
    path: str
    who: str  # officer | unit_head | enterprise_rep | token
    connections: int
    expect: str
    kind: str  # search | page
    wanted: str = ""  # content whose absence is reported (not fatal): a known defect

    @property
    def target(self) -> str:
        """The targets of issue #8 §1 for this run."""
        if self.kind == "reference":
            return "reference"
        if self.connections == 1:
            return f"p95 < {TARGET_ONE_MS:.0f} ms"
        ratio = "" if self.kind == "search" else f", ≥ {TARGET_RATIO:.0%}"
        return f"p95 < {TARGET_LOADED_MS:.0f} ms{ratio}"

    def checks(self, p95_ms: float, ratio: float) -> dict[str, bool]:
        """Return each target of the run and whether it was met (none for a reference row)."""
        if self.kind == "reference":
            return {}
        if self.connections == 1:
            return {"p95": 0 < p95_ms < TARGET_ONE_MS}
        checks = {"p95": 0 < p95_ms < TARGET_LOADED_MS}
        if self.kind != "search":
            checks["ratio"] = ratio >= TARGET_RATIO
        return checks


@dataclass
class Run:
    """What wrk measured for one URL."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    errors: int

    @property
    def rate(self) -> float:
        """Requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class Result:
    """A page's run beside its baseline."""

    scenario: Scenario
    page: Run
    bare: Run
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """The page's throughput as a share of the bare view's."""
        return self.page.rate / self.bare.rate if self.bare.rate else 0.0


def scenarios(meta: dict[str, Any]) -> list[Scenario]:
    """Return the runs of issue #8 §1 for a registry described by ``meta``."""
    person = f"/people/{meta['long_history_uuid']}/"
    deep = meta["deep_page_path"]
    runs = [
        ("search", "/people/?q=nguyen van", "officer", "Nguyễn Văn", "search"),
        ("search", "/people/?q=duc", "officer", "Đức", "search"),
        ("search", "/api/v1/people/?search=nguyen", "token", "Nguyễn", "search"),
    ]
    result = [
        Scenario(key, path, path, who, connections, expect, kind)
        for key, path, who, expect, kind in runs
        for connections in (1, 16)
    ]
    pages = [
        ("list", "/people/", "/people/", "officer", "người"),
        ("list", "/people/ deep page", deep, "officer", "người"),
        ("list", "/people/ (unit head)", "/people/", "unit_head", "người"),
        ("list", "/people/ (enterprise)", "/people/", "enterprise_rep", "người"),
        ("dashboard", "/ (officer)", "/", "officer", "Tổng quan"),
        ("dashboard", "/ (unit head)", "/", "unit_head", "Tổng quan"),
        ("dashboard", "/ (enterprise)", "/", "enterprise_rep", "Tổng quan"),
        ("person", "a person with a long history", person, "officer", "Lịch Sử"),
        ("api", "/api/v1/people/", "/api/v1/people/", "token", '"results"'),
    ]
    for key, label, path, who, expect in pages:
        wanted = "Thay đổi gần đây" if key == "dashboard" else ""
        result.append(Scenario(key, label, path, who, 16, expect, "page", wanted))
    # What any signed-in page costs here (layout, session, user, no data): the ceiling of the
    # ratio a registry page can reach on this machine.
    floor = ("/jobs/ (an empty signed-in page)", "/jobs/", "officer", "Công việc nền")
    result.append(Scenario("floor", *floor[:3], 16, floor[3], "reference"))
    # The bare view without a session, beside the signed-in one: what reading the session and
    # the user costs on this machine (the baseline of the issue is the signed-in one).
    anonymous = ("/bench/bare/ without signing in", "/bench/bare/", "anonymous", '"user": null')
    result.append(Scenario("floor", *anonymous[:3], 16, anonymous[3], "reference"))
    return result


# --- the database ---------------------------------------------------------------------------


def pg_bench_url(url: str) -> str:
    """Return the URL of the benchmark's own database beside the one in ``url``."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "tdkt"
    return urlunsplit(parts._replace(path=f"/{name}_registry_bench"))


def _pg_admin(url: str) -> Any:
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def _pg_fingerprint(url: str) -> str | None:
    import psycopg

    try:
        with psycopg.connect(url) as conn, conn.cursor() as cur:
            cur.execute("SELECT fingerprint FROM bench_registry_meta")
            row = cur.fetchone()
            return row[0] if row else None
    except psycopg.Error:
        return None


def prepare_database(vendor: str, size: Size) -> tuple[str, bool]:
    """Return the database URL of the registry of ``size`` and whether it must be built."""
    if vendor == "sqlite":
        path = sqlite_path(size)
        DATA.mkdir(parents=True, exist_ok=True)
        for old in DATA.glob(f"registry-{size.people}-{size.seed}-*.sqlite3*"):
            if not old.name.startswith(path.name):
                old.unlink()
        ready = path.exists() and _sqlite_meta(path) is not None
        if not ready:
            for stale in DATA.glob(f"{path.name}*"):
                stale.unlink()
        return f"sqlite:///{path}", not ready
    url = pg_bench_url(os.environ["TDKT_BENCH_DATABASE_URL"])
    if _pg_fingerprint(url) == fingerprint(size):
        return url, False
    name = urlsplit(url).path.lstrip("/")
    with _pg_admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url, True


def _sqlite_meta(path: Path) -> dict[str, Any] | None:
    import sqlite3

    try:
        with sqlite3.connect(path) as conn:
            row = conn.execute("SELECT meta FROM bench_registry_meta").fetchone()
    except sqlite3.Error:
        return None
    return json.loads(row[0]) if row else None


def build(size: Size) -> dict[str, Any]:
    """Migrate the empty database, fill it and record what the runs need (Django is set up)."""
    from django.core.management import call_command
    from django.db import connection

    import gen_registry

    started = time.perf_counter()
    print(f"building the registry of {size.people:,} people (seed {size.seed})…", flush=True)
    call_command("migrate", verbosity=0)
    registry = gen_registry.build(size, log=lambda line: print(line, flush=True))
    meta = {
        "people": registry.people,
        "enterprise_people": registry.enterprise_people,
        "unit_people": registry.unit_people,
        "long_history_uuid": registry.long_history_uuid,
        "deep_person_uuid": registry.deep_cursor_person_uuid,
        "users": {
            "officer": registry.officer.username,
            "unit_head": registry.unit_head.username,
            "enterprise_rep": registry.enterprise_rep.username,
        },
    }
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
        cursor.execute("CREATE TABLE bench_registry_meta (fingerprint TEXT, meta TEXT)")
        cursor.execute(
            "INSERT INTO bench_registry_meta VALUES (%s, %s)",
            [fingerprint(size), json.dumps(meta)],
        )
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return meta


def stored_meta() -> dict[str, Any]:
    """Read what ``build`` recorded."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT meta FROM bench_registry_meta")
        return json.loads(cursor.fetchone()[0])


def deep_page_path(meta: dict[str, Any]) -> str:
    """Return the URL of the people list four fifths of the way down (page 5,440 of 6,800):
    the page after the person recorded at that position."""
    from tdkt.organizations.models import Person

    return f"/people/?after={Person.objects.get(uuid=meta['deep_person_uuid']).sort_key}"


def credentials(meta: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Sign the three accounts in (a session each) and give the officer an API token."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from tdkt.accounts.models import User
    from tdkt.accounts.services import api_token_create
    from tdkt.web.middleware import SESSION_REFRESHED_KEY

    headers: dict[str, dict[str, str]] = {"anonymous": {}}
    for who, username in meta["users"].items():
        user = User.objects.get(username=username)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[SESSION_REFRESHED_KEY] = int(time.time())
        session.create()
        headers[who] = {"Cookie": f"sessionid={session.session_key}"}
    officer = User.objects.get(username=meta["users"]["officer"])
    _, key = api_token_create(actor=None, user=officer, name="bench", replace=True)
    headers["token"] = {"Authorization": f"Token {key}"}
    return headers


def session_expiries() -> dict[str, Any]:
    """Return each session's expiry: a session written again gets a new one (decision 0033)."""
    from django.contrib.sessions.models import Session

    return dict(Session.objects.values_list("session_key", "expire_date"))


# --- the server and the load ----------------------------------------------------------------


def free_port() -> int:
    """Return a TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, str]:
    """GET ``path`` once (no redirect followed); return the status and the body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    try:
        conn.request("GET", quote(path, safe="/?=&"), headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


class Server:
    """gunicorn with two sync workers serving the benchmark site on a free port."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        command = [
            str(VENV_BIN / "gunicorn"),
            "--workers=2",
            f"--bind=127.0.0.1:{self.port}",
            f"--pythonpath={BENCH}",
            "--log-level=warning",
            "--timeout=120",
            "tdkt.wsgi:application",
        ]
        self.process = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/bench/bare/", {})[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def stop(self) -> None:
        """Stop the server and its workers."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(port: int, path: str, headers: dict[str, str], connections: int, seconds: float) -> Run:
    """Load ``path`` with wrk for ``seconds`` over ``connections`` connections."""
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout=30s",
        f"--script={BENCH / 'wrk_report.lua'}",
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{quote(path, safe='/?=&')}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    # wrk stops counting at the deadline, but gunicorn still holds the requests it had queued;
    # wait for them, so that the next run starts on an idle server.
    get(port, "/bench/bare/", {})
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    data = json.loads(line[4:])
    errors = sum(data[k] for k in ("status_errors", "connect_errors", "read_errors", "timeouts"))
    return Run(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50"] / 1000,
        p95_ms=data["p95"] / 1000,
        errors=errors,
    )


def measure(
    port: int,
    runs: list[Scenario],
    headers: dict[str, dict[str, str]],
    seconds: float,
    progress: Callable[[str], None],
) -> list[Result]:
    """Check every page answers 200 with its content, then load each after its baseline."""
    missing = {}
    for scenario in runs:
        status, body = get(port, scenario.path, headers[scenario.who])
        if status != 200 or scenario.expect not in body:
            raise SystemExit(f"{scenario.path} as {scenario.who}: {status}, not the page expected")
        if scenario.wanted and scenario.wanted not in body:
            missing[scenario] = f"no “{scenario.wanted}”"
    results = []
    for scenario in runs:
        who = headers[scenario.who]
        wrk(port, scenario.path, who, scenario.connections, 1)  # warm both workers
        # The baseline asks with the page's own credentials: a trivial logged-in view (its
        # session and user read, or the API's token), as in the issue (decision 0055).
        bare_path = "/bench/bare-api/" if scenario.who == "token" else "/bench/bare/"
        signed_in = headers["officer"] if scenario.who == "anonymous" else who
        bare = wrk(port, bare_path, signed_in, scenario.connections, seconds)
        page = wrk(port, scenario.path, who, scenario.connections, seconds)
        if page.errors or bare.errors:
            raise SystemExit(f"{scenario.path}: {page.errors} errors under load")
        results.append(Result(scenario, page, bare, {"note": missing.get(scenario, "")}))
        progress(f"  {scenario.label} ×{scenario.connections}: {page.rate:.0f} req/s")
    return results


# --- report ----------------------------------------------------------------------------------


def report(vendor: str, meta: dict[str, Any], results: list[Result]) -> str:
    """Return the results as a Markdown table (one row per page, its baseline beside it)."""
    title = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[vendor]
    lines = [
        f"{title}: {meta['people']:,} people; gunicorn, 2 sync workers; wrk; "
        "bare = the trivial view just before, same user, same connections",
        "",
        "| page | as | conns | req/s | p50 ms | p95 ms | bare req/s | bare p95 ms | ratio "
        "| target | met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        s = r.scenario
        who = {"token": "officer (token)", "unit_head": "unit head"}.get(s.who, s.who)
        who = who.replace("enterprise_rep", "enterprise rep.")
        if r.page.requests:
            p50, p95 = f"{r.page.p50_ms:.1f}", f"{r.page.p95_ms:.1f}"
        else:  # not one answer within the run
            p50 = p95 = f"> {r.page.seconds * 1000:.0f}"
        lines.append(
            f"| {s.label} | {who} | {s.connections} | {r.page.rate:.1f} | {p50} "
            f"| {p95} | {r.bare.rate:.0f} | {r.bare.p95_ms:.1f} | {r.ratio:.1%} "
            f"| {s.target} | {_verdict(s, r)} "
            f"{r.extra.get('note', '')}|"
        )
    return "\n".join(lines)


def _verdict(scenario: Scenario, result: Result) -> str:
    """Say whether the run met its targets, each target on its own when there are two."""
    checks = scenario.checks(result.page.p95_ms, result.ratio)
    if not checks:
        return "—"
    words = {name: "yes" if met else "NO" for name, met in checks.items()}
    if len(words) == 1:
        return next(iter(words.values()))
    return ", ".join(f"{name} {word}" for name, word in words.items())


def run_one(vendor: str, size: Size, seconds: float, only: list[str], build_only: bool) -> None:
    """Benchmark one database (this process sets Django up for it)."""
    url, must_build = prepare_database(vendor, size)
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench_site.settings",
        TDKT_DATABASE_URL=url,
        PYTHONPATH=os.pathsep.join([str(BENCH), env.get("PYTHONPATH", "")]),
    )
    os.environ.update(env)
    import django

    django.setup()
    meta = build(size) if must_build else stored_meta()
    if build_only:
        return
    meta["deep_page_path"] = deep_page_path(meta)
    headers = credentials(meta)
    runs = [s for s in scenarios(meta) if not only or s.key in only]
    from django.db import connections

    sessions = session_expiries()
    connections.close_all()
    server = Server(env)
    try:
        results = measure(server.port, runs, headers, seconds, print)
    finally:
        server.stop()
    rewritten = sum(1 for key, expiry in session_expiries().items() if sessions.get(key) != expiry)
    print()
    print(report(vendor, meta, results))
    requests = sum(r.page.requests for r in results if r.scenario.who != "token")
    print(f"\nsessions rewritten during {requests:,} signed-in requests: {rewritten}")
    print(flush=True)
    out = DATA / f"registry-results-{vendor}.json"
    out.write_text(json.dumps([asdict(r.scenario) | asdict(r.page) for r in results], indent=1))


def main() -> None:
    """Run SQLite, then PostgreSQL when ``TDKT_BENCH_DATABASE_URL`` is set, each in its own
    process (Django is set up once per database)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--seconds", type=float, default=5, help="length of each wrk run")
    parser.add_argument("--quick", action="store_true", help="20,000 people, 2 s runs")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        choices=["search", "list", "dashboard", "person", "api", "floor"],
        help="run only these pages (repeatable)",
    )
    parser.add_argument("--build-only", action="store_true", help="build (or check) the data")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.people, args.seconds = 20_000, 2
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: run tools/ensure-wrk.sh (make bench does)")
    size = Size(args.people, args.seed)
    if args.database:
        run_one(args.database, size, args.seconds, args.only, args.build_only)
        return
    vendors = ["sqlite"]
    if os.environ.get("TDKT_BENCH_DATABASE_URL", "").startswith(("postgresql://", "postgres://")):
        vendors.append("postgresql")
    for vendor in vendors:
        command = [sys.executable, __file__, "--database", vendor]
        command += ["--people", str(size.people), "--seed", str(size.seed)]
        command += ["--seconds", str(args.seconds)]
        command += ["--build-only"] if args.build_only else []
        for key in args.only:
            command += ["--only", key]
        subprocess.run(command, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
