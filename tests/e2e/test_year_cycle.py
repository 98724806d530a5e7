"""The year's emulation cycle in one browser run (issue #10's "done when"): an officer launches
a movement and opens registration, two units register on their phones, the officer approves one
and returns the other, a block is scored, ranked and elects its leader, and the officer opens
the dashboard, which shows the year's registration rate per unit.

Each step is the same helper its own browser test uses; this test checks that they hold together
on one database, one after the other, as a year's work does."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.test_block_scoring_phone import score_rank_and_elect
from tests.e2e.test_movements_flow import (
    DESKTOP,
    _officer_approves_one_and_returns_one,
    _officer_launches_and_opens_registration,
    _sign_in,
    _two_units_register,
)
from tests.e2e.test_reports import _charts_drawn

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_year_of_emulation_from_launch_to_dashboard(
    browser, live_server, registry, screenshots_dir
):
    base = live_server.url
    year = timezone.localdate().year
    movement = _officer_launches_and_opens_registration(browser, base, year, screenshots_dir)
    _two_units_register(browser, base, year, screenshots_dir)
    _officer_approves_one_and_returns_one(browser, base, movement, screenshots_dir)
    score_rank_and_elect(browser, base, registry, screenshots_dir)

    desk = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = desk.new_page()
    _sign_in(page, base, "officer")
    page.goto(f"{base}/reports/?year={year}")
    expect(
        page.get_by_role("heading", name=f"Tổng hợp số liệu năm {year}", level=1)
    ).to_be_visible()
    _charts_drawn(page)
    rates = page.locator("#table-registrations")
    # The approved sheet counts; the returned one does not until it is sent again.
    expect(rates.get_by_role("row", name="Phòng Quản lý Đầu tư")).to_contain_text("2/2")
    expect(rates.get_by_role("row", name="Phòng Quản lý Đầu tư")).to_contain_text("100,0")
    expect(rates.get_by_role("row", name="Phòng Quy hoạch và Xây dựng")).to_contain_text("0/2")
    page.screenshot(path=str(screenshots_dir / "year-cycle-dashboard.png"), full_page=True)
    desk.close()
