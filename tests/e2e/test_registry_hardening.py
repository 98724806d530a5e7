"""On a phone: the officer settles a duplicate CCCD; a stale edit is explained in the form."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tdkt.core.errors import ApplicationError
from tdkt.organizations.models import DuplicateReview
from tdkt.organizations.services import person_create, person_update
from tests.builders import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_officer_closes_a_duplicate_cccd_on_a_phone(
    browser, live_server, registry, screenshots_dir
):
    """The planning head's attempt with Ánh's CCCD reaches the officer's list; the officer
    opens it, sees the match and records what was done, all within 390 px."""
    with pytest.raises(ApplicationError):
        person_create(
            actor=registry.planning_head,
            full_name="Nguyễn Văn Ánh",
            category="civil_servant",
            organization=registry.planning,
            start_date=date(2024, 1, 1),
            gender="male",
            date_of_birth=date(1985, 5, 17),
            citizen_id="001085012345",
        )
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url, "officer")
    page.goto(f"{live_server.url}/people/")
    page.get_by_role("link", name="1 trường hợp trùng số CCCD cần xem xét").tap()
    expect(page.get_by_role("heading", name="Trùng số CCCD cần xem xét", level=1)).to_be_visible()
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "duplicates-phone.png"), full_page=True)
    page.get_by_role("link", name="Nguyễn Văn Ánh").first.tap()
    expect(
        page.get_by_role("definition").filter(has_text="Phòng Quy hoạch và Xây dựng")
    ).to_be_visible()
    _fits(page)
    page.get_by_label("Kết quả xử lý").fill(
        "Phòng Quy hoạch nhập nhầm; anh Ánh vẫn ở phòng Đầu tư."
    )
    page.get_by_role("button", name="Lưu kết quả xử lý").tap()
    expect(page.get_by_text("Đã ghi kết quả xử lý.")).to_be_visible()
    expect(page.get_by_text("Không có trường hợp nào.")).to_be_visible()
    assert DuplicateReview.objects.get().status == "resolved"
    context.close()


def test_stale_person_edit_is_explained_on_a_phone(browser, live_server, registry, screenshots_dir):
    """While the admin edits Ánh on a phone, the officer changes his phone number: the admin's
    save is refused with the new number marked and taken into the form; saving again works."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url, "admin")
    page.goto(f"{live_server.url}/people/{registry.anh.uuid}/edit/")
    page.get_by_label("Thư điện tử").fill("anh.nv@bql.hanoi.gov.vn")
    person_update(actor=registry.officer, person=registry.anh, phone="0987654321")
    page.get_by_role("button", name="Lưu").tap()
    expect(page.get_by_text("Người khác vừa đổi ô này thành «0987654321»")).to_be_visible()
    expect(page.get_by_label("Điện thoại")).to_have_value("0987654321")
    expect(page.get_by_label("Thư điện tử")).to_have_value("anh.nv@bql.hanoi.gov.vn")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "stale-edit-phone.png"), full_page=True)
    page.get_by_role("button", name="Lưu").tap()
    expect(page.get_by_role("heading", name="Nguyễn Văn Ánh", level=1)).to_be_visible()
    registry.anh.refresh_from_db()
    assert (registry.anh.phone, registry.anh.email) == ("0987654321", "anh.nv@bql.hanoi.gov.vn")
    context.close()
