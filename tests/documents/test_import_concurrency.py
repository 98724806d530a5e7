"""While a 20,000-row import runs, the rest of the application keeps answering (issue #7).

An import used to hold the database's write lock (and the audit chain's head) for its whole
run, a minute for 20,000 rows: on SQLite every login, edit and even 403 page then failed with
a 500 after the 20-second busy timeout; on PostgreSQL they all waited. This test runs it as
production does — the import in one process, a person using the site in another — against a
real database of the kind the suite runs on (a SQLite file with the settings ``make run``
uses, or a fresh PostgreSQL database), and checks that every sign-in and every saved edit made
meanwhile succeeded, that they were answered while the import was still running, and that
the import itself wrote every row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.builders import PASSWORD

from .helpers import PEOPLE_HEADERS, people_rows
from .ooxml import excel_like

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ROWS = 20_000
UNITS = [
    "Phòng Quản lý Đầu tư",
    "Phòng Quy hoạch và Xây dựng",
    "Trung tâm Dịch vụ hỗ trợ doanh nghiệp",
]
SEED = "from tests.builders import build_registry; build_registry()"


def _database(tmp_path: Path):
    """Return the URL of a new, empty database of the suite's kind, and a clean-up."""
    config = settings.DATABASES["default"]
    if config["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{tmp_path / 'concurrency.sqlite3'}", lambda: None
    import psycopg

    name = f"{config['NAME']}_concurrency_{os.getpid()}"
    admin = {
        "host": config.get("HOST") or "localhost",
        "port": config.get("PORT") or 5432,
        "user": config.get("USER"),
        "password": config.get("PASSWORD"),
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(**admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    user = f"{config['USER']}:{config['PASSWORD']}@" if config.get("USER") else ""
    return f"postgresql://{user}{admin['host']}:{admin['port']}/{name}", drop


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter and scripts
        [sys.executable, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_sign_ins_and_edits_succeed_while_a_20000_row_import_runs(tmp_path):
    url, drop = _database(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tdkt.settings.test",
        "TDKT_DATABASE_URL": url,
        "PYTHONPATH": str(ROOT),
    }
    try:
        _run(["manage.py", "migrate", "--noinput", "-v", "0"], env)
        _run(["-c", f"import django; django.setup(); {SEED}"], env)
        upload = tmp_path / "nhan-su.xlsx"
        upload.write_bytes(
            excel_like(
                PEOPLE_HEADERS,
                people_rows(ROWS, UNITS),
                text_columns=[PEOPLE_HEADERS.index("Số CCCD"), PEOPLE_HEADERS.index("Điện thoại")],
            )
        )
        stop = tmp_path / "stop"
        importing = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "import", "people", str(upload), "--as", "officer",
             "--format", "json"],
            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        started = time.time()
        probing = subprocess.Popen(  # noqa: S603
            [sys.executable, str(Path(__file__).with_name("concurrency_probe.py")), str(stop)],
            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        imported, import_errors = importing.communicate(timeout=1500)
        ended = time.time()
        stop.touch()
        probed, probe_errors = probing.communicate(timeout=300)

        assert importing.returncode == 0, import_errors[-3000:]
        report = json.loads(imported)
        assert report["ok"] and report["created"] == ROWS
        assert probing.returncode == 0, probe_errors[-3000:]
        answers = json.loads(probed)
        failed = [a for a in answers if a[1] != 302]
        assert not failed, f"answers other than a redirect: {failed}"
        during = [a for a in answers if a[2] >= started and a[3] <= ended]
        assert {a[0] for a in during} == {"login", "edit"}, (
            f"nothing answered while the import ran ({ended - started:.0f} s): {answers[:6]}"
        )
        phone = _run(
            [
                "-c",
                "import django; django.setup(); from tdkt.organizations.models import Person; "
                "print(Person.objects.get(citizen_id='001085012345').phone)",
            ],
            env,
        ).strip()
        assert phone == f"09{sum(1 for a in answers if a[0] == 'edit') - 1:08d}"
        assert PASSWORD  # the probe signs in with the test password
    finally:
        drop()
