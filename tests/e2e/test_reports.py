"""The dashboard on a phone and on a desk: charts drawn from the JSON beside their tables, a unit
head seeing only its own figures; the officer writes a section of the annual report."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from tdkt.demo.indicators import DOSSIER_HEADERS, demo_dossiers
from tdkt.demo.reports2019 import indicator_workbook
from tdkt.indicators.services import indicators_import, procedures_import
from tests.builders import PASSWORD, Registry
from tests.e2e.test_csp import RECORD_VIOLATIONS
from tests.reports.conftest import build_awards, build_movements, build_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _figures(r: Registry) -> None:
    """Two years of two indicators and 300 of the demo's dossiers, through their imports."""
    rows: list[list[object]] = [
        ["doanh_thu", "Doanh thu của doanh nghiệp KCN", "USD", None, 2018, None, 7_245_000_000],
        ["doanh_thu", "Doanh thu của doanh nghiệp KCN", "USD", None, 2019, 7.7e9, 7_702_000_000],
        ["xuat_khau", "Giá trị xuất khẩu", "USD", None, 2018, None, 4_263_000_000],
        ["xuat_khau", "Giá trị xuất khẩu", "USD", None, 2019, 4.8e9, 4_800_000_000],
    ]
    assert indicators_import(actor=r.officer, data=indicator_workbook(rows), filename="ct.xlsx").ok
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(DOSSIER_HEADERS)
    writer.writerows(["" if v is None else v for v in row] for row in demo_dossiers()[:300])
    data = buffer.getvalue().encode()
    assert procedures_import(actor=r.officer, data=data, filename="hs.csv").ok


@pytest.fixture
def w(registry: Registry) -> Registry:
    """The reports' hand-counted fixture (tests/reports/conftest.py), with some figures."""
    build_awards(registry)
    build_movements(registry)
    build_registration(registry)
    _figures(registry)
    return registry


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _charts_drawn(page: Page) -> None:
    expect(page.locator("body[data-charts-ready='true']")).to_have_count(1)
    for canvas in page.locator("canvas").all():
        box = canvas.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 100


def test_unit_head_reads_the_dashboard_on_a_phone(browser, live_server, w, screenshots_dir):
    context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=2)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    _sign_in(page, live_server.url, "investment_head")
    page.goto(f"{live_server.url}/reports/?year=2019")
    expect(page.get_by_role("heading", name="Tổng hợp số liệu năm 2019", level=1)).to_be_visible()
    _charts_drawn(page)
    awards = page.locator("#table-awards")
    expect(awards).to_contain_text("Phòng Quản lý Đầu tư")
    expect(awards).not_to_contain_text("Phòng Quy hoạch và Xây dựng")
    assert page.evaluate("window.cspViolations") == []  # charts drawn under the strict CSP
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    page.screenshot(path=str(screenshots_dir / "reports-dashboard-phone.png"), full_page=True)
    context.close()


def test_officer_writes_a_section_and_finds_it_in_the_report(
    browser, live_server, w, screenshots_dir
):
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url, "officer")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Báo cáo, thống kê"
    ).click()
    page.goto(f"{live_server.url}/reports/?year=2019")
    _charts_drawn(page)
    page.screenshot(path=str(screenshots_dir / "reports-dashboard.png"), full_page=True)
    page.get_by_role("button", name="Báo cáo năm").click()
    section = page.locator("#section-awards")
    expect(section).to_contain_text("4 lượt tập thể và 6 lượt cá nhân")
    section.get_by_role("link", name="Viết, sửa nhận xét").click()
    page.get_by_label("Nội dung").fill("Khen thưởng kịp thời, chú trọng người lao động trực tiếp.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu nội dung báo cáo.")
    expect(page.locator("#section-awards")).to_contain_text("chú trọng người lao động trực tiếp")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải Word").click()
    assert download.value.suggested_filename == "bao-cao-thi-dua-khen-thuong-2019.docx"
    page.screenshot(path=str(screenshots_dir / "reports-annual.png"), full_page=True)
    context.close()


def test_a_leader_reads_the_report_and_the_forms_on_a_phone(browser, live_server, w):
    """The report page and the forms page fit 390 px; a leader reads, downloads, edits nothing."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url, "leader")
    page.goto(f"{live_server.url}/reports/annual/2019/")
    expect(page.locator("#section-registrations")).to_contain_text("đạt 50 %")
    expect(page.get_by_role("link", name="Viết, sửa nhận xét")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.goto(f"{live_server.url}/reports/statistics/")
    page.get_by_label("Biểu").select_option("0603")
    page.get_by_label("Từ năm").fill("2019")
    page.get_by_label("Đến năm").fill("2019")
    page.get_by_role("button", name="Chọn").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải Biểu 0603").click()
    assert download.value.suggested_filename == "bieu-0603-2019.xlsx"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
