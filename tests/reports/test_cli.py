"""``tdkt report statistics``: the same form as the page, for board-wide readers only."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .helpers import form_rows

pytestmark = pytest.mark.django_db


def test_writes_the_form_for_the_system_and_an_officer(w, tmp_path) -> None:
    target = tmp_path / "bieu-0603.xlsx"
    out = StringIO()
    call_command(
        "report",
        "statistics",
        "--form",
        "0603",
        "--year",
        "2019",
        "--output",
        str(target),
        stdout=out,
    )
    rows, _ = form_rows(target.read_bytes())
    assert rows["01"][3] == 6
    call_command(
        "report",
        "statistics",
        "--form",
        "0603",
        "--year",
        "2018",
        "--to-year",
        "2019",
        "--output",
        str(target),
        "--as",
        "officer",
        stdout=out,
    )
    rows, _ = form_rows(target.read_bytes())
    assert rows["01"][3] == 7


def test_refuses_a_unit_head_and_bad_years(w, tmp_path) -> None:
    target = tmp_path / "f.xlsx"
    args = ["report", "statistics", "--form", "0601", "--output", str(target)]
    with pytest.raises(CommandError) as refused:
        call_command(*args, "--year", "2019", "--as", "investment_head")
    assert refused.value.returncode == 2
    with pytest.raises(CommandError):
        call_command(*args, "--year", "2019", "--to-year", "2018")
    assert not target.exists()
