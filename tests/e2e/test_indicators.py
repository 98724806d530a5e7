"""An officer on a phone reads the indicators and the dossier statistics, and imports a file."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tdkt.indicators.models import IndicatorValue
from tdkt.indicators.services import indicators_import, procedures_import
from tests.builders import PASSWORD
from tests.indicators.helpers import dossier_file, dossier_row, indicator_file

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def data(registry):
    """Two years of revenue, one unit's workers, and three dossiers of 2019."""
    indicators_import(
        actor=registry.officer,
        data=indicator_file(
            [
                ["doanh_thu", "Doanh thu", "USD", None, 2018, None, "7.245.000.000"],
                ["doanh_thu", None, None, None, 2019, "7.700.000.000", "7.702.000.000"],
                ["lao_dong", "Lao động", "người", "Phòng Quản lý Đầu tư", 2019, 40, 38],
            ],
            [[2019, "USD", "23.155"]],
        ),
        filename="chi-tieu.xlsx",
    )
    procedures_import(
        actor=registry.officer,
        data=dossier_file(
            [
                dossier_row(**{"Mã hồ sơ": "HS-1"}),
                dossier_row(**{"Mã hồ sơ": "HS-2", "Hình thức nộp": "Trực tiếp"}),
                dossier_row(
                    **{"Mã hồ sơ": "HS-3", "Ngày tiếp nhận": "01/10/2019", "Ngày trả kết quả": None}
                ),
            ]
        ),
        filename="ho-so.xlsx",
    )
    return registry


def _sign_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_officer_reads_indicators_and_dossiers_on_a_phone(
    browser, live_server, data, screenshots_dir, tmp_path
):
    """The pages fit a 390 px screen in Vietnamese; tapping a name opens its years; the
    dossier page shows the shares and the overdue dossier; an upload with a bad number is
    refused row by row and changes nothing."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Chỉ tiêu"
    ).tap()
    expect(page.get_by_role("heading", name="Chỉ tiêu năm 2019", level=1)).to_be_visible()
    table = page.locator("#indicator-table")
    expect(table).to_contain_text("7.702.000.000")
    expect(table).to_contain_text("100,0 %")
    expect(table).to_contain_text("6,3 %")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "indicators-phone.png"), full_page=True)

    table.get_by_role("link", name="Doanh thu").tap()
    expect(page.get_by_role("heading", name="Doanh thu", level=1)).to_be_visible()
    expect(page.locator("table.indicator-series")).to_contain_text("7.245.000.000")
    _fits(page)

    page.goto(f"{live_server.url}/indicators/")
    page.get_by_role("button", name="Hồ sơ thủ tục hành chính").tap()
    expect(page.get_by_role("heading", name="Hồ sơ thủ tục hành chính", level=1)).to_be_visible()
    expect(page.locator("#procedure-figures")).to_contain_text("66,67 %")
    expect(page.locator("#overdue-table")).to_contain_text("HS-3")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "procedures-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/indicators/")
    bad = tmp_path / "chi-tieu-sai.xlsx"
    bad.write_bytes(indicator_file([["doanh_thu", None, None, None, 2020, "7,7 tỷ", None]]))
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV (UTF-8)").set_input_files(str(bad))
    page.get_by_role("button", name="Nhập dữ liệu").tap()
    expect(page.locator("#import-rejected")).to_contain_text("Tệp bị từ chối: 1 lỗi")
    expect(page.locator("#import-errors")).to_contain_text("7,7 tỷ")
    _fits(page)
    assert not IndicatorValue.objects.filter(year=2020).exists()
    context.close()
