"""From the council's voted list to a signed decision, its certificates and their QR page.

The officer publishes the voted list and drafts the decision on a desktop; the leader signs
on a phone (390 px wide, no sideways scrolling); anyone opens a certificate's verification
page on a phone.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tdkt.commendations.models import Award, Decision
from tests.builders import PASSWORD
from tests.commendations.voted import voted_round
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


def test_officer_publishes_and_drafts_leader_signs_on_a_phone(
    browser, live_server, registry, screenshots_dir
):
    """Publish → comment → draft → sign on a phone → certificates → public verification."""
    voted = voted_round(registry)
    desk = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = desk.new_page()
    _sign_in(page, live_server.url, "officer")
    nav = main_menu(page)
    nav.get_by_role("link", name="Quyết định khen thưởng").click()
    expect(page.get_by_role("heading", name="Quyết định khen thưởng", level=1)).to_be_visible()

    # Publication, with a period that has already ended (the notice ran on paper).
    page.get_by_role("button", name="Công khai danh sách").click()
    page.get_by_role("link", name="Công khai danh sách đã được Hội đồng bỏ phiếu").click()
    today = timezone.localdate()
    page.get_by_label("Công khai từ ngày").fill((today - timedelta(days=20)).isoformat())
    page.get_by_label("Đến hết ngày").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Công khai").click()
    expect(page.get_by_role("status")).to_contain_text("Đã công khai danh sách.")
    page.get_by_label("Về").select_option(label="Nguyễn Văn Ánh — Giấy khen")
    page.get_by_label("Loại ý kiến").select_option(label="Góp ý")
    page.get_by_label("Người, đơn vị góp ý").fill("Công đoàn Ban")
    page.get_by_label("Nội dung").fill("Đồng ý với danh sách.")
    page.get_by_role("button", name="Ghi nhận").click()
    expect(page.locator("table.published-lines")).to_contain_text("Công đoàn Ban")

    # The draft.
    nav.get_by_role("link", name="Quyết định khen thưởng").click()
    page.get_by_role("link", name=voted.round.name).click()
    page.get_by_label("Giấy khen (3 dòng)").check()
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.get_by_role("heading", name="Dự thảo quyết định", level=1)).to_be_visible()
    expect(page.locator("table.decision-lines").first).to_contain_text("Phòng Quản lý Đầu tư")
    expect(page.locator("p.total")).to_contain_text("Bằng chữ:")
    page.screenshot(path=str(screenshots_dir / "decision-draft.png"), full_page=True)
    decision = Decision.objects.get()
    desk.close()

    # The leader signs on a phone.
    phone = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = phone.new_page()
    _sign_in(page, live_server.url, "leader")
    page.goto(f"{live_server.url}/decisions/{decision.uuid}/")
    _fits_the_screen(page)
    sign_box = page.locator("article.sign-box")
    sign_box.get_by_label("Trưởng ban", exact=True).check()
    page.screenshot(path=str(screenshots_dir / "decision-sign-phone.png"), full_page=True)
    sign_box.get_by_role("button", name="Ký quyết định").click()
    expect(page.get_by_role("status")).to_contain_text("Đã ký quyết định số 01/QĐ-BQL.")
    expect(page.get_by_role("heading", name="Quyết định số 01/QĐ-BQL", level=1)).to_be_visible()
    _fits_the_screen(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="In giấy khen (PDF)").click()
    assert download.value.suggested_filename == f"giay-khen-01-{today.year}.pdf"
    for path in ("/decisions/", "/publications/", f"/fund/?year={today.year}"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        _fits_the_screen(page)
    phone.close()

    # Anyone checks a certificate's QR code on a phone, without signing in.
    award = Award.objects.get(person=registry.anh)
    visitor = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True)
    page = visitor.new_page()
    page.goto(f"{live_server.url}/verify/{award.verification_token}/")
    expect(page.get_by_role("status")).to_have_text("Giấy khen hợp lệ.")
    expect(page.locator("main")).to_contain_text("Nguyễn Văn Ánh")
    expect(page.locator("main")).not_to_contain_text("Phòng Quản lý Đầu tư")
    _fits_the_screen(page)
    page.screenshot(path=str(screenshots_dir / "certificate-verify-phone.png"), full_page=True)
    visitor.close()
