"""On a 390 px phone: an enterprise answers the satisfaction survey (a missing rating is
pointed out, nothing is half-written), then a leader reads the results without names; every
page fits the screen and reads as Vietnamese."""

from __future__ import annotations

import pytest
from django.test import override_settings
from playwright.sync_api import Page, expect

from tdkt.surveys.models import Response
from tests.builders import PASSWORD
from tests.e2e.test_csp import RECORD_VIOLATIONS
from tests.giveaways import find_giveaways
from tests.surveys.conftest import build_survey

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


def _check(page: Page, username: str) -> None:
    """The page fits the phone and reads as Vietnamese (the test login's own name aside)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert [g for g in find_giveaways(page.content()) if g.found != username] == []


# One enterprise answers here: the leader reads its comment only when a single answer is
# enough to publish (the default withholds fewer than three, decision 0815).
@override_settings(TDKT_SURVEY_MIN_ZONE_ANSWERS=1)
def test_enterprise_answers_and_leader_reads_results_on_a_phone(
    browser, live_server, registry, screenshots_dir
):
    sw = build_survey(registry)
    base = live_server.url
    page = _phone(browser)
    _sign_in(page, base, registry.enterprise_rep.username)
    page.get_by_role("link", name="Khảo sát mức độ hài lòng chờ doanh nghiệp trả lời").click()
    page.get_by_role("button", name="Trả lời khảo sát").click()
    _check(page, registry.enterprise_rep.username)
    page.get_by_label("4. Hài lòng").first.check()
    page.get_by_role("group", name="2. Hồ sơ được giải quyết đúng hạn").get_by_label(
        "5. Rất hài lòng"
    ).check()
    page.get_by_label("4. Góp ý khác").fill("Mong có thêm lớp tập huấn.")
    page.get_by_role("button", name="Gửi phiếu khảo sát").click()
    expect(page.get_by_text("Hãy chọn một mức từ 1 đến 5 cho câu hỏi này.").first).to_be_visible()
    assert not Response.objects.exists()
    page.get_by_role("group", name="3. Cán bộ hỗ trợ nhiệt tình").get_by_label(
        "3. Bình thường"
    ).check()
    page.get_by_role("button", name="Gửi phiếu khảo sát").click()
    expect(page.get_by_text("Đã ghi phiếu trả lời.")).to_be_visible()
    _check(page, registry.enterprise_rep.username)
    page.screenshot(path=str(screenshots_dir / "survey-answer-phone.png"), full_page=True)
    assert Response.objects.get().enterprise == registry.enterprise

    leader = _phone(browser)
    leader.add_init_script(RECORD_VIOLATIONS)
    _sign_in(leader, base, registry.leader.username)
    leader.goto(f"{base}/surveys/{sw.survey.uuid}/results/")
    expect(leader.get_by_role("heading", name="Kết quả khảo sát")).to_be_visible()
    expect(leader.get_by_text("Mong có thêm lớp tập huấn.")).to_be_visible()
    assert "Công ty TNHH Điện tử Sao Mai" not in leader.content()
    # The chart is drawn by the project's own Chart.js under the strict CSP.
    leader.wait_for_load_state("networkidle")
    assert leader.evaluate("typeof window.Chart") == "function"
    assert leader.evaluate("window.cspViolations") == []
    _check(leader, registry.leader.username)
    leader.screenshot(path=str(screenshots_dir / "survey-results-phone.png"), full_page=True)
