"""The emulation officer signs in, searches people without accents (htmx) and opens one."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tdkt.organizations.services import group_create, group_leadership_set, group_members_set
from tests.builders import PASSWORD
from tests.e2e.menu import main_menu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def board(registry):
    """The registry plus a block with this year's members and leadership (for the dashboard)."""
    from django.utils import timezone

    year = timezone.localdate().year
    group = group_create(
        actor=registry.officer,
        name="Khối các Ban Quản lý KCN vùng đồng bằng sông Hồng",
        kind="block",
        organizer="Bộ Tài chính",
    )
    members = [registry.board, registry.investment, registry.planning]
    group_members_set(actor=registry.officer, group=group, year=year, members=members)
    group_leadership_set(
        actor=registry.officer,
        group=group,
        year=year,
        leader=registry.board,
        deputy=registry.planning,
    )
    return registry


def _sign_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _search_and_open(page: Page) -> None:
    main_menu(page).get_by_role("link", name="Cá nhân").click()
    expect(page.get_by_role("heading", name="Cá nhân", level=1)).to_be_visible()
    search = page.get_by_label("Tìm theo tên hoặc số CCCD")
    search.press_sequentially("nguyen van anh", delay=30)
    results = page.locator("#people-results")
    expect(results.get_by_role("link", name="Nguyễn Văn Ánh")).to_be_visible()
    expect(results).not_to_contain_text("Trần Minh Đức")
    expect(page).to_have_url(
        re.compile(r"q=nguyen(\+|%20)van(\+|%20)anh")
    )  # pushed by htmx, no reload


def test_officer_searches_people_without_accents_and_opens_one(
    browser, live_server, board, screenshots_dir
):
    """Typing "nguyen van anh" shows Nguyễn Văn Ánh without a reload; his page shows history."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url)
    expect(page.locator("main")).to_contain_text("Khối các Ban Quản lý KCN")
    page.screenshot(path=str(screenshots_dir / "dashboard.png"), full_page=True)

    _search_and_open(page)
    page.screenshot(path=str(screenshots_dir / "people-search.png"), full_page=True)
    page.locator("#people-results").get_by_role("link", name="Nguyễn Văn Ánh").click()
    expect(page.get_by_role("heading", name="Nguyễn Văn Ánh", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Phòng Quản lý Đầu tư")
    expect(page.locator("ol.timeline")).to_contain_text("Thêm cá nhân")
    page.screenshot(path=str(screenshots_dir / "person-detail.png"), full_page=True)
    context.close()


def test_phone_layout_keeps_navigation_usable(browser, live_server, board, screenshots_dir):
    """On a 390×844 phone each nav link fits on screen and works by tap; no sideways scroll."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.wait_for_load_state("networkidle")  # styles and scripts applied before measuring
    nav = main_menu(page)
    links = nav.get_by_role("link")
    assert links.count() >= 5
    for i in range(links.count()):
        link = links.nth(i)
        box = link.bounding_box()
        label = link.inner_text()
        assert box is not None, label
        assert box["x"] >= 0, (label, box)
        assert box["x"] + box["width"] <= PHONE["width"], (label, box)
        assert box["height"] >= 40, (label, box)  # a finger-sized target
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshots_dir / "dashboard-phone.png"), full_page=True)

    _search_and_open(page)
    page.locator("#people-results").get_by_role("link", name="Nguyễn Văn Ánh").tap()
    expect(page.get_by_role("heading", name="Nguyễn Văn Ánh", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshots_dir / "person-detail-phone.png"), full_page=True)

    main_menu(page).get_by_role("link", name="Tổ chức").tap()
    expect(page.get_by_role("heading", name="Tổ chức", level=1)).to_be_visible()
    page.screenshot(path=str(screenshots_dir / "organizations-phone.png"), full_page=True)
    context.close()


def test_filter_by_category_updates_results_and_leaving_the_search_box_does_not_refetch(
    browser, live_server, board
):
    """Picking "Người lao động doanh nghiệp" narrows the list in place; clicking a result right
    after typing opens it (a blur used to fire a second search whose URL push cancelled the click).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/people/")
    results = page.locator("#people-results")
    expect(results).to_contain_text("Nguyễn Văn Ánh")
    page.get_by_label("Đối tượng").select_option(label="Người lao động doanh nghiệp")
    expect(results).to_contain_text("Lê Thị Hoa")
    expect(results).not_to_contain_text("Nguyễn Văn Ánh")
    expect(page).to_have_url(re.compile(r"category="))

    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/people/?" in r.url else None)
    page.get_by_label("Tìm theo tên hoặc số CCCD").press_sequentially("hoa", delay=30)
    expect(page).to_have_url(re.compile(r"q=hoa"))
    sent = len(requests)
    results.get_by_role("link", name="Lê Thị Hoa").click()
    expect(page.get_by_role("heading", name="Lê Thị Hoa", level=1)).to_be_visible()
    assert len(requests) == sent, requests
    context.close()
