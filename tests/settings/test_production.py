"""Production refuses weak keys and SQLite at start, in one line; every setting sends a CSP."""

from __future__ import annotations

import json
import os
import pty
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tdkt.settings.database import sqlite_settings
from tdkt.settings.guards import SettingsRefused, require_production_ready, secret_key_problem

STRONG_KEY = secrets.token_urlsafe(50)
POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "tdkt"}


def _tdkt(
    *args: str, env: dict[str, str], stderr: int | None = None
) -> subprocess.CompletedProcess:
    """Run ``manage.py`` (the ``tdkt`` command) in a fresh process with only ``env``'s TDKT_*."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TDKT_", "DJANGO_"))}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if stderr is None else stderr,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "key",
    [
        "",
        "short-key",
        "x" * 60,  # long but one character
        "django-insecure-" + "a1b2c3d4e5" * 5,
        "dev-only-insecure-key-do-not-use-in-production",
    ],
)
def test_weak_or_missing_secret_keys_are_refused(key):
    """Empty, short, low-variety, startproject's and this repository's own keys never pass."""
    assert secret_key_problem(key)
    with pytest.raises(SettingsRefused, match="TDKT_SECRET_KEY"):
        require_production_ready(secret_key=key, database=POSTGRES)


def test_a_strong_key_and_postgresql_pass():
    """50+ random characters and a PostgreSQL database are what production needs."""
    assert secret_key_problem(STRONG_KEY) is None
    require_production_ready(secret_key=STRONG_KEY, database=POSTGRES)


def test_sqlite_is_refused_even_with_a_strong_key(tmp_path):
    """A SQLite file is a development database: production will not start on one."""
    with pytest.raises(SettingsRefused, match="TDKT_DATABASE_URL"):
        require_production_ready(
            secret_key=STRONG_KEY, database=sqlite_settings(str(tmp_path / "db.sqlite3"))
        )


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"TDKT_DATABASE_URL": "postgresql://x@localhost/x"}, "TDKT_SECRET_KEY"),
        ({"TDKT_SECRET_KEY": STRONG_KEY}, "TDKT_DATABASE_URL"),
        ({"TDKT_SECRET_KEY": STRONG_KEY, "TDKT_DATABASE_URL": "sqlite:///var/x.db"}, "SQLite"),
    ],
)
def test_production_command_stops_at_start_with_one_line(env, names):
    """``tdkt`` with production settings exits non-zero printing one line, not a traceback."""
    done = _tdkt("check", env={"DJANGO_SETTINGS_MODULE": "tdkt.settings.prod", **env})
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("tdkt: Production settings refused:")
    assert names in lines[0]


def test_every_settings_module_sends_the_same_strict_csp():
    """dev, test and prod all install the CSP middleware with self-only scripts and styles."""
    code = (
        "import importlib, json\n"
        "out = {}\n"
        "for name in ('dev', 'test', 'prod'):\n"
        "    m = importlib.import_module('tdkt.settings.' + name)\n"
        "    csp = 'csp.middleware.CSPMiddleware' in m.MIDDLEWARE\n"
        "    out[name] = [m.CONTENT_SECURITY_POLICY, csp]\n"
        "print(json.dumps(out))\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TDKT_", "DJANGO_"))}
    env = {
        **clean,
        "TDKT_SECRET_KEY": STRONG_KEY,
        "TDKT_DATABASE_URL": "postgresql://x@h/x",
        "TDKT_AUDIT_KEY": "csp1:" + "k" * 8 + STRONG_KEY[:32],
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    policies = json.loads(done.stdout)
    for name, (policy, installed) in policies.items():
        directives = policy["DIRECTIVES"]
        assert installed, name
        assert directives["script-src"] == ["'self'"], name
        assert directives["style-src"] == ["'self'"], name
        assert directives["frame-ancestors"] == ["'none'"], name
        assert directives == policies["prod"][0]["DIRECTIVES"], name


def test_console_command_names_its_default_settings_to_a_person_only():
    """At a terminal, ``tdkt`` without DJANGO_SETTINGS_MODULE says it runs the development
    settings; a script reading its output (no terminal) gets nothing extra on stderr."""
    piped = _tdkt("check", env={})
    assert piped.returncode == 0
    assert piped.stderr == ""

    leader, follower = pty.openpty()
    try:
        at_terminal = _tdkt("check", env={}, stderr=follower)
        os.close(follower)
        notice = os.read(leader, 4096).decode()
    finally:
        os.close(leader)
    assert at_terminal.returncode == 0
    assert "tdkt.settings.dev" in notice
    assert "DJANGO_SETTINGS_MODULE=tdkt.settings.prod" in notice
