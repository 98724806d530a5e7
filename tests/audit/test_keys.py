"""Audit keys come from the environment; production refuses to start without one."""

from __future__ import annotations

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tdkt.audit.keys import build_keyring, local_key, parse_key

ROOT = Path(__file__).resolve().parents[2]
GOOD = "k2026:" + "s" * 40


def test_a_key_names_its_id_and_a_long_secret():
    """`<id>:<secret>` is split; a short secret, a missing id or a repeated id is refused."""
    assert parse_key(GOOD) == ("k2026", b"s" * 40)
    for bad in ["s" * 40, ":" + "s" * 40, "k1:short", "bad id:" + "s" * 40]:
        with pytest.raises(ValueError):
            parse_key(bad)
    with pytest.raises(ValueError, match="twice"):
        build_keyring(GOOD, [GOOD])
    ring = build_keyring(GOOD, ["k2025:" + "o" * 40])
    assert ring.current_id == "k2026"
    assert set(ring.secrets) == {"k2026", "k2025"}


def test_development_key_is_created_once_and_kept_private(tmp_path):
    """The local key file is made on first use, readable by its owner only, then reused."""
    path = tmp_path / "var" / "audit.key"
    first = local_key(path)
    assert parse_key(first)[0] == "local"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert local_key(path) == first


def _start_production(**extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TDKT_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(
        TDKT_SECRET_KEY=secrets.token_urlsafe(50),
        TDKT_DATABASE_URL="postgresql://tdkt@127.0.0.1/unused",
        DJANGO_SETTINGS_MODULE="tdkt.settings.prod",
        **extra,
    )
    code = "import django; django.setup(); print('started')"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_settings_refuse_to_start_without_an_audit_key():
    """Without TDKT_AUDIT_KEY (or with a weak one) production stops with a clear message."""
    missing = _start_production()
    assert missing.returncode != 0
    assert "TDKT_AUDIT_KEY is not set" in missing.stderr
    weak = _start_production(TDKT_AUDIT_KEY="k1:short")
    assert weak.returncode != 0
    assert "at least 32 characters" in weak.stderr
    assert _start_production(TDKT_AUDIT_KEY=GOOD).stdout.strip() == "started"
