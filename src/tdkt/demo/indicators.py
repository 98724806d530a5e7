"""Demo data of ``tdkt.indicators``: the article's 2018–2019 figures and the dossiers behind
its one-stop statistics.

Facts from the article (see ``docs/demo-data.md``): 2019 revenue of IZ enterprises about
7.7 billion USD, 100 % of plan, +6.3 % on 2018; exports 4.8 billion USD, +12.6 %; imports
4.2 billion USD, +4.2 %; state budget 242 million USD, +15.7 %; 162,115 workers; FDI capital
6.1 billion USD and DDI capital over 15,000 billion VND; and, to 30/11/2019, 2,922 dossiers
received, 2,122 online, 2,892 resolved, 30 being processed, 0 overdue, 100 % on time. The
2018 values are derived from the growth rates; the dossiers themselves are synthetic.

Everything goes through the import services (so the demo leaves the audit trail of a real
import), and only rows whose natural key is missing are imported: a second run imports
nothing, and a figure corrected by an officer is never put back.
"""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from tdkt.accounts.models import User
from tdkt.core.errors import ApplicationError
from tdkt.core.selectors import working_calendar
from tdkt.indicators.importing.indicator_checks import RATES_SHEET
from tdkt.indicators.models import ExchangeRate, IndicatorValue, ProcedureDossier
from tdkt.indicators.services import indicators_import, procedures_import
from tdkt.organizations.models import Enterprise

USD_RATE_2019 = Decimal("23155")
PERIOD_START, AS_OF = date(2019, 1, 1), date(2019, 11, 30)
RECEIVED, ONLINE, PENDING = 2_922, 2_122, 30

# code, name, unit, year, plan, actual. 2018 actuals are the 2019 figure divided by the
# article's growth, rounded so that the growth rounds back to the article's figure.
BOARD_FIGURES: tuple[tuple[str, str, str, int, int | None, int], ...] = (
    ("doanh_thu", "Doanh thu của doanh nghiệp KCN", "USD", 2018, None, 7_245_000_000),
    ("doanh_thu", "Doanh thu của doanh nghiệp KCN", "USD", 2019, 7_700_000_000, 7_702_000_000),
    ("xuat_khau", "Giá trị xuất khẩu", "USD", 2018, None, 4_263_000_000),
    ("xuat_khau", "Giá trị xuất khẩu", "USD", 2019, None, 4_800_000_000),
    ("nhap_khau", "Giá trị nhập khẩu", "USD", 2018, None, 4_031_000_000),
    ("nhap_khau", "Giá trị nhập khẩu", "USD", 2019, None, 4_200_000_000),
    ("nop_ngan_sach", "Nộp ngân sách nhà nước", "USD", 2018, None, 209_200_000),
    ("nop_ngan_sach", "Nộp ngân sách nhà nước", "USD", 2019, None, 242_000_000),
    ("lao_dong", "Lao động trong các KCN", "người", 2019, None, 162_115),
    ("von_fdi", "Vốn đăng ký của dự án FDI (lũy kế)", "USD", 2019, None, 6_100_000_000),
    ("von_ddi", "Vốn đăng ký của dự án DDI (lũy kế)", "VND", 2019, None, 15_000_000_000_000),
    ("ho_so_tthc", "Hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ", 2019, None, RECEIVED),
)
CAPITAL = ("von_dang_ky", "Vốn đăng ký của doanh nghiệp", "USD")

# Procedures of an IZ board by field, with their statutory time in working days and weight.
PROCEDURES: tuple[tuple[str, str, int, int], ...] = (
    ("Đầu tư", "Cấp Giấy chứng nhận đăng ký đầu tư", 15, 6),
    ("Đầu tư", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", 10, 10),
    ("Đầu tư", "Cấp Giấy chứng nhận ưu đãi đầu tư", 15, 1),
    ("Lao động", "Cấp giấy phép lao động cho người lao động nước ngoài", 5, 14),
    ("Lao động", "Gia hạn giấy phép lao động", 5, 5),
    ("Lao động", "Đăng ký nội quy lao động", 7, 3),
    ("Lao động", "Đăng ký thang lương, bảng lương", 7, 2),
    ("Xây dựng", "Cấp giấy phép xây dựng", 20, 5),
    ("Xây dựng", "Thẩm định thiết kế cơ sở", 20, 2),
    ("Quy hoạch", "Thẩm định quy hoạch chi tiết tỷ lệ 1/500", 25, 1),
    ("Quy hoạch", "Chấp thuận tổng mặt bằng", 15, 2),
    ("Môi trường", "Xác nhận kế hoạch bảo vệ môi trường", 10, 3),
    ("Môi trường", "Thẩm định báo cáo đánh giá tác động môi trường", 25, 1),
    ("Thương mại", "Cấp giấy phép kinh doanh hoạt động mua bán hàng hoá", 10, 2),
)
DOSSIER_HEADERS = (
    "Mã hồ sơ",
    "Tên thủ tục",
    "Lĩnh vực",
    "Hình thức nộp",
    "Mức độ",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Số ngày giải quyết",
    "Ngày trả kết quả",
)


def _indicator_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [
        [code, name, unit, None, year, plan, actual]
        for code, name, unit, year, plan, actual in BOARD_FIGURES
    ]
    code, name, unit = CAPITAL
    enterprises = Enterprise.objects.filter(registered_capital__isnull=False).select_related(
        "organization"
    )
    for profile in enterprises.order_by("tax_code"):
        capital = profile.registered_capital
        rows.append(
            [code, name, profile.capital_currency, profile.organization.name, 2019, None, capital]
        )
    # The first row of a new indicator defines its unit: put the USD one first.
    rows.sort(key=lambda r: (r[0] != code, r[2] != unit))
    return rows


def _missing_indicator_rows(rows: list[list[Any]]) -> list[list[Any]]:
    stored = set(
        IndicatorValue.objects.values_list("indicator__code", "organization__name", "year")
    )
    return [r for r in rows if (r[0], r[3], r[4]) not in stored]


def _workbook(rows: list[list[Any]], rates: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    if sheet is None:  # a new workbook always has its first sheet active
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = "Chỉ tiêu"
    sheet.append(
        ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Đơn vị", "Năm", "Kế hoạch", "Thực hiện"]
    )
    for row in rows:
        sheet.append(row)
    if rates:
        rate_sheet = workbook.create_sheet(RATES_SHEET)
        rate_sheet.append(["Năm", "Ngoại tệ", "Tỷ giá (VND)"])
        for row in rates:
            rate_sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def demo_dossiers() -> list[list[Any]]:
    """Return the 2,922 synthetic dossiers of 1/1–30/11/2019 (deterministic).

    Received on working days, 2,122 online (levels 3–4), every one resolved within its
    statutory time; the 30 received last are still being processed on 30/11 (their results
    go out in December, on time), so none is overdue.
    """
    rng = random.Random(20191130)  # noqa: S311 - demo data, not security
    calendar = working_calendar()
    days = [d for d in _dates(PERIOD_START, AS_OF) if calendar.is_working_day(d)]
    # The last five working days of November receive the pending dossiers.
    late_days = days[-5:]
    weights = [w for *_rest, w in PROCEDURES]
    received = sorted(rng.choice(days[:-5]) for _ in range(RECEIVED - PENDING))
    received += sorted(late_days[i % 5] for i in range(PENDING))
    online = set(rng.sample(range(RECEIVED), ONLINE))
    dossiers: list[list[Any]] = []
    serial: Counter[date] = Counter()
    for index, day in enumerate(received):
        field, name, limit, _weight = rng.choices(PROCEDURES, weights)[0]
        serial[day] += 1
        code = f"000.00.19.H26-{day:%y%m%d}-{serial[day]:04d}"
        due = calendar.add_working_days(day, limit)
        if index >= RECEIVED - PENDING:  # result in December, before its due date
            returned = calendar.add_working_days(AS_OF, rng.randint(1, 3))
            returned = min(returned, due)
        else:
            returned = calendar.add_working_days(day, rng.randint(1, limit))
            if returned > AS_OF:
                returned = day
        level: int | None
        if index in online:
            channel, level = "Trực tuyến", rng.choice((3, 4, 4))
        else:
            channel, level = ("Bưu chính", None) if rng.random() < 0.12 else ("Trực tiếp", 2)
        dossiers.append(
            [
                code,
                name,
                field,
                channel,
                level,
                f"{day:%d/%m/%Y}",
                None,
                limit,
                f"{returned:%d/%m/%Y}",
            ]
        )
    return dossiers


def _dates(start: date, end: date) -> list[date]:
    return [date.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1)]


def _csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(DOSSIER_HEADERS)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _check(result: Any) -> None:
    if not result.ok:
        first = result.sorted_errors()[0]
        raise ApplicationError(
            _("Dữ liệu mẫu không nhập được: %(error)s") % {"error": first.message}
        )


def load_indicators(*, writer: User | None, created: Counter[str]) -> None:
    """Import whatever demo figures, rates and dossiers are missing; count what was added."""
    rates = (
        []
        if ExchangeRate.objects.filter(year=2019, currency="USD").exists()
        else [[2019, "USD", USD_RATE_2019]]
    )
    rows = _missing_indicator_rows(_indicator_rows())
    if rows or rates:
        result = indicators_import(
            actor=writer, data=_workbook(rows, rates), filename="du-lieu-mau-chi-tieu.xlsx"
        )
        _check(result)
        created["indicator_values"] += len(rows)
        created["exchange_rates"] += len(rates)
    dossiers = demo_dossiers()
    existing = set(
        ProcedureDossier.objects.filter(received_on__range=(PERIOD_START, AS_OF)).values_list(
            "code", flat=True
        )
    )
    missing = [d for d in dossiers if d[0] not in existing]
    if missing:
        result = procedures_import(
            actor=writer, data=_csv(missing), filename="du-lieu-mau-ho-so-tthc.csv"
        )
        _check(result)
        created["procedure_dossiers"] += len(missing)
