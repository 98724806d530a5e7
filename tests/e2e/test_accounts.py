"""The officer manages an account on a phone; a user gets an API token on the account page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tdkt.accounts.models import ApiToken, User
from tests.builders import PASSWORD
from tests.e2e.menu import main_menu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
NEW = "Mat-khau#Moi2027"


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_officer_creates_and_disables_an_account_on_a_phone(
    browser, live_server, registry, screenshots_dir
):
    """From the menu to a new viewer of a unit, then disabled and enabled again, on 390 px."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url, "officer")
    main_menu(page).get_by_role("link", name="Tài khoản").tap()
    expect(page.get_by_role("heading", name="Tài khoản người dùng", level=1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "accounts-phone.png"), full_page=True)

    page.get_by_role("button", name="Thêm tài khoản").tap()
    page.get_by_label("Tên đăng nhập").fill("le.thi.moi")
    page.get_by_label("Họ và tên").fill("Lê Thị Mới")
    role = page.get_by_label("Vai trò")
    expect(role.locator("option", has_text="Quản trị hệ thống")).to_have_count(0)
    role.select_option(label="Người xem")
    page.get_by_label("Đơn vị").select_option(value=str(registry.investment.uuid))
    page.locator("#id_new_password1").fill(NEW)
    page.get_by_label("Nhập lại mật khẩu").fill(NEW)
    _fits(page)
    page.get_by_role("button", name="Lưu").tap()

    expect(page.get_by_role("heading", name="le.thi.moi", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Đã tạo tài khoản Lê Thị Mới.")
    expect(page.locator("ol.timeline")).to_contain_text("Tạo tài khoản")
    _fits(page)
    page.get_by_role("button", name="Khoá tài khoản").tap()
    expect(page.get_by_role("status").first).to_contain_text("Đã khoá tài khoản le.thi.moi")
    expect(page.get_by_role("button", name="Khoá tài khoản")).to_have_count(0)
    page.screenshot(path=str(screenshots_dir / "account-detail-phone.png"), full_page=True)
    assert not User.objects.get(username="le.thi.moi").is_active
    page.get_by_role("button", name="Mở lại tài khoản").tap()
    expect(page.get_by_role("button", name="Khoá tài khoản")).to_be_visible()
    assert User.objects.get(username="le.thi.moi").is_active
    page.goto(f"{live_server.url}/account/")
    expect(page.get_by_role("heading", name="Tài khoản của tôi", level=1)).to_be_visible()
    _fits(page)
    context.close()


def test_user_gets_an_api_token_on_the_account_page_and_revokes_it(
    browser, live_server, registry, screenshots_dir
):
    """The key appears once after "Tạo mã"; the list keeps only its first letters."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url, "viewer")
    page.get_by_role("link", name="viewer", exact=True).click()
    expect(page.get_by_role("heading", name="Tài khoản của tôi", level=1)).to_be_visible()
    expect(page.get_by_text("Chưa có mã truy cập API nào còn hạn.")).to_be_visible()
    page.get_by_label("Tên mã").fill("Máy chủ báo cáo")
    page.get_by_label("Số ngày còn hạn").fill("7")
    page.get_by_role("button", name="Tạo mã").click()
    key = page.locator("#new-api-key").inner_text()
    assert re.fullmatch(r"tdkt_[A-Za-z0-9_-]{40,}", key)
    row = page.get_by_role("row", name=re.compile("Máy chủ báo cáo"))
    expect(row).to_be_visible()
    page.screenshot(path=str(screenshots_dir / "account-api-token.png"), full_page=True)
    page.reload()
    expect(page.locator("#new-api-key")).to_have_count(0)
    page.get_by_role("button", name="Thu hồi mã Máy chủ báo cáo").click()
    expect(page.get_by_role("status")).to_contain_text("Đã thu hồi mã “Máy chủ báo cáo”.")
    assert not ApiToken.objects.exists()
    context.close()
