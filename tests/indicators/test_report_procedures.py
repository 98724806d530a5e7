"""``tdkt report procedures``: every key of the contract, the period, as_of, shares, files."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tdkt.indicators.collation import vietnamese_sort_key
from tdkt.indicators.numbers import share
from tdkt.indicators.services import procedures_import

from .helpers import dossier_file, dossier_row

pytestmark = pytest.mark.django_db

PERIOD = ["--from", "2019-01-01", "--to", "2019-11-30", "--as-of", "2019-11-30"]


def _dossier(code, field, channel, received, due, returned):
    return dossier_row(
        **{
            "Mã hồ sơ": code,
            "Lĩnh vực": field,
            "Hình thức nộp": channel,
            "Ngày tiếp nhận": received,
            "Ngày hẹn trả": due,
            "Số ngày giải quyết": None,
            "Ngày trả kết quả": returned,
        }
    )


@pytest.fixture
def dossiers(registry):
    rows = [
        _dossier("A", "Đầu tư", "Trực tuyến", "01/03/2019", "15/03/2019", "10/03/2019"),
        _dossier("B", "Đầu tư", "Trực tiếp", "01/05/2019", "10/05/2019", "20/05/2019"),
        _dossier("C", "Xây dựng", "Trực tuyến", "20/11/2019", "05/12/2019", None),
        # Returned after as_of: still pending on 30/11, and overdue since 15/10.
        _dossier("D", "Xây dựng", "Bưu chính", "01/10/2019", "15/10/2019", "10/12/2019"),
        # Returned on its due date: on time. No field.
        _dossier("E", None, "Trực tuyến", "01/06/2019", "10/06/2019", "10/06/2019"),
        # Outside the period on either side.
        _dossier("F", "Đầu tư", "Trực tuyến", "05/12/2019", "10/12/2019", None),
        _dossier("G", "Lao động", "Trực tiếp", "31/12/2018", "10/01/2019", "09/01/2019"),
        # The first day of the period is included.
        _dossier("H", "Lao động", "Trực tuyến", "01/01/2019", "10/01/2019", "09/01/2019"),
    ]
    result = procedures_import(actor=registry.officer, data=dossier_file(rows), filename="hs.xlsx")
    assert result.ok, result.errors
    return registry


def _report(capsys, *args):
    call_command("report", "procedures", *args)
    return json.loads(capsys.readouterr().out)


def _keys(received, online, o_share, resolved, r_share, on_time, late, rate, pending, overdue):
    return {
        "received": received,
        "online": online,
        "online_share": o_share,
        "resolved": resolved,
        "resolved_share": r_share,
        "resolved_on_time": on_time,
        "resolved_late": late,
        "on_time_rate": rate,
        "pending": pending,
        "pending_overdue": overdue,
    }


def test_every_key_follows_the_contract(dossiers, capsys):
    """Counts, shares to 4 decimals and by_field sorted by name (no field last)."""
    assert _report(capsys, *PERIOD) == {
        **_keys(6, 4, 0.6667, 4, 0.6667, 3, 1, 0.75, 2, 1),
        "by_field": [
            {"field": "Đầu tư", **_keys(2, 1, 0.5, 2, 1.0, 1, 1, 0.5, 0, 0)},
            {"field": "Lao động", **_keys(1, 1, 1.0, 1, 1.0, 1, 0, 1.0, 0, 0)},
            {"field": "Xây dựng", **_keys(2, 1, 0.5, 0, 0.0, 0, 0, None, 2, 1)},
            {"field": None, **_keys(1, 1, 1.0, 1, 1.0, 1, 0, 1.0, 0, 0)},
        ],
    }


def test_an_earlier_as_of_sees_fewer_results_and_more_overdue(dossiers, capsys):
    """As of 12/05/2019 only A and H are resolved; B (returned 20/05) is pending and overdue
    since 10/05; dossiers received later in the period count as received and pending."""
    document = _report(
        capsys, "--from", "2019-01-01", "--to", "2019-11-30", "--as-of", "2019-05-12"
    )

    assert {k: document[k] for k in ("received", "resolved", "pending", "pending_overdue")} == {
        "received": 6,
        "resolved": 2,
        "pending": 4,
        "pending_overdue": 1,
    }


def test_an_empty_period_gives_zeros_and_null_shares(dossiers, capsys):
    """No dossier in the period is not an error."""
    assert _report(capsys, "--from", "2030-01-01", "--to", "2030-12-31") == {
        **_keys(0, 0, None, 0, None, 0, 0, None, 0, 0),
        "by_field": [],
    }


def test_shares_are_rounded_to_4_decimals_half_away_from_zero():
    """2/3 → 0.6667, 1/8 → 0.125, 1/20000 (exactly 0.00005) → 0.0001, 1/30000 → 0.0."""
    assert share(2, 3) == Decimal("0.6667")
    assert share(1, 8) == Decimal("0.1250")
    assert share(1, 20000) == Decimal("0.0001")
    assert share(1, 30000) == Decimal("0.0000")
    assert share(0, 0) is None


def test_fields_sort_in_vietnamese_alphabetical_order():
    """Đ comes after D and before E; tone marks break ties only."""
    names = ["Em", "Đầu tư", "Dịch vụ", "Xây dựng", "Ăn uống", "An ninh"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "An ninh",
        "Ăn uống",
        "Dịch vụ",
        "Đầu tư",
        "Em",
        "Xây dựng",
    ]


def test_xlsx_and_docx_hold_the_same_table(dossiers, tmp_path, capsys):
    """Both files have the total and one line per field with the same figures."""
    xlsx = tmp_path / "tthc.xlsx"
    docx = tmp_path / "tthc.docx"
    call_command("report", "procedures", *PERIOD, "--format", "xlsx", "--output", str(xlsx))
    call_command("report", "procedures", *PERIOD, "--format", "docx", "--output", str(docx))

    rows = [
        list(r)
        for r in load_workbook(io.BytesIO(xlsx.read_bytes())).active.iter_rows(values_only=True)
    ]
    assert rows[1][0:1] == [
        "Hồ sơ tiếp nhận từ 01/01/2019 đến 30/11/2019, tình trạng tại ngày 30/11/2019."
    ]
    assert rows[4] == ["Tổng cộng", 6, 4, 0.6667, 4, 0.6667, 3, 1, 0.75, 2, 1]
    assert [r[0] for r in rows[5:]] == ["Đầu tư", "Lao động", "Xây dựng", "Chưa phân lĩnh vực"]
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in body
    assert "Times New Roman" in body and 'w:orient="landscape"' in body
    for text in ("Tổng cộng", "66,67 %", "75,00 %", "Xây dựng", "Chưa phân lĩnh vực"):
        assert text in body


def test_unit_users_may_not_read_the_boards_dossier_statistics(dossiers):
    """A unit head asking for the report gets a usage error (exit 2), not figures."""
    with pytest.raises(CommandError, match="Chỉ lãnh đạo và cán bộ cấp Ban") as caught:
        call_command("report", "procedures", *PERIOD, "--as", "investment_head")
    assert caught.value.returncode == 2


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2019-13-01", "--to", "2019-12-31"],
        ["--from", "2019-12-31", "--to", "2019-01-01"],
        ["--from", "2019-01-01", "--to", "2019-12-31", "--format", "docx"],
    ],
)
def test_bad_dates_or_missing_output_exit_2(dossiers, args):
    """An impossible date, a reversed period or a file format without --output: exit 2."""
    with pytest.raises(CommandError) as caught:
        call_command("report", "procedures", *args)
    assert caught.value.returncode == 2
