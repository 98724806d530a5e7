"""A unit head proposes from the eligibility list on a phone; the officer appraises it.

The unit head works on a 390 px screen: opens the round, ticks two candidates, adds them to
the draft, attaches the achievement report, submits. The officer starts the appraisal,
records "đủ điều kiện" for each line and sends the proposal to the council. Each page fits
the phone's width (no sideways scrolling of the page).
"""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tdkt.commendations.constants import ProposalState, RoundKind
from tdkt.commendations.models import Proposal
from tdkt.commendations.services import round_create
from tests.builders import PASSWORD
from tests.commendations.conftest import PDF, give_history, give_initiative
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


def test_unit_head_proposes_on_a_phone_and_the_officer_appraises(
    browser, live_server, registry, screenshots_dir, tmp_path
):
    give_history(registry, registry.anh)
    give_initiative(registry, registry.anh)
    round_ = round_create(
        actor=registry.officer,
        name="Khen thưởng tổng kết năm 2019",
        kind=RoundKind.YEAR_END,
        year=2019,
        accepted_codes=["advanced_worker", "grassroots_emulation_fighter", "advanced_collective"],
        unit_deadline=date(2019, 12, 10),
    )
    phone = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1)
    page = phone.new_page()
    _sign_in(page, live_server.url, "investment_head")
    main_menu(page).get_by_role("link", name="Đợt xét").click()
    page.get_by_role("link", name=round_.name).click()
    _fits(page)
    page.get_by_role("button", name="Xét điều kiện và lập đề nghị").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Phòng Quản lý Đầu tư")
    anh = page.locator("li.subject", has_text="Nguyễn Văn Ánh")
    expect(anh.locator("li.verdict.ok", has_text="Chiến sĩ thi đua cơ sở")).to_be_visible()
    anh.locator("li.verdict", has_text="Lao động tiên tiến").get_by_role("checkbox").check()
    anh.locator("li.verdict", has_text="Chiến sĩ thi đua cơ sở").get_by_role("checkbox").check()
    reasons = anh.locator("li.verdict", has_text="Chiến sĩ thi đua cơ sở").locator("details")
    reasons.locator("summary").click()
    expect(reasons).to_contain_text("NĐ 91/2017")
    _fits(page)
    page.screenshot(path=str(screenshots_dir / "eligibility-phone.png"))
    page.get_by_role("button", name="Đưa những dòng đã chọn vào đề nghị").click()

    expect(page.get_by_role("status")).to_contain_text("Đã thêm 2 dòng")
    expect(page.locator("table.lines")).to_contain_text("Chiến sĩ thi đua cơ sở")
    report = tmp_path / "bao-cao-thanh-tich.pdf"
    report.write_bytes(PDF)
    page.get_by_label("Loại tài liệu").select_option(label="Báo cáo thành tích")
    page.get_by_label("Tệp").set_input_files(str(report))
    page.get_by_role("button", name="Tải tài liệu lên").click()
    expect(page.get_by_role("link", name="bao-cao-thanh-tich.pdf")).to_be_visible()
    _fits(page)
    page.get_by_role("button", name="Gửi đề nghị").click()
    expect(page.locator(".page-head .badge")).to_have_text("Đã gửi")
    page.screenshot(path=str(screenshots_dir / "proposal-phone.png"), full_page=True)
    phone.close()

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = desk.new_page()
    _sign_in(page, live_server.url, "officer")
    proposal = Proposal.objects.get()
    page.goto(f"{live_server.url}/proposals/{proposal.uuid}/")
    page.get_by_role("button", name="Bắt đầu thẩm định").click()
    expect(page.locator(".page-head .badge")).to_have_text("Đang thẩm định")
    for select in page.get_by_label("Kết quả").all():
        select.select_option(label="Đủ điều kiện")
    page.screenshot(path=str(screenshots_dir / "appraisal.png"), full_page=True)
    page.get_by_role("button", name="Lưu kết quả thẩm định").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu kết quả thẩm định")
    page.get_by_role("button", name="Trình Hội đồng").click()
    expect(page.locator(".page-head .badge")).to_have_text("Trình Hội đồng")
    steps = page.locator("article", has_text="Các bước xử lý").locator("ol.timeline > li")
    expect(steps).to_have_count(3)
    desk.close()
    assert Proposal.objects.get().state == ProposalState.AT_COUNCIL
