"""``tdkt dev`` (``make run``): one start migrates, seeds, prints the logins, serves, runs tasks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

ENQUEUE = """
from django.db import transaction
from tdkt.accounts.models import User
from tdkt.core.jobs import job_start
from tests.core.job_tasks import count_rows
with transaction.atomic():
    job = job_start(actor=User.objects.get(username="xem"), kind="test.count_rows",
                    title="Thử", task=count_rows, task_args=(30,))
print(job.uuid)
"""
STATUS = """
from tdkt.core.models import BackgroundJob
print(BackgroundJob.objects.get(uuid="{uuid}").status)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TDKT_", "DJANGO_"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "tdkt.settings.dev",
        "TDKT_SQLITE_PATH": str(tmp_path / "dev.sqlite3"),
        "TDKT_VAR_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }


def _manage(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def _serve(env: dict[str, str], port: int, *extra: str) -> tuple[subprocess.Popen, str]:
    """Start ``manage.py dev``, wait until it answers, return the process and its output so far."""
    log = Path(env["TDKT_VAR_DIR"]) / f"dev-{port}.log"
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "dev", f"127.0.0.1:{port}", *extra],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # so that stopping it stops the reloader's child too
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as page:
                if page.status == 200:
                    return server, log.read_text()
        except OSError:
            time.sleep(0.2)
        assert server.poll() is None, log.read_text()
    pytest.fail("the development server did not answer:\n" + log.read_text())


def _stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def test_dev_prepares_once_serves_and_runs_queued_tasks(tmp_path):
    """The first start creates the database and the demo logins; the second finds them, serves
    through the autoreloader without preparing twice, and its worker runs a queued task."""
    env = _env(tmp_path)
    server, first = _serve(env, _free_port(), "--noreload")
    _stop(server)
    assert "Demo data loaded" in first
    assert "canbo.tdkt" in first  # the logins table

    job_id = _manage("shell", "-v", "0", "-c", ENQUEUE, env=env).strip().splitlines()[-1]
    server, second = _serve(env, _free_port())
    try:
        assert second.count("Demo data already present") == 1
        assert second.count("canbo.tdkt") == 1
        deadline = time.monotonic() + 60
        status = ""
        while time.monotonic() < deadline and status != "succeeded":
            status = _manage("shell", "-v", "0", "-c", STATUS.format(uuid=job_id), env=env)
            status = status.strip().splitlines()[-1]
            time.sleep(0.5)
        assert status == "succeeded"
    finally:
        _stop(server)


def test_dev_refuses_production_settings(tmp_path):
    """The development server never starts with the production settings."""
    import secrets

    env = {
        **_env(tmp_path),
        "DJANGO_SETTINGS_MODULE": "tdkt.settings.prod",
        "TDKT_SECRET_KEY": secrets.token_urlsafe(50),
        "TDKT_DATABASE_URL": "postgresql://x@127.0.0.1:1/x",
        "TDKT_AUDIT_KEY": "dev1:" + secrets.token_urlsafe(32),
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "dev", "--noreload"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "development server" in done.stderr
