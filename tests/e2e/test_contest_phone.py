"""The writing contest on a 390 px phone: a unit head sends an entry from the menu, a juror
scores it, the officer reads the ranking; no page scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tdkt.contests.models import Entry, Score
from tests.builders import PASSWORD
from tests.commendations.pages import giveaways, main_text
from tests.contests.conftest import build_world, start_judging
from tests.e2e.menu import main_menu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _phone(browser, live_server, username: str) -> Page:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    return page


def _fits(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width)
    # The main text only: the header names the signed-in account by its test user name.
    text = main_text(page.content(), skip=("juror",))
    assert giveaways(text) == [], page.url


def test_a_contest_from_entry_to_ranking_on_a_phone(
    browser, live_server, registry, screenshots_dir
):
    w = build_world(registry)
    head = _phone(browser, live_server, "investment_head")
    main_menu(head).get_by_role("link", name="Cuộc thi viết, gương điển hình").tap()
    expect(
        head.get_by_role("heading", name="Cuộc thi viết về gương điển hình tiên tiến")
    ).to_be_visible()
    _fits(head)
    head.get_by_role("link", name=w.contest.name).tap()
    expect(head.get_by_role("heading", name=w.contest.name, level=1)).to_be_visible()
    _fits(head)
    head.get_by_role("button", name="Gửi bài dự thi").tap()
    expect(head.get_by_role("heading", name="Gửi bài dự thi", level=1)).to_be_visible()
    _fits(head)
    head.get_by_label("Tên bài viết").fill("Người giữ lửa ở KCN")
    head.get_by_label("Tên cá nhân hoặc tập thể được viết về").fill("Nguyễn Văn Ánh")
    head.get_by_label("Tác giả").fill("Phạm Hà")
    head.get_by_label("Nội dung bài viết").fill("Anh Ánh luôn đến sớm, về muộn.")
    head.get_by_role("button", name="Gửi bài").tap()
    expect(head.locator(".messages")).to_contain_text("Đã gửi bài dự thi.")
    _fits(head)
    head.screenshot(path=str(screenshots_dir / "contest-entry-phone.png"), full_page=True)
    entry = Entry.objects.get(title="Người giữ lửa ở KCN")
    head.context.close()

    start_judging(w)
    juror = _phone(browser, live_server, "council")
    juror.goto(f"{live_server.url}/contests/entries/{entry.uuid}/")
    _fits(juror)
    juror.get_by_label("Điểm (0–100)").fill("86")
    juror.get_by_role("button", name="Ghi điểm").tap()
    expect(juror.locator(".messages")).to_contain_text("Đã ghi điểm.")
    _fits(juror)
    assert Score.objects.get(entry=entry).points == 86
    juror.context.close()

    officer = _phone(browser, live_server, "officer")
    officer.goto(f"{live_server.url}/contests/{w.contest.uuid}/results/")
    _fits(officer)
    expect(officer.locator("main")).to_contain_text("Người giữ lửa ở KCN")
    officer.screenshot(path=str(screenshots_dir / "contest-results-phone.png"), full_page=True)
    officer.context.close()
