"""An officer launches a movement and opens the year's registration; two units acknowledge
and register on their phones; the officer approves one sheet and returns the other."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tdkt.movements.models import Movement
from tests.builders import PASSWORD
from tests.e2e.menu import main_menu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits_the_screen(page: Page) -> None:
    """Nothing makes the page wider than the phone (tables scroll inside their box)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def _nav(page: Page, name: str) -> None:
    main_menu(page).get_by_role("link", name=name).click()


def _officer_launches_and_opens_registration(
    browser, base_url: str, year: int, shots: Path
) -> Movement:
    desk = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = desk.new_page()
    _sign_in(page, base_url, "officer")
    _nav(page, "Phong trào thi đua")
    page.get_by_role("button", name="Thêm phong trào").click()
    page.get_by_label("Mã phong trào").fill("ATTP-2019")
    page.get_by_label("Tên phong trào").fill("An toàn thực phẩm trong các KCN năm 2019")
    page.get_by_label("Loại phong trào").select_option(label="Theo đợt, chuyên đề")
    page.get_by_label("Từ ngày").fill("2019-01-23")
    page.get_by_label("Đến ngày").fill("2019-12-31")
    page.get_by_label("Số kế hoạch").fill("163/KH-BQL")
    page.get_by_label("Ngày kế hoạch").fill("2019-01-23")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("status")).to_contain_text("Đã thêm phong trào.")
    page.get_by_role("link", name="Chọn đơn vị").click()
    page.get_by_label("Phòng Quản lý Đầu tư").check()
    page.get_by_label("Phòng Quy hoạch và Xây dựng").check()
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("link", name="Thêm tiêu chí").click()
    page.get_by_label("Tiêu chí").fill("Bếp ăn tập thể đạt điều kiện an toàn thực phẩm")
    page.get_by_label("Điểm tối đa").fill("40")
    page.get_by_role("button", name="Lưu").click()
    page.screenshot(path=str(shots / "movement-draft.png"), full_page=True)
    page.get_by_role("button", name="Phát động").click()
    expect(page.get_by_role("status")).to_contain_text("Phong trào đã chuyển sang “Đã phát động”.")
    expect(page.locator("table.participants")).to_contain_text("Chưa xác nhận")

    page.goto(f"{base_url}/registrations/new/")
    page.get_by_label("Năm").fill(str(year))
    page.get_by_label("Hạn đăng ký").fill(f"{year}-02-14")
    boxes = page.locator("#id_organizations input[type=checkbox]")
    for i in range(boxes.count()):
        boxes.nth(i).uncheck()
    page.get_by_label("Phòng Quản lý Đầu tư").check()
    page.get_by_label("Phòng Quy hoạch và Xây dựng").check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name=f"Đăng ký thi đua năm {year}")).to_be_visible()
    desk.close()
    return Movement.objects.get(code="ATTP-2019")


def _unit_registers_on_a_phone(
    browser, base_url: str, username: str, unit: str, year: int, shots: Path | None = None
):
    phone = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = phone.new_page()
    _sign_in(page, base_url, username)
    badge = page.locator(".notifications-link .unread-count")
    expect(badge).to_have_text("2")  # the launch and the registration
    page.locator(".notifications-link").click()
    expect(page.get_by_role("heading", name="Thông báo", level=1)).to_be_visible()
    _fits_the_screen(page)
    if shots:
        page.screenshot(path=str(shots / "notifications-phone.png"), full_page=True)
    page.get_by_role("button", name="Phát động phong trào thi đua").click()
    page.get_by_role("button", name=f"Xác nhận đã nhận phát động cho {unit}").click()
    expect(page.get_by_role("status")).to_contain_text("Đã xác nhận nhận phát động.")
    _fits_the_screen(page)
    if shots:
        page.screenshot(path=str(shots / "movement-acknowledged-phone.png"), full_page=True)
    _nav(page, "Đăng ký thi đua")
    expect(page.get_by_role("heading", name=f"Đăng ký thi đua năm {year}")).to_be_visible()
    page.get_by_role("button", name="Lập bản đăng ký").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lập bản đăng ký")
    expect(page.locator("table.registration-lines")).to_contain_text("Lao động tiên tiến")
    _fits_the_screen(page)
    return phone, page


def _two_units_register(browser, base_url: str, year: int, shots: Path) -> None:
    """Each unit acknowledges the launch and sends its registration from a phone."""
    # Phòng Quản lý Đầu tư: adds Ánh as a Chiến sĩ thi đua cơ sở and sends the sheet.
    phone, page = _unit_registers_on_a_phone(
        browser,
        base_url,
        "investment_head",
        "Phòng Quản lý Đầu tư",
        year,
        shots=shots,
    )
    page.get_by_label("Tập thể, cá nhân").select_option(label="Nguyễn Văn Ánh")
    page.get_by_label("Danh hiệu, hình thức").select_option(label="Chiến sĩ thi đua cơ sở")
    page.get_by_label("Ghi chú").fill("Sáng kiến một cửa điện tử")
    page.get_by_role("button", name="Thêm", exact=True).click()
    expect(page.locator("table.registration-lines")).to_contain_text("Chiến sĩ thi đua cơ sở")
    page.screenshot(path=str(shots / "registration-sheet-phone.png"), full_page=True)
    page.get_by_role("button", name="Gửi bản đăng ký").click()
    expect(page.get_by_role("status")).to_contain_text("Đã gửi, chờ duyệt")
    _fits_the_screen(page)
    phone.close()

    # Phòng Quy hoạch và Xây dựng: sends its prefilled sheet as is.
    phone, page = _unit_registers_on_a_phone(
        browser, base_url, "planning_head", "Phòng Quy hoạch và Xây dựng", year
    )
    page.get_by_role("button", name="Gửi bản đăng ký").click()
    expect(page.get_by_role("status")).to_contain_text("Đã gửi, chờ duyệt")
    phone.close()


def _officer_approves_one_and_returns_one(
    browser, base_url: str, movement: Movement, shots: Path
) -> None:
    """The officer approves Phòng Quản lý Đầu tư's sheet and returns the other with a reason."""
    desk = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = desk.new_page()
    _sign_in(page, base_url, "officer")
    _nav(page, "Đăng ký thi đua")
    rates = page.locator("table.registration-rates")
    rates.get_by_role("row", name="Phòng Quản lý Đầu tư").get_by_role("link").click()
    page.get_by_role("button", name="Duyệt").click()
    expect(page.get_by_role("status")).to_contain_text("Đã duyệt")
    _nav(page, "Đăng ký thi đua")
    rates.get_by_role("row", name="Phòng Quy hoạch và Xây dựng").get_by_role("link").click()
    page.get_by_label("Lý do trả lại").fill("Bổ sung đăng ký của cán bộ mới tuyển dụng.")
    page.get_by_role("button", name="Trả lại để sửa").click()
    expect(page.get_by_role("status")).to_contain_text("Trả lại để sửa")
    _nav(page, "Đăng ký thi đua")
    expect(rates.get_by_role("row", name="Phòng Quản lý Đầu tư")).to_contain_text("Đã duyệt")
    expect(rates.get_by_role("row", name="Phòng Quy hoạch và Xây dựng")).to_contain_text(
        "Trả lại để sửa"
    )
    page.screenshot(path=str(shots / "registration-dashboard.png"), full_page=True)
    page.goto(f"{base_url}/movements/{movement.uuid}/")
    expect(page.locator("table.participants")).not_to_contain_text("Chưa xác nhận")
    page.screenshot(path=str(shots / "movement-detail.png"), full_page=True)
    desk.close()


def test_officer_launches_units_register_officer_approves_one_and_returns_one(
    browser, live_server, registry, screenshots_dir
):
    year = timezone.localdate().year
    movement = _officer_launches_and_opens_registration(
        browser, live_server.url, year, screenshots_dir
    )

    _two_units_register(browser, live_server.url, year, screenshots_dir)
    _officer_approves_one_and_returns_one(browser, live_server.url, movement, screenshots_dir)

    # The returned unit reads why, on its phone.
    phone = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = phone.new_page()
    _sign_in(page, live_server.url, "planning_head")
    page.locator(".notifications-link").click()
    page.get_by_role("button", name="bị trả lại để sửa").click()
    expect(page.locator("main")).to_contain_text("Bổ sung đăng ký của cán bộ mới tuyển dụng.")
    _fits_the_screen(page)
    for path in ("/movements/", f"/registrations/{year}/", "/notifications/"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        _fits_the_screen(page)
    phone.close()
