"""On a 390 px phone: a member scores itself, the block's leader reviews and publishes the
ranking with its explanation, then the members elect next year's leader."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tdkt.emulation_groups.models import Score
from tdkt.emulation_groups.services import score_self_assess
from tdkt.organizations.models import GroupLeadership
from tests.builders import PASSWORD
from tests.emulation_groups.conftest import YEAR, build_block, build_scale

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _phone(browser) -> Page:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    return context.new_page()


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_score_rank_and_elect_a_block_on_a_phone(browser, live_server, registry, screenshots_dir):
    score_rank_and_elect(browser, live_server.url, registry, screenshots_dir)


def score_rank_and_elect(browser, base: str, registry, screenshots_dir) -> None:
    """Two members have scored; the third scores on its phone, the leader reviews and
    publishes the ranking, then the members elect next year's leader."""
    block = build_block(registry)
    scale = build_scale(block)
    for rep, org, work, investment in (
        (block.board_rep, block.board, "44", "30"),
        (block.bac_ninh_rep, block.bac_ninh, "42", "28"),
    ):
        score_self_assess(actor=rep, criterion=scale.work, organization=org, points=work)
        score_self_assess(
            actor=rep, criterion=scale.investment, organization=org, points=investment
        )

    # Hải Phòng's representative scores its own unit.
    member = _phone(browser)
    _sign_in(member, base, block.hai_phong_rep.username)
    member.goto(f"{base}/pledges/{scale.pledge.uuid}/")
    member.get_by_role("button", name="Tự chấm điểm").tap()
    expect(member.get_by_role("heading", name=block.hai_phong.name, level=1)).to_be_visible()
    for text, points in (("Hoàn thành nhiệm vụ chuyên môn", "48"), ("Thu hút đầu tư", "26")):
        card = member.locator("article", has_text=text)
        card.get_by_label("Điểm tự chấm").fill(points)
        card.get_by_role("button", name="Lưu điểm tự chấm").tap()
        expect(member.locator(".messages")).to_contain_text("Đã lưu điểm tự chấm.")
    _fits(member)
    member.screenshot(path=str(screenshots_dir / "block-self-assessment-phone.png"), full_page=True)

    # Bắc Ninh, leading member in 2019, lowers one score with a reason and publishes.
    leader = _phone(browser)
    _sign_in(leader, base, block.bac_ninh_rep.username)
    leader.goto(f"{base}/pledges/{scale.pledge.uuid}/members/{block.hai_phong.uuid}/")
    card = leader.locator("article", has_text="Hoàn thành nhiệm vụ chuyên môn")
    card.get_by_label("Điểm thẩm định").fill("43")
    card.get_by_label("Lý do điều chỉnh").fill("Hai chỉ tiêu chưa có minh chứng")
    card.get_by_role("button", name="Lưu điểm thẩm định").tap()
    expect(leader.locator(".messages")).to_contain_text("Đã lưu điểm thẩm định.")
    assert Score.objects.get(criterion=scale.work, organization=block.hai_phong).points == 43
    leader.goto(f"{base}/pledges/{scale.pledge.uuid}/")
    leader.get_by_role("button", name="Công bố kết quả xếp hạng").tap()
    expect(leader.locator(".messages")).to_contain_text("Đã công bố kết quả xếp hạng.")
    ranking = leader.locator("ol.ranking > li")
    expect(ranking).to_have_count(3)
    # Board 2×44+30 = 118; Hải Phòng 2×43+26 = 112; Bắc Ninh 2×42+28 = 112: equal totals,
    # the first declared rule (points on "Thu hút đầu tư") puts Bắc Ninh above Hải Phòng.
    expect(ranking.nth(0)).to_contain_text(block.board.name)
    expect(ranking.nth(1)).to_contain_text(block.bac_ninh.name)
    expect(ranking.nth(1)).to_contain_text("quy tắc phụ 1")
    expect(ranking.nth(1)).to_contain_text("28,00 so với 26,00")
    _fits(leader)
    leader.screenshot(path=str(screenshots_dir / "block-ranking-phone.png"), full_page=True)

    # The outgoing leader opens the election for next year; two of three members vote.
    leader.goto(f"{base}/groups/{block.group.uuid}/emulation/")
    leader.get_by_text("Mở bầu khối trưởng, khối phó").tap()
    leader.get_by_label("Bầu cho năm").fill(str(YEAR + 1))
    leader.get_by_role("button", name="Mở bỏ phiếu").tap()
    expect(leader.get_by_role("heading", level=1)).to_contain_text(f"năm {YEAR + 1}")
    election_url = leader.url
    for page in (leader, member):
        page.goto(election_url)
        page.get_by_label("Khối trưởng").select_option(label=block.bac_ninh.name)
        page.get_by_label("Khối phó").select_option(label=block.board.name)
        page.get_by_role("button", name="Bỏ phiếu").tap()
        expect(page.locator(".messages")).to_contain_text("Đã ghi nhận phiếu bầu của đơn vị.")
    expect(member.locator("main")).to_contain_text("Đơn vị bạn đã bỏ phiếu.")
    leader.reload()
    leader.get_by_role("button", name="Kết thúc và ghi nhận kết quả").tap()
    expect(leader.locator(".messages")).to_contain_text("Đã kết thúc bầu")
    _fits(leader)
    leader.screenshot(path=str(screenshots_dir / "block-election-phone.png"), full_page=True)
    leadership = GroupLeadership.objects.get(group=block.group, year=YEAR + 1)
    assert (leadership.leader, leadership.deputy) == (block.bac_ninh, block.board)

    leader.goto(f"{base}/groups/{block.group.uuid}/emulation/")
    expect(leader.locator("main")).to_contain_text("Do thành viên bầu ngày")
    expect(leader.locator("main")).to_contain_text("Ghi nhận không qua bầu chọn trong hệ thống")
    _fits(leader)
    leader.screenshot(path=str(screenshots_dir / "block-rotation-phone.png"), full_page=True)
