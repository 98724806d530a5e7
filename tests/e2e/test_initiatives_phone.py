"""On a 390 px phone: an author files an application, a member scores it, the chair closes the
session and the officer records the recognition; every page fits the screen."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tdkt.commendations.models import Initiative
from tdkt.initiatives.models import InitiativeApplication, InitiativeCouncil
from tdkt.initiatives.services import application_register, review_save
from tests.builders import PASSWORD
from tests.initiatives.conftest import cast as cast  # the fixture, shared

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _phone(browser, base: str, username: str) -> Page:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    page.goto(f"{base}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    return page


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_file_score_close_and_recognise_on_a_phone(browser, live_server, cast, screenshots_dir):
    base = live_server.url
    author = _phone(browser, base, cast.anh_user.username)
    author.goto(f"{base}/initiatives/")
    author.get_by_role("button", name="Lập đơn yêu cầu công nhận").tap()
    author.get_by_label("Năm").fill("2019")
    author.get_by_label("Tên sáng kiến").fill("Sổ theo dõi dự án dùng chung")
    author.get_by_label("Loại giải pháp").select_option(label="Giải pháp quản lý")
    author.get_by_label("Lĩnh vực áp dụng").fill("Quản lý đầu tư")
    author.get_by_label("Thực trạng, vấn đề cần giải quyết").fill("Sổ ghi tay.")
    author.get_by_label("Nội dung giải pháp").fill("Bảng tính dùng chung.")
    author.get_by_label("Nơi áp dụng").fill("Phòng Quản lý Đầu tư")
    author.get_by_label("Áp dụng lần đầu hoặc áp dụng thử từ ngày").fill("2019-05-02")
    author.get_by_label("Hiệu quả, lợi ích thu được").fill("Báo cáo nhanh hơn.")
    _fits(author)
    author.get_by_role("button", name="Lưu đơn").tap()
    expect(author.locator(".messages")).to_contain_text("Đã lưu đơn.")
    author.get_by_role("button", name="Nộp đơn").tap()
    expect(author.locator(".messages")).to_contain_text("Đã nộp đơn")
    _fits(author)
    author.screenshot(
        path=str(screenshots_dir / "initiative-application-phone.png"), full_page=True
    )

    application = InitiativeApplication.objects.get()
    application = application_register(
        actor=cast.registry.officer, application=application, council=cast.council
    )
    review_save(
        actor=cast.registry.leader,
        application=application,
        points={c.pk: 25 for c in cast.council.criteria.all()},
    )

    member = _phone(browser, base, cast.duc_user.username)
    member.goto(f"{base}/initiatives/")
    member.get_by_role("link", name="Sổ theo dõi dự án dùng chung").first.tap()
    for criterion in cast.council.criteria.all():
        member.get_by_label(criterion.name, exact=False).fill("24")
    member.get_by_role("button", name="Ghi điểm").tap()
    expect(member.locator(".messages")).to_contain_text("Đã ghi điểm của bạn.")
    _fits(member)
    member.screenshot(path=str(screenshots_dir / "initiative-scoring-phone.png"), full_page=True)

    chair = _phone(browser, base, cast.registry.council.username)
    chair.goto(f"{base}/initiatives/councils/{cast.council.uuid}/")
    chair.get_by_role("button", name="Kết thúc phiên xét").tap()
    expect(chair.locator(".messages")).to_contain_text("Đã kết thúc phiên xét")
    _fits(chair)
    # The story is the 2019 session: date its closing in 2019 so that the 2019 decision below
    # does not precede it (a decision may not come before the review it records).
    InitiativeCouncil.objects.filter(pk=cast.council.pk).update(
        closed_at=timezone.make_aware(datetime.combine(date(2019, 11, 15), time(17, 0)))
    )

    officer = _phone(browser, base, cast.registry.officer.username)
    officer.goto(f"{base}/initiatives/councils/{cast.council.uuid}/")
    officer.get_by_label("Số quyết định công nhận").fill("30/QĐ-BQL")
    officer.get_by_label("Ngày quyết định").fill("2019-12-02")
    officer.get_by_label("Người ký").fill("Trưởng ban")
    officer.get_by_role("button", name="Ghi quyết định").tap()
    expect(officer.locator(".messages")).to_contain_text("Đã ghi quyết định")
    _fits(officer)
    officer.screenshot(path=str(screenshots_dir / "initiative-council-phone.png"), full_page=True)
    assert Initiative.objects.get().decision_number == "30/QĐ-BQL"
