"""``tdkt import indicators``: Vietnamese numbers, every error rule, all-or-nothing, corrections."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import PermissionDeniedError
from tdkt.indicators.models import ExchangeRate, Indicator, IndicatorValue
from tdkt.indicators.services import indicators_import

from .helpers import INDICATOR_HEADERS, csv_bytes, indicator_file

pytestmark = pytest.mark.django_db

REVENUE = ["doanh_thu", "Doanh thu", "USD", None, 2019, "7.700.000.000", "7.702.000.000"]


def _run(actor, rows, rates=None, *, dry_run=False, data=None, filename="chi-tieu.xlsx"):
    return indicators_import(
        actor=actor,
        data=data if data is not None else indicator_file(rows, rates),
        filename=filename,
        dry_run=dry_run,
    )


def _errors(result):
    return [(e.row, e.column, e.value, e.message) for e in result.sorted_errors()]


def _value(code, year, organization=None):
    return IndicatorValue.objects.get(indicator__code=code, year=year, organization=organization)


def test_valid_file_creates_indicators_values_and_rates_and_is_audited_once(registry):
    """Two indicators, a unit's figure and a rate are created; one import.completed event
    records the counts and the file's checksum."""
    result = _run(
        registry.officer,
        [
            REVENUE,
            ["lao_dong", "Lao động", "người", None, 2019, None, 162115],
            ["lao_dong", None, None, "Phòng Quản lý Đầu tư", 2019, 40, 38],
        ],
        rates=[[2019, "USD", "23.155"]],
    )

    assert result.ok, result.errors
    assert (result.rows, result.created, result.updated, result.unchanged) == (4, 4, 0, 0)
    assert Indicator.objects.get(code="lao_dong").unit == "người"
    assert _value("doanh_thu", 2019).plan == Decimal("7700000000")
    assert _value("lao_dong", 2019, registry.investment).actual == Decimal("38")
    assert ExchangeRate.objects.get(year=2019, currency="USD").rate_vnd == Decimal("23155")
    event = AuditEvent.objects.get(event_type=AuditEventType.IMPORT_COMPLETED)
    assert event.actor == registry.officer
    assert event.changes["created"] == [None, 4]
    assert len(event.changes["sha256"][1]) == 64
    assert event.changes["indicators_created"] == [None, ["doanh_thu", "lao_dong"]]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("7.700.000.000", Decimal("7700000000")),
        ("12,5", Decimal("12.5")),
        ("1.234,5", Decimal("1234.5")),
        ("-3,25", Decimal("-3.25")),
        ("162115", Decimal("162115")),
        (162115, Decimal("162115")),
        (12.5, Decimal("12.5")),
        ("1 234,5", Decimal("1234.5")),
    ],
)
def test_vietnamese_number_formats_are_read_as_the_contract_says(registry, cell, expected):
    """A dot groups thousands and a comma is the decimal mark; number cells are numbers."""
    result = _run(registry.officer, [["ty_le", "Tỷ lệ", "%", None, 2019, None, cell]])

    assert result.ok, result.errors
    assert _value("ty_le", 2019).actual == expected


@pytest.mark.parametrize("cell", ["7,7 tỷ", "12.5", "1,234.5", "7.70.000", "1,2,3", "bảy"])
def test_numbers_that_are_not_vietnamese_formatted_are_refused(registry, cell):
    """ "7,7 tỷ" must be written as a number, and "12.5" is ambiguous: the row is an error."""
    result = _run(registry.officer, [["doanh_thu", "Doanh thu", "USD", None, 2019, cell, None]])

    assert not result.ok
    assert [(e.row, e.column, e.value) for e in result.errors] == [(2, "Kế hoạch", cell)]
    assert "dấu chấm phân cách hàng nghìn" in result.errors[0].message
    assert not IndicatorValue.objects.exists()


def test_one_bad_row_rejects_the_whole_file_and_is_audited(registry):
    """A file with one bad row changes nothing, reports the row and records import.rejected."""
    result = _run(
        registry.officer,
        [REVENUE, ["xuat_khau", "Xuất khẩu", "USD", None, "năm 2019", None, "4.800.000.000"]],
    )

    assert not result.ok
    assert _errors(result) == [
        (3, "Năm", "năm 2019", "Năm phải là số trong khoảng 1900–2100, ví dụ 2019.")
    ]
    assert not Indicator.objects.exists() and not IndicatorValue.objects.exists()
    event = AuditEvent.objects.get(event_type=AuditEventType.IMPORT_REJECTED)
    assert event.changes["errors"] == [None, 1]
    assert not AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED).exists()


def test_every_row_error_is_reported_in_vietnamese(registry):
    """Each rule gives its own message on its own cell, all in one report."""
    result = _run(
        registry.officer,
        [
            ["Doanh Thu!", "Doanh thu", "USD", None, 2019, 1, 1],
            ["moi", None, None, None, 2019, 1, 1],
            ["xuat_khau", "Xuất khẩu", "USD", "Phòng Không Có", 2019, 1, 1],
            ["xuat_khau", "Xuất khẩu hàng hoá", None, None, 1850, 1, 1],
            [None, "Nhập khẩu", "USD", None, 2019, 1, 1],
        ],
    )

    assert _errors(result) == [
        (
            2,
            "Mã chỉ tiêu",
            "Doanh Thu!",
            "Mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng "
            "chữ, tối đa 50 ký tự; ví dụ doanh_thu.",
        ),
        (3, "Tên chỉ tiêu", "", "Chỉ tiêu mới “moi”: cần ghi cột này (lần đầu nhập)."),
        (3, "Đơn vị tính", "", "Chỉ tiêu mới “moi”: cần ghi cột này (lần đầu nhập)."),
        (4, "Đơn vị", "Phòng Không Có", "Không tìm thấy đơn vị này trong phạm vi của bạn."),
        (
            5,
            "Tên chỉ tiêu",
            "Xuất khẩu hàng hoá",
            "Khác với dòng 4 của cùng mã chỉ tiêu (“Xuất khẩu”).",
        ),
        (5, "Năm", "1850", "Năm phải là số trong khoảng 1900–2100, ví dụ 2019."),
        (6, "Mã chỉ tiêu", "", "Bắt buộc nhập."),
    ]


def test_the_same_code_unit_and_year_twice_is_an_error_on_both_rows(registry):
    """Two rows for one figure cannot both be right: both rows are reported."""
    result = _run(registry.officer, [REVENUE, ["doanh_thu", None, None, None, 2019, 1, 2]])

    message = "Trùng mã chỉ tiêu, đơn vị và năm với dòng 2 (dòng 2 và 3)."
    assert _errors(result) == [
        (2, "Mã chỉ tiêu", "doanh_thu", message),
        (3, "Mã chỉ tiêu", "doanh_thu", message),
    ]


def test_units_are_found_by_short_name_and_the_board_is_an_empty_cell(registry):
    """ "BQL" is the Board's own organisation row, not the Board as a whole (empty cell)."""
    result = _run(
        registry.officer,
        [
            ["lao_dong", "Lao động", "người", None, 2019, None, 100],
            ["lao_dong", None, None, "BQL", 2019, None, 30],
        ],
    )

    assert result.ok, result.errors
    assert _value("lao_dong", 2019).actual == 100
    assert _value("lao_dong", 2019, registry.board).actual == 30


def test_reimport_replaces_values_and_audits_before_and_after(registry):
    """Importing the same code, unit and year again is a correction: the values are replaced
    (an empty cell means no figure) and the event keeps them before and after."""
    _run(registry.officer, [REVENUE])
    result = _run(
        registry.officer,
        [["doanh_thu", "Doanh thu (tỷ USD)", None, None, 2019, None, "7.703.000.000"]],
    )

    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    value = _value("doanh_thu", 2019)
    assert (value.plan, value.actual) == (None, Decimal("7703000000"))
    assert Indicator.objects.get(code="doanh_thu").name == "Doanh thu (tỷ USD)"
    event = AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED).first()
    assert event.changes["values_corrected"] == [
        None,
        [
            {
                "indicator": "doanh_thu",
                "organization": None,
                "year": 2019,
                "plan": ["7700000000.000000", None],
                "actual": ["7702000000.000000", "7703000000.000000"],
            }
        ],
    ]
    assert event.changes["indicators_renamed"] == [
        None,
        {"doanh_thu": ["Doanh thu", "Doanh thu (tỷ USD)"]},
    ]


def test_reimporting_the_same_file_changes_nothing(registry):
    """A second import of the same file counts every row as unchanged."""
    rows = [REVENUE, ["lao_dong", "Lao động", "người", "Phòng Quản lý Đầu tư", 2019, 40, 38]]
    _run(registry.officer, rows, rates=[[2019, "USD", 23155]])
    result = _run(registry.officer, rows, rates=[[2019, "USD", 23155]])

    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert IndicatorValue.objects.count() == 2


def test_dry_run_reports_counts_and_writes_nothing(registry):
    """A dry run checks everything and counts, but writes and audits nothing."""
    result = _run(registry.officer, [REVENUE], dry_run=True)

    assert result.ok and result.dry_run and result.created == 1
    assert not IndicatorValue.objects.exists()
    assert not AuditEvent.objects.filter(event_type__startswith="import.").exists()


def test_rates_sheet_errors_are_reported_with_the_sheet_name(registry):
    """VND, a non-positive rate and a repeated currency are refused on the "Tỷ giá" sheet."""
    result = _run(
        registry.officer,
        [REVENUE],
        rates=[[2019, "VND", 1], [2019, "EUR", "0"], [2019, "usd", "23.155"], [2019, "USD", 1]],
    )

    assert _errors(result) == [
        (2, "Tỷ giá › Ngoại tệ", "VND", "VND là đồng Việt Nam, không cần tỷ giá."),
        (
            3,
            "Tỷ giá › Tỷ giá (VND)",
            "0",
            "Tỷ giá phải là số dương (số đồng cho một đơn vị ngoại tệ).",
        ),
        (4, "Tỷ giá › Ngoại tệ", "USD", "Trùng năm và ngoại tệ (dòng 4 và 5)."),
        (5, "Tỷ giá › Ngoại tệ", "USD", "Trùng năm và ngoại tệ (dòng 4 và 5)."),
    ]


def test_a_rates_only_file_records_and_corrects_rates(registry):
    """A file whose only sheet is "Tỷ giá" updates the rates; a change is a correction."""
    from .helpers import RATE_HEADERS, workbook

    data = workbook(("Tỷ giá", RATE_HEADERS, [[2019, "USD", "23.155"]]))
    assert _run(registry.officer, [], data=data).created == 1
    data = workbook(("Tỷ giá", RATE_HEADERS, [[2019, "USD", "23.160"]]))
    result = _run(registry.officer, [], data=data)

    assert result.updated == 1
    assert ExchangeRate.objects.get().rate_vnd == Decimal("23160")
    event = AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED).first()
    assert event.changes["exchange_rates_corrected"] == [
        None,
        {"USD 2019": ["23155.0000", "23160.0000"]},
    ]


def test_a_figure_in_another_currency_needs_that_years_rate(registry):
    """Domestic capital in VND for an indicator in USD is accepted only with a USD rate."""
    rows = [
        ["von_dang_ky", "Vốn đăng ký", "USD", None, 2019, None, "6.100.000.000"],
        ["von_dang_ky", None, "VND", "Phòng Quản lý Đầu tư", 2019, None, "23.155.000.000"],
    ]
    refused = _run(registry.officer, rows)
    accepted = _run(registry.officer, rows, rates=[[2019, "USD", "23.155"]])

    assert _errors(refused) == [
        (
            3,
            "Đơn vị tính",
            "VND",
            "Chưa có tỷ giá USD năm 2019 để quy đổi; thêm vào trang Tỷ giá.",
        )
    ]
    assert accepted.ok, accepted.errors
    assert _value("von_dang_ky", 2019, registry.investment).currency == "VND"


def test_another_unit_that_is_not_a_currency_is_refused(registry):
    """A figure in "dự án" for an indicator counted in "người" cannot be converted."""
    result = _run(
        registry.officer,
        [
            ["lao_dong", "Lao động", "người", None, 2019, None, 1],
            ["lao_dong", None, "dự án", "BQL", 2019, None, 1],
        ],
    )

    assert _errors(result) == [
        (
            3,
            "Đơn vị tính",
            "dự án",
            "Khác đơn vị tính của chỉ tiêu (“người”); chỉ được ghi một loại tiền khác để quy đổi.",
        )
    ]


def test_csv_files_are_accepted_too(registry):
    """A UTF-8 CSV with ";" separators imports like a workbook (no rates sheet)."""
    data = csv_bytes(INDICATOR_HEADERS, [REVENUE], sep=";")

    result = _run(registry.officer, [], data=data, filename="chi-tieu.csv")

    assert result.ok, result.errors
    assert _value("doanh_thu", 2019).actual == Decimal("7702000000")


@pytest.mark.parametrize("who", ["investment_head", "viewer", "leader", "council"])
def test_only_board_wide_writers_may_import(registry, who):
    """Unit heads, viewers and read-only board roles are refused before the file is read."""
    with pytest.raises(PermissionDeniedError, match="Chỉ cán bộ thi đua"):
        _run(getattr(registry, who), [REVENUE])
    assert not IndicatorValue.objects.exists()


def test_the_command_exits_1_on_a_bad_file_and_0_on_a_good_one(registry, tmp_path, capsys):
    """``tdkt import indicators`` uses the same import: exit 1 and nothing written for a bad
    file, exit 0 and the counts for a good one."""
    bad = tmp_path / "xau.xlsx"
    bad.write_bytes(indicator_file([["doanh_thu", "Doanh thu", "USD", None, 2019, "7,7 tỷ", 1]]))
    good = tmp_path / "tot.xlsx"
    good.write_bytes(indicator_file([REVENUE]))

    with pytest.raises(CommandError) as caught:
        call_command("import", "indicators", str(bad), "--as", "officer")
    assert caught.value.returncode == 1
    assert "Dòng 2, Kế hoạch “7,7 tỷ”" in capsys.readouterr().out
    assert not IndicatorValue.objects.exists()

    call_command("import", "indicators", str(good), "--as", "officer")
    assert "thêm mới: 1" in capsys.readouterr().out
    assert IndicatorValue.objects.count() == 1
