"""The emulation officer edits a zone in place in the list (htmx) and adds a block."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tdkt.organizations.models import EmulationGroup, IndustrialZone
from tests.builders import PASSWORD
from tests.e2e.menu import main_menu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _nav(page: Page, name: str) -> None:
    main_menu(page).get_by_role("link", name=name).click()


def test_officer_edits_a_zone_status_in_place_then_adds_a_block(
    browser, live_server, registry, screenshots_dir
):
    """ "Sửa" turns the row into inputs; a zero area is refused in the row; "Quy hoạch" is
    saved and the row reads it back without a page load; then a new block gets its own page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url)
    _nav(page, "Khu công nghiệp")
    expect(page.get_by_role("heading", name="Khu công nghiệp, khu chế xuất")).to_be_visible()
    # htmx binds hx-get on DOMContentLoaded; a click before that would follow the plain link.
    page.wait_for_load_state("domcontentloaded")
    page.evaluate("window.tdktSamePage = true")  # a full page load would drop this

    row = page.locator(f"#zone-{registry.zone.uuid}")
    expect(row).to_contain_text("Đang hoạt động")
    row.get_by_role("button", name="Sửa KCN Thăng Long").click()
    status = row.get_by_label("Trạng thái")
    expect(status).to_be_visible()
    expect(row.get_by_label("Tên")).to_be_focused()

    row.get_by_label("Diện tích (ha)").fill("0")
    row.get_by_role("button", name="Lưu").click()
    expect(row).to_contain_text("Diện tích phải lớn hơn 0.")
    area = row.get_by_label("Diện tích (ha)")
    expect(area).to_have_attribute("aria-invalid", "true")
    expect(area).to_be_focused()  # the swap has settled: the cursor is on the wrong value

    area.fill("274")
    row.get_by_label("Trạng thái").select_option(label="Quy hoạch")
    page.screenshot(path=str(screenshots_dir / "zones-inline-edit.png"), full_page=True)
    row.get_by_role("button", name="Lưu").click()
    expect(row.get_by_role("status")).to_have_text("Đã lưu")
    expect(row).to_contain_text("Quy hoạch")
    expect(row).to_contain_text("274")
    expect(row.get_by_label("Trạng thái")).to_have_count(0)
    expect(row.get_by_role("button", name="Sửa KCN Thăng Long")).to_be_focused()
    assert page.evaluate("window.tdktSamePage") is True
    assert page.url == f"{live_server.url}/zones/"
    zone = IndustrialZone.objects.get(pk=registry.zone.pk)
    assert (zone.status, str(zone.area_ha)) == ("planned", "274.00")

    _nav(page, "Khối, cụm thi đua")
    page.get_by_role("button", name="Thêm khối, cụm thi đua").click()
    expect(page.get_by_role("heading", name="Thêm khối, cụm thi đua", level=1)).to_be_visible()
    page.get_by_label("Tên").fill("Khối thi đua các phòng chuyên môn")
    page.get_by_label("Loại").select_option(label="Khối thi đua")
    page.get_by_label("Cơ quan tổ chức").fill("Ban Quản lý các KCN và CX Hà Nội")
    page.get_by_role("button", name="Lưu").click()
    expect(
        page.get_by_role("heading", name="Khối thi đua các phòng chuyên môn", level=1)
    ).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Đã thêm Khối thi đua các phòng chuyên môn.")
    expect(page.locator("ol.timeline")).to_contain_text("Thêm khối/cụm thi đua")
    group = EmulationGroup.objects.get(name="Khối thi đua các phòng chuyên môn")
    assert (group.kind, group.organizer) == ("block", "Ban Quản lý các KCN và CX Hà Nội")
    context.close()
