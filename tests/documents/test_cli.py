"""``tdkt import``: report, JSON output and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tdkt.organizations.models import Person

from .helpers import PEOPLE_HEADERS, person_row, xlsx

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def people_file(tmp_path):
    def write(rows, name="nhan-su.xlsx"):
        path = tmp_path / name
        path.write_bytes(xlsx(PEOPLE_HEADERS, rows))
        return str(path)

    return write


def test_valid_file_exits_0_and_prints_a_vietnamese_report(registry, people_file, capsys):
    """A valid import prints the counts in Vietnamese, runs as the first admin by default
    and writes the rows."""
    call_command("import", "people", people_file([person_row()]))

    out = capsys.readouterr().out
    assert "Đã nhập xong" in out and "thêm mới: 1" in out
    assert Person.objects.filter(citizen_id="001190004321").exists()


def test_rejected_file_exits_1_and_lists_errors(registry, people_file, capsys):
    """A bad row gives exit status 1, the row error in the report and no change."""
    with pytest.raises(CommandError) as caught:
        call_command("import", "people", people_file([person_row(**{"Số CCCD": "123"})]))

    assert caught.value.returncode == 1
    assert "Dòng 2, Số CCCD “123”" in capsys.readouterr().out
    assert not Person.objects.filter(full_name="Phạm Thị Mai").exists()


def test_json_format_and_dry_run(registry, people_file, capsys):
    """--format json prints a machine-readable report; --dry-run writes nothing."""
    call_command("import", "people", people_file([person_row()]), "--dry-run", "--format", "json")

    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["dry_run"] is True
    assert report["created"] == 1
    assert not Person.objects.filter(citizen_id="001190004321").exists()


def test_as_a_read_only_user_is_a_usage_error(registry, people_file):
    """--as a viewer is refused with exit status 2 and nothing written."""
    with pytest.raises(CommandError) as caught:
        call_command("import", "people", people_file([person_row()]), "--as", "viewer")

    assert caught.value.returncode == 2
    assert not Person.objects.filter(citizen_id="001190004321").exists()


@pytest.mark.parametrize(
    "args",
    [["nothing", "x.xlsx"], ["people", "/no/such/file.xlsx"], ["people", "F", "--as", "ghost"]],
)
def test_usage_errors_exit_2(registry, people_file, args):
    """Unknown importer, missing file or unknown user give exit status 2."""
    args = [people_file([person_row()]) if a == "F" else a for a in args]
    with pytest.raises(CommandError) as caught:
        call_command("import", *args)
    assert caught.value.returncode == 2


def test_missing_arguments_exit_2_from_the_shell():
    """Run as a real command without its arguments, the exit status is 2."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tdkt.settings.test"}
    done = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "import"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert b"FILE" in done.stderr.upper() or b"file" in done.stderr
