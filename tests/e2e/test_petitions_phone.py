"""An officer receives a denunciation and accepts it on a phone; the register shows its
deadline. The leader reads it without the officer's buttons."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.builders import PASSWORD
from tests.e2e.test_csp import RECORD_VIOLATIONS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    assert page.evaluate("window.cspViolations") == []


def test_officer_receives_and_accepts_a_denunciation_on_a_phone(
    browser, live_server, registry, screenshots_dir
):
    context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=2)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    _sign_in(page, live_server.url, "officer")
    page.goto(f"{live_server.url}/petitions/")
    page.get_by_role("button", name="Tiếp nhận đơn").click()
    page.get_by_label("Loại đơn").select_option(label="Tố cáo")
    page.get_by_label("Hình thức nhận").select_option(label="Qua bưu chính")
    page.get_by_label("Họ tên người gửi hoặc tên tổ chức").fill("Trần Văn Bình")
    page.get_by_label("Tóm tắt nội dung").fill(
        "Tố cáo doanh nghiệp kê khai không đúng số liệu trong hồ sơ đề nghị khen thưởng."
    )
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("body")).to_contain_text("Đã tiếp nhận đơn số 001/")
    expect(page.locator("body")).to_contain_text("Hạn thụ lý")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "petition-received-phone.png"), full_page=True)
    accept = page.locator("#step-accept")
    accept.get_by_label("Vụ việc phức tạp").check()
    accept.get_by_role("button", name="Thụ lý").click()
    expect(page.locator("body")).to_contain_text("Đã thụ lý đơn. Hạn giải quyết:")
    expect(page.locator("#step-extend")).to_be_visible()
    _fits(page)
    page.goto(f"{live_server.url}/petitions/")
    expect(page.locator("ul.petitions")).to_contain_text("Trần Văn Bình")
    expect(page.locator("ul.petitions")).to_contain_text("Đang giải quyết")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "petition-register-phone.png"), full_page=True)
    context.close()

    leader = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = leader.new_page()
    _sign_in(page, live_server.url, "leader")
    page.goto(f"{live_server.url}/petitions/")
    page.get_by_role("link", name=f"001/{timezone.localdate().year}").click()
    expect(page.locator("body")).to_contain_text("Trần Văn Bình")
    expect(page.locator("#step-extend")).to_have_count(0)
    expect(page.locator("#step-resolve")).to_have_count(0)
    leader.close()
