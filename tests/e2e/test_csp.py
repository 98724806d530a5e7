"""Pages work under the strict Content-Security-Policy: nothing is blocked, nothing breaks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.builders import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Recorded in the page before any of its scripts run, so early violations are caught too.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def _violations(page: Page) -> list[str]:
    return page.evaluate("window.cspViolations")


def _sign_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def test_pages_and_htmx_run_without_csp_violations(browser, live_server, registry):
    """Dashboard, people search (htmx), zones, the rules and indicator pages load with no
    blocked content; choosing another rule set still reloads the list (its handler moved out
    of the HTML)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    _sign_in(page, live_server.url)
    assert _violations(page) == []

    page.goto(f"{live_server.url}/people/")
    page.wait_for_load_state("domcontentloaded")
    with page.expect_response(lambda r: "/people/?" in r.url and "q=nguyen" in r.url):
        page.locator("#id_q").fill("nguyen")  # htmx sends the search as the user types
    assert _violations(page) == []

    for path in (
        "/zones/",
        "/rules/evaluate/",
        "/groups/",
        "/organizations/",
        "/indicators/",
        "/indicators/procedures/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert _violations(page) == [], path

    page.goto(f"{live_server.url}/rules/")
    picker = page.get_by_label("Bộ quy tắc")
    other = picker.locator("option:not([selected])").first.get_attribute("value")
    with page.expect_navigation():
        picker.select_option(other)
    assert f"rule_set={other}" in page.url
    assert _violations(page) == []
    context.close()


def test_api_docs_render_offline_under_the_csp(browser, live_server, registry):
    """Swagger UI draws the operations from the app's own files with nothing blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    # Anything not served by the live server fails, as on a network without internet.
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.get_by_text("/api/v1/people/", exact=True).first).to_be_visible()
    assert _violations(page) == []
    context.close()
