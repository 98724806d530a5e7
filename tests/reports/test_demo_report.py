"""The demo's 2019 report and dashboard show the source article's figures."""

from __future__ import annotations

import pytest

from tdkt.accounts.models import User
from tdkt.reports.models import ReportNarrative
from tdkt.reports.selectors import annual_report, dashboard_data
from tests.demo.test_seed_demo import seeded  # noqa: F401 (the module's seeded database)

pytest.importorskip("tdkt.indicators")
pytestmark = pytest.mark.django_db


def _text(report) -> str:
    parts = []
    for section in report.sections:
        parts.append(section.heading)
        parts.extend(section.figures)
        parts.extend(section.text)
        for table in section.tables:
            parts.extend(" | ".join(row) for row in table.rows)
    return "\n".join(parts)


def test_the_2019_report_reads_like_the_article(seeded):  # noqa: F811
    officer = User.objects.get(username="canbo.tdkt")
    text = _text(annual_report(actor=officer, year=2019))
    for expected in (
        "đạt 7,7 tỷ USD, đạt 100 % so với kế hoạch năm, tăng 6,3 % so với năm 2018",
        "Giá trị xuất khẩu đạt 4,8 tỷ USD, đạt 100 % so với kế hoạch năm, tăng 12,6 %",
        "Nộp ngân sách nhà nước đạt 242 triệu USD, đạt 100 % so với kế hoạch năm, tăng 15,7 %",
        "Giá trị nhập khẩu đạt 4,2 tỷ USD, đạt 100 % so với kế hoạch năm, tăng 4,2 %",
        "Lao động trong các KCN đạt 162.115 người",
        # one-stop statistics "tính đến hết tháng 11/2019"
        "Tính đến ngày 30/11/2019, tổng số hồ sơ tiếp nhận là 2.922 hồ sơ",
        "tiếp nhận trực tuyến 2.122 hồ sơ",
        "đã giải quyết và trả kết quả 2.892 hồ sơ",
        "đang giải quyết 30 hồ sơ, trong đó quá hạn 0 hồ sơ",
        "đúng hạn đạt 100 %",
        # investment attraction
        "Tổng vốn đầu tư thu hút (quy đổi) đạt 350 triệu USD",
        "Vốn đăng ký của dự án FDI mới đạt 93 triệu USD",
        "Vốn đăng ký của dự án DDI mới đạt 158 tỷ đồng",
        "Vốn đăng ký của dự án FDI (lũy kế) đạt 6,1 tỷ USD",
        "Dự án đầu tư thứ phát trong các KCN (lũy kế) đạt 663 dự án",
        # the movements it names, and the officers' texts
        "Kế hoạch số 163/KH-BQL ngày 23/01/2019",
        "phấn đấu 100 % tập thể, cá nhân đăng ký thi đua",
    ):
        assert expected in text, expected


def test_the_2019_dashboard_shows_plan_and_growth(seeded):  # noqa: F811
    officer = User.objects.get(username="canbo.tdkt")
    board = dashboard_data(actor=officer, year=2019)
    figures = {r["name"]: (r["percent_of_plan"], r["growth"]) for r in board.indicators}
    assert figures["Doanh thu của doanh nghiệp KCN"] == (100.0, 6.3)
    assert figures["Giá trị xuất khẩu"] == (100.0, 12.6)
    assert figures["Nộp ngân sách nhà nước"] == (100.0, 15.7)
    assert board.procedure_rate == 100.0
    assert sum(r["received"] for r in board.procedures) == 2922


def test_the_demo_texts_are_written_once(seeded):  # noqa: F811
    from io import StringIO

    from django.core.management import call_command

    before = ReportNarrative.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert ReportNarrative.objects.count() == before == 3
