"""On a 390 px phone the rules pages fit the screen and an officer changes a parameter."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.builders import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SHARE = "Tỷ lệ Lao động tiên tiến của Tập thể lao động tiên tiến"


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


def test_rules_pages_fit_a_phone_and_an_officer_changes_a_parameter(
    browser, live_server, registry, screenshots_dir
):
    """List → a title's page → parameters: no sideways scroll; the officer edits a share,
    sees it confirmed with its legal basis, then checks a case with it."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/rules/")
    expect(page.get_by_role("heading", name="Quy tắc khen thưởng", level=1)).to_be_visible()
    _fits(page)

    page.get_by_role("link", name="Chiến sĩ thi đua cấp bộ, ngành, tỉnh (thành phố)").tap()
    expect(page.get_by_role("heading", name="Đối với cá nhân")).to_be_visible()
    expect(page.locator("ol.conditions")).to_contain_text("Luật TĐKT 2022, Điều 22")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "rule-explain-phone.png"), full_page=True)

    page.get_by_role("link", name="Xem và sửa tham số").tap()
    expect(page.get_by_role("heading", name="Tham số quy tắc khen thưởng")).to_be_visible()
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "rule-parameters-phone.png"))
    page.get_by_role("link", name=f"Sửa {SHARE}").tap()
    card = page.locator("#p-advanced_collective-min_advanced_worker_percent")
    card.get_by_label("Giá trị mới").fill("65")
    card.get_by_label("Căn cứ (văn bản, điều khoản hoặc lý do)").fill("QĐ 32/2024/QĐ-UBND, Điều 8")
    _fits(page)
    card.screenshot(path=str(screenshots_dir / "rule-parameter-edit-phone.png"))
    card.get_by_role("button", name="Lưu").tap()
    expect(page.get_by_role("status")).to_contain_text(f"Đã lưu «{SHARE}»: giá trị mới 65%")
    expect(card).to_contain_text("Căn cứ đã ghi: QĐ 32/2024/QĐ-UBND, Điều 8")
    _fits(page)
    card.screenshot(path=str(screenshots_dir / "rule-parameter-saved-phone.png"))

    page.goto(f"{live_server.url}/rules/evaluate/")
    page.get_by_role("radio", name="Tập thể", exact=True).check()
    page.get_by_label("Năm xét thành tích").fill("2025")
    page.get_by_label("Ngày quyết định khen thưởng").fill("2026-01-15")
    page.locator("#id_rating_0").select_option(label="Hoàn thành tốt nhiệm vụ")
    page.get_by_label("Tổng số thành viên của tập thể").fill("20")
    page.get_by_label("Số thành viên hoàn thành nhiệm vụ").fill("20")
    page.get_by_label("Số thành viên đạt Lao động tiên tiến").fill("13")
    page.get_by_role("checkbox", name="Tập thể lao động tiên tiến").check()
    _fits(page)
    page.get_by_role("button", name="Kiểm tra", exact=True).tap()
    results = page.locator("#evaluate-results")
    expect(results).to_contain_text("Đủ điều kiện")
    expect(results).to_contain_text("1.880.000 đồng")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "rule-evaluate-phone.png"), full_page=True)
    context.close()
