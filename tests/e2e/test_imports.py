"""On a 390 px phone an officer imports a file: errors fit the screen, the kept file runs again."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.builders import PASSWORD
from tests.documents.helpers import PEOPLE_HEADERS, person_row, xlsx

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sign_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def _upload(page: Page, rows: list[list[object]], *, dry_run: bool = False) -> None:
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV (UTF-8)").set_input_files(
        {"name": "nhan-su.xlsx", "mimeType": XLSX, "buffer": xlsx(PEOPLE_HEADERS, rows)}
    )
    if dry_run:
        page.get_by_label("Chỉ kiểm tra, chưa ghi dữ liệu").check()
    page.get_by_role("button", name="Nhập dữ liệu").tap()


def test_an_import_on_a_phone_fits_the_screen_and_runs_the_kept_file_again(
    browser, live_server, registry, screenshots_dir
):
    """Upload (kind recognised) → a rejected file's errors, stacked to fit 390 px, with the
    error report → a dry run of a good file → the real import from the same kept file."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/imports/")
    expect(page.get_by_role("heading", name="Nhập dữ liệu từ Excel", level=1)).to_be_visible()
    _fits(page)

    bad = [
        person_row(**{"Họ và tên": "Nguyễn " * 40, "Điện thoại": "abc"}),
        person_row(**{"Số CCCD": "001190001111", "Ngày sinh": "", "Từ ngày": "31/02/2020"}),
    ]
    _upload(page, bad)
    expect(page.locator("#import-rejected")).to_contain_text("Tệp bị từ chối: 3 lỗi")
    errors = page.locator("#import-errors")
    expect(errors).to_contain_text("Dài quá 200 ký tự")
    expect(errors).to_contain_text("31/02/2020")
    expect(
        page.get_by_role("button", name="Tải tệp báo lỗi (ô lỗi tô đỏ, có ghi chú)")
    ).to_be_visible()
    expect(page.locator("#rerun-form")).to_be_visible()
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "import-errors-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/imports/")
    _upload(page, [person_row()], dry_run=True)
    expect(page.locator("#import-ok")).to_contain_text("Chạy thử: tệp hợp lệ")
    expect(page.locator("#import-ok")).to_contain_text("Sẽ thêm mới: 1")
    _fits(page)
    page.get_by_role("button", name="Nhập dữ liệu từ tệp này").tap()
    expect(page.locator("#import-ok")).to_contain_text("Đã nhập xong.")
    expect(page.locator("#import-ok")).to_contain_text("Thêm mới: 1")
    _fits(page)
    context.close()
