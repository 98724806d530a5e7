"""``tdkt report indicators``: the contract's example, rounding, nulls, conversion, scope."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tdkt.indicators.numbers import growth_percent, percent_of_plan, round_half_away
from tdkt.indicators.services import indicators_import

from .helpers import indicator_file

pytestmark = pytest.mark.django_db

CONTRACT_EXAMPLE = {
    "year": 2019,
    "exchange_rates": {"USD": 23155},
    "indicators": [
        {
            "code": "doanh_thu",
            "name": "Doanh thu",
            "unit": "USD",
            "organization": None,
            "plan": 7700000000,
            "actual": 7702000000,
            "previous_actual": 7245000000,
            "percent_of_plan": 100.0,
            "growth_percent": 6.3,
        }
    ],
}


def _import(actor, rows, rates=None):
    result = indicators_import(actor=actor, data=indicator_file(rows, rates), filename="ct.xlsx")
    assert result.ok, result.errors
    return result


def _report(capsys, *args):
    call_command("report", "indicators", *args)
    return json.loads(capsys.readouterr().out)


def _line(document, code, organization=None):
    return next(
        line
        for line in document["indicators"]
        if line["code"] == code and line["organization"] == organization
    )


def test_contract_example_is_reproduced_exactly(registry, capsys):
    """The contract's revenue example, imported with Vietnamese-formatted numbers, gives its
    JSON document exactly."""
    _import(
        registry.officer,
        [
            ["doanh_thu", "Doanh thu", "USD", None, 2018, None, "7.245.000.000"],
            ["doanh_thu", None, None, None, 2019, "7.700.000.000", 7702000000],
        ],
        rates=[[2019, "USD", "23.155"]],
    )

    assert _report(capsys, "--year", "2019", "--format", "json") == CONTRACT_EXAMPLE


@pytest.mark.parametrize(
    ("plan", "actual", "previous", "percent", "growth"),
    [
        # 50.05 and -0.05 are exact halves: they go away from zero.
        ("200", "100,1", "100,1", 50.1, 0.0),
        ("1.000", "999,5", "1.000", 100.0, -0.1),
        ("1.000", "1.000,5", "1.000", 100.1, 0.1),
        # 2/3 and -2/3: ordinary rounding either side.
        ("3", "2", "3", 66.7, -33.3),
        ("100", "-20", "-40", -20.0, -50.0),
    ],
)
def test_percentages_round_half_away_from_zero(
    registry, capsys, plan, actual, previous, percent, growth
):
    """% of plan and growth are rounded to 1 decimal, halves away from zero."""
    _import(
        registry.officer,
        [
            ["chi_so", "Chỉ số", "%", None, 2018, None, previous],
            ["chi_so", None, None, None, 2019, plan, actual],
        ],
    )

    line = _report(capsys, "--year", "2019")["indicators"][0]
    assert (line["percent_of_plan"], line["growth_percent"]) == (percent, growth)


def test_rounding_helpers_use_decimal_halves():
    """2.675 rounds to 2.68 (binary floats would give 2.67); −0.05 goes to −0.1."""
    assert round_half_away(Decimal("2.675"), 2) == Decimal("2.68")
    assert round_half_away(Decimal("-0.05"), 1) == Decimal("-0.1")
    assert percent_of_plan(Decimal("1"), Decimal("0")) is None
    assert growth_percent(Decimal("5"), Decimal("0")) is None
    assert growth_percent(None, Decimal("5")) is None


def test_missing_values_and_zero_divisors_give_nulls(registry, capsys):
    """No plan, a zero plan, no previous year or a zero previous year: null, not an error."""
    _import(
        registry.officer,
        [
            ["a_khong_ke_hoach", "A", "người", None, 2019, None, 10],
            ["b_ke_hoach_0", "B", "người", None, 2019, 0, 10],
            ["c_nam_truoc_0", "C", "người", None, 2018, None, 0],
            ["c_nam_truoc_0", None, None, None, 2019, 10, 10],
            ["d_chua_thuc_hien", "D", "người", None, 2019, 10, None],
        ],
    )

    document = _report(capsys, "--year", "2019")
    assert [
        (
            line["code"],
            line["plan"],
            line["actual"],
            line["previous_actual"],
            line["percent_of_plan"],
            line["growth_percent"],
        )
        for line in document["indicators"]
    ] == [
        ("a_khong_ke_hoach", None, 10, None, None, None),
        ("b_ke_hoach_0", 0, 10, None, None, None),
        ("c_nam_truoc_0", 10, 10, 0, 100.0, None),
        ("d_chua_thuc_hien", 10, None, None, None, None),
    ]
    assert document["exchange_rates"] == {}


def test_lines_are_sorted_by_code_then_organisation_board_first(registry, capsys):
    """The Board's own line comes first, then units in Vietnamese alphabetical order."""
    _import(
        registry.officer,
        [
            ["lao_dong", "Lao động", "người", "Trung tâm Dịch vụ hỗ trợ doanh nghiệp", 2019, 1, 1],
            ["lao_dong", None, None, "Phòng Quy hoạch và Xây dựng", 2019, 1, 1],
            ["doanh_thu", "Doanh thu", "USD", None, 2019, 1, 1],
            ["lao_dong", None, None, None, 2019, 1, 1],
            ["lao_dong", None, None, "Phòng Quản lý Đầu tư", 2019, 1, 1],
        ],
    )

    lines = _report(capsys, "--year", "2019")["indicators"]
    assert [(line["code"], line["organization"]) for line in lines] == [
        ("doanh_thu", None),
        ("lao_dong", None),
        ("lao_dong", "Phòng Quản lý Đầu tư"),
        ("lao_dong", "Phòng Quy hoạch và Xây dựng"),
        ("lao_dong", "Trung tâm Dịch vụ hỗ trợ doanh nghiệp"),
    ]


def test_figures_in_another_currency_are_converted_with_the_years_rate(registry, capsys):
    """Domestic capital in VND is shown in USD at the 2019 rate, and the report says so;
    the previous year's figure is converted at the same rate."""
    _import(
        registry.officer,
        [
            ["von_dang_ky", "Vốn đăng ký", "USD", None, 2018, None, 1000],
            ["von_dang_ky", None, "VND", "Phòng Quản lý Đầu tư", 2018, None, "20.000.000"],
            ["von_dang_ky", None, None, None, 2019, None, 1500],
            ["von_dang_ky", None, "VND", "Phòng Quản lý Đầu tư", 2019, "23.155.000", "46.310.000"],
        ],
        rates=[[2018, "USD", 22000], [2019, "USD", "23.155"], [2019, "EUR", "25.000,5"]],
    )

    document = _report(capsys, "--year", "2019")
    assert document["exchange_rates"] == {"EUR": 25000.5, "USD": 23155}
    assert _line(document, "von_dang_ky", "Phòng Quản lý Đầu tư") == {
        "code": "von_dang_ky",
        "name": "Vốn đăng ký",
        "unit": "USD",
        "organization": "Phòng Quản lý Đầu tư",
        "plan": 1000,
        "actual": 2000,
        "previous_actual": 863.74,
        "percent_of_plan": 200.0,
        "growth_percent": 131.6,
    }


def test_unit_users_see_only_their_own_figures(registry, capsys):
    """A unit head's report has their unit's line only; a leader (board-wide) sees all."""
    _import(
        registry.officer,
        [
            ["lao_dong", "Lao động", "người", None, 2019, 1, 1],
            ["lao_dong", None, None, "Phòng Quản lý Đầu tư", 2019, 1, 1],
            ["lao_dong", None, None, "Phòng Quy hoạch và Xây dựng", 2019, 1, 1],
        ],
    )

    own = _report(capsys, "--year", "2019", "--as", "investment_head")["indicators"]
    everything = _report(capsys, "--year", "2019", "--as", "leader")["indicators"]
    assert [line["organization"] for line in own] == ["Phòng Quản lý Đầu tư"]
    assert len(everything) == 3


def test_xlsx_output_is_the_same_table_and_safe_to_open(registry, tmp_path, capsys):
    """--format xlsx writes the lines with their figures; a name starting with "@" is text."""
    _import(
        registry.officer,
        [
            ["doanh_thu", "@SUM(A1:A9)", "USD", None, 2018, None, 100],
            ["doanh_thu", None, None, None, 2019, 200, 210],
        ],
        rates=[[2019, "USD", "23.155"]],
    )
    path = tmp_path / "chi-tieu.xlsx"

    call_command(
        "report", "indicators", "--year", "2019", "--format", "xlsx", "--output", str(path)
    )

    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Báo cáo chỉ tiêu năm 2019"
    assert rows[1][0] == "Tỷ giá quy đổi: 1 USD = 23.155 đồng."
    assert rows[4] == [
        "doanh_thu",
        "'@SUM(A1:A9)",
        "USD",
        "Cả Ban",
        200,
        210,
        100,
        105,
        110,
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2019", "--format", "xlsx"], "cần --output"),
        (["--year", "2019", "--as", "khong_co"], "Không có tài khoản"),
        (["--year", "1800"], "1900–2100"),
    ],
)
def test_usage_errors_exit_2(registry, args, message):
    """A missing --output, an unknown user or an impossible year: exit status 2."""
    with pytest.raises(CommandError, match=message) as caught:
        call_command("report", "indicators", *args)
    assert caught.value.returncode == 2


def test_an_empty_year_is_an_empty_list(registry, capsys):
    """A year without figures is not an error."""
    assert _report(capsys, "--year", "2030") == {
        "year": 2030,
        "exchange_rates": {},
        "indicators": [],
    }
