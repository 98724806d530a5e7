"""Each demo role walks every page of its menu on a 390 px phone: the menu folds behind a
button (also without JavaScript), no page scrolls sideways, and none gives away English or
internal codes (``tests/giveaways.py``)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tdkt.demo.accounts import DEMO_PASSWORD
from tests.builders import PASSWORD
from tests.e2e.menu import NAV_NAME, TOGGLE_NAME, main_menu
from tests.giveaways import find_giveaways
from tests.page_walk import DEMO_ROLES, menu_links

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# Pages one link below the menu that overflowed a phone before (issue #8), walked as well.
ALSO = ["/rules/evaluate/", "/rules/parameters/"]


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _sideways(page: Page) -> int:
    """Return how many pixels the page is wider than the screen (0: it fits)."""
    return int(page.evaluate("document.documentElement.scrollWidth")) - PHONE["width"]


def test_every_role_walks_its_menu_on_a_phone(browser, live_server, screenshots_dir):
    """As each demo login on a phone: the folded menu leaves the screen to the page, opens by
    tap, and every page it leads to fits the screen and reads as Vietnamese."""
    call_command("seed_demo", stdout=StringIO())
    problems: list[str] = []
    for username in DEMO_ROLES:
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True, locale="vi-VN"
        )
        page = context.new_page()
        _sign_in(page, live_server.url, username)
        page.wait_for_load_state("networkidle")
        nav = page.get_by_role("navigation", name=NAV_NAME)
        header = page.locator("header.site-header").bounding_box()
        assert header is not None and header["height"] < PHONE["height"] / 4, (username, header)
        expect(nav.get_by_role("link", name="Cá nhân")).to_be_hidden()
        if username == "truongphong.dautu":
            page.screenshot(path=str(screenshots_dir / "menu-folded-phone.png"))
        main_menu(page)
        expect(nav.get_by_role("link", name="Cá nhân")).to_be_visible()
        if username == "truongphong.dautu":
            page.screenshot(path=str(screenshots_dir / "menu-open-phone.png"))
        links = menu_links(page.content())
        assert len(links) >= 8, (username, links)
        for url in [*links, *ALSO]:
            response = page.goto(f"{live_server.url}{url}")
            status = response.status if response else 0
            if status != 200:
                problems.append(f"{username} {url}: HTTP {status}")
                continue
            if (extra := _sideways(page)) > 0:
                problems.append(f"{username} {url}: {extra} px wider than the phone")
            problems.extend(f"{username} {url}: {g}" for g in find_giveaways(page.content()))
        context.close()
    assert not problems, "\n".join(problems)


def test_the_menu_opens_without_javascript(browser, live_server, registry):
    """With JavaScript off the menu button still opens the menu (a plain <details>)."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    nav = page.get_by_role("navigation", name=NAV_NAME)
    expect(nav.get_by_role("link", name="Cá nhân")).to_be_hidden()
    nav.locator("summary", has_text=TOGGLE_NAME).click()
    nav.get_by_role("link", name="Cá nhân").click()
    expect(page.get_by_role("heading", name="Cá nhân", level=1)).to_be_visible()
    context.close()
