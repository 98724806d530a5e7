"""A council member votes on a phone-sized screen; the chair then closes and sees the results."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tdkt.commendations.models import BallotReceipt, SessionItem
from tdkt.commendations.services.ballots import ballot_cast
from tests.builders import PASSWORD
from tests.commendations.council_helpers import (
    CSTD_TP,
    items_by_code,
    proposals_at_council,
    seat_council,
    voting_session,
)
from tests.e2e.menu import main_menu

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


def test_member_votes_on_a_phone_and_chair_closes(browser, live_server, registry, screenshots_dir):
    """On a 390 px screen the member finds the open session from the menu, ticks agree or
    disagree on each line with finger-sized buttons, sends the ballot once and is told it was
    received; after the chair closes, the results are shown."""
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=5)
    session = voting_session(registry, seats, agenda)
    member = seats.user(2)

    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url, member.username)
    main_menu(page).get_by_role("link", name="Hội đồng").tap()
    expect(page.get_by_role("heading", name="Phiên họp của tôi")).to_be_visible()
    page.get_by_role("button", name="Bỏ phiếu").tap()
    expect(page.get_by_role("heading", name="Phiếu bầu", level=1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    _fits(page)

    lines = page.locator("form.ballot ol.lines > li")
    expect(lines).to_have_count(3)
    expect(lines.nth(0)).to_contain_text("Nguyễn Văn Ánh")
    expect(lines.nth(0)).to_contain_text("Chiến sĩ thi đua cơ sở")
    for i, choice in enumerate(["Đồng ý", "Không đồng ý", "Đồng ý"]):
        label = lines.nth(i).locator("label", has_text=choice).first
        box = label.bounding_box()
        assert box is not None and box["height"] >= 44, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        label.tap()
        expect(label.locator("input")).to_be_checked()
    page.screenshot(path=str(screenshots_dir / "council-ballot-phone.png"), full_page=True)

    page.get_by_role("button", name="Gửi phiếu").tap()
    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận phiếu bầu của bạn.")
    expect(page.locator("main")).to_contain_text("Bạn đã bỏ phiếu ở phiên họp này.")
    expect(page.locator("main")).not_to_contain_text("Kết quả biểu quyết")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "council-voted-phone.png"), full_page=True)
    assert BallotReceipt.objects.filter(session=session).count() == 1
    assert sorted(
        SessionItem.objects.filter(session=session).values_list("yes_count", "no_count")
    ) == [
        (0, 1),
        (1, 0),
        (1, 0),
    ]
    context.close()

    items = items_by_code(session)
    for i in (0, 1, 3, 4):  # the others agree on all but the CSTĐ thành phố line for two
        choices = {pk: code != CSTD_TP or i < 2 for code, pk in items.items()}
        ballot_cast(actor=seats.user(i), session=session, choices=choices)
    chair = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = chair.new_page()
    _sign_in(page, live_server.url, seats.chair.user.username)
    page.goto(f"{live_server.url}/council/sessions/{session.uuid}/")
    expect(page.locator("main")).to_contain_text("Đã nhận 5/5 phiếu.")
    page.get_by_role("button", name="Kết thúc bỏ phiếu").tap()
    expect(page.get_by_role("heading", name="Kết quả biểu quyết")).to_be_visible()
    results = page.locator("ol.lines > li")
    expect(results.nth(0)).to_contain_text("Đồng ý: 5")
    expect(results.nth(0)).to_contain_text("Đạt")
    expect(results.nth(2)).to_contain_text("Trần Minh Đức")
    expect(results.nth(2)).to_contain_text("Không đạt")  # 3/5 = 60 % < 90 %
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "council-results-phone.png"), full_page=True)
    chair.close()
