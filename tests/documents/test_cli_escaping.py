"""``tdkt import`` prints cell values escaped: a file cannot drive the operator's terminal."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest
from django.core.management import CommandError, call_command

from .helpers import PEOPLE_HEADERS, person_row

pytestmark = pytest.mark.django_db

# Clear the screen, set the window title, and reverse what follows: all invisible when printed.
HOSTILE = "\x1b[2J\x1b]0;owned\x07Phòng\u202e\x9b31m Ma"


def _unsafe(text: str) -> list[str]:
    return [
        ch
        for ch in text
        if ch not in "\n" and unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Zl", "Zp"}
    ]


@pytest.fixture
def hostile_file(tmp_path):
    # A CSV file: the XML inside an .xlsx cannot carry most control characters.
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(PEOPLE_HEADERS)
    writer.writerow(person_row(**{"Đơn vị": HOSTILE}))
    path = tmp_path / "nhan-su.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_rejected_row_values_are_printed_escaped(registry, hostile_file, capsys, fmt):
    """The unknown unit is reported with its escape sequences shown, not executed."""
    with pytest.raises(CommandError):
        call_command("import", "people", hostile_file, "--format", fmt)
    out = capsys.readouterr().out
    assert _unsafe(out) == []
    assert "\\u001b" in out and "\\u202e" in out
    if fmt == "json":
        report = json.loads(out)
        assert report["errors"][0]["value"].startswith("\x1b[2J")  # the value survives intact
