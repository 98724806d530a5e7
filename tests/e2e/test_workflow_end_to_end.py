"""The commendation workflow end to end on the demo data (issue #9, "Done when").

On a freshly seeded demo, the 2025 round goes from the investment department's draft to a
signed decision and its certificates, each step by the demo login of the person who would
take it: the unit head adds the dossier and submits on a phone; the emulation officer
appraises and sends the list to the council; the officer plans the session and the secretary
records attendance (set-up through the services, as on any meeting day); the chair opens
voting on a phone; several members vote on their phones and the chair closes; the officer
publishes and drafts the decision; the leader signs on a phone and downloads the
certificates, then prints the 24 certificates of the demo's 2019 decision through a
background job and downloads them from the job's page. Every page the phone shows fits
390 px. Screenshots go to docs/screenshots/ with ``make screenshots``.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from tdkt.accounts.models import User
from tdkt.audit.services import verify
from tdkt.commendations.constants import DecisionState, ProposalState
from tdkt.commendations.models import Council, Decision, Proposal
from tdkt.commendations.services.ballots import ballot_cast, session_attendance_set
from tdkt.commendations.services.council_sessions import session_create
from tdkt.demo import DEMO_PASSWORD
from tdkt.demo.commendations import ROUND_NAME
from tests.commendations.conftest import PDF

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
UNIT = "Phòng Quản lý Đầu tư"
# Members who vote in the browser; the others vote through the same service.
PHONE_VOTERS = ("hoidong", "hoidong.yen", "hoidong.ngan")


def _phone(browser: Browser) -> BrowserContext:
    return browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )


def _sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width)


def _badge(page: Page, text: str) -> None:
    expect(page.locator(".page-head .badge")).to_have_text(text)


def test_a_round_goes_from_a_units_proposal_to_signed_certificates(
    browser, live_server, screenshots_dir, tmp_path
):
    call_command("seed_demo", stdout=StringIO())
    base = live_server.url
    proposal = Proposal.objects.get(round__name=ROUND_NAME, organization__name=UNIT)
    shot = screenshots_dir

    # 1. The unit head finishes the draft on a phone: the dossier, then "Gửi đề nghị".
    context = _phone(browser)
    page = context.new_page()
    _sign_in(page, base, "truongphong.dautu")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Đề nghị"
    ).tap()
    page.locator("tr", has_text=ROUND_NAME).get_by_role("link", name=UNIT).tap()
    _badge(page, "Đang soạn")
    report = tmp_path / "bao-cao-thanh-tich-2025.pdf"
    report.write_bytes(PDF)
    page.get_by_label("Loại tài liệu").select_option(label="Báo cáo thành tích")
    page.get_by_label("Tệp").set_input_files(str(report))
    page.get_by_role("button", name="Tải tài liệu lên").tap()
    expect(page.get_by_role("link", name="bao-cao-thanh-tich-2025.pdf")).to_be_visible()
    page.get_by_role("button", name="Gửi đề nghị").tap()
    _badge(page, "Đã gửi")
    _fits(page)
    page.screenshot(path=str(shot / "workflow-1-submitted-phone.png"), full_page=True)
    context.close()

    # 2. The officer appraises every line and sends the proposal to the council.
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, base, "canbo.tdkt")
    page.goto(f"{base}/proposals/{proposal.uuid}/")
    page.get_by_role("button", name="Bắt đầu thẩm định").click()
    _badge(page, "Đang thẩm định")
    for select in page.get_by_label("Kết quả").all():
        select.select_option(label="Đủ điều kiện")
    page.get_by_role("button", name="Lưu kết quả thẩm định").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu kết quả thẩm định")
    page.get_by_role("button", name="Trình Hội đồng").click()
    _badge(page, "Trình Hội đồng")
    page.screenshot(path=str(shot / "workflow-2-appraised.png"), full_page=True)
    context.close()

    # 3. Meeting day: the officer plans the session (the department's lines are the ones
    # ready), the secretary records everyone present; the chair opens voting on a phone.
    officer = User.objects.get(username="canbo.tdkt")
    council = Council.objects.get(year=2025)
    session = session_create(
        actor=officer,
        council=council,
        round=proposal.round,
        title="Họp xét đề nghị của Phòng Quản lý Đầu tư",
        starts_at=timezone.now(),
        place="Phòng họp tầng 3",
    )
    members = list(council.members.select_related("user"))
    session_attendance_set(actor=officer, session=session, present=members)
    lines = proposal.lines.count()
    assert session.items.count() == lines
    chair = _phone(browser)
    page = chair.new_page()
    _sign_in(page, base, "lanhdao")
    page.goto(f"{base}/council/sessions/{session.uuid}/")
    _fits(page)
    page.get_by_role("button", name="Bắt đầu bỏ phiếu").tap()
    expect(page.locator("main")).to_contain_text(f"Đã nhận 0/{len(members)} phiếu.")

    # 4. Members vote on their phones: agree on every line, one disagrees on the first.
    for index, username in enumerate(PHONE_VOTERS):
        context = _phone(browser)
        voter = context.new_page()
        _sign_in(voter, base, username)
        voter.goto(f"{base}/council/sessions/{session.uuid}/")
        voter.get_by_role("button", name="Bỏ phiếu").tap()
        expect(voter.get_by_role("heading", name="Phiếu bầu", level=1)).to_be_visible()
        ballot = voter.locator("form.ballot ol.lines > li")
        expect(ballot).to_have_count(lines)
        for i in range(lines):
            choice = "Không đồng ý" if (index, i) == (0, 0) else "Đồng ý"
            ballot.nth(i).locator("label", has_text=choice).first.tap()
        _fits(voter)
        if index == 0:
            voter.screenshot(path=str(shot / "workflow-3-ballot-phone.png"), full_page=True)
        voter.get_by_role("button", name="Gửi phiếu").tap()
        expect(voter.locator(".messages")).to_contain_text("Đã ghi nhận phiếu bầu của bạn.")
        context.close()
    items = list(session.items.values_list("pk", flat=True))
    for member in members:
        if member.user.username not in PHONE_VOTERS:
            ballot_cast(actor=member.user, session=session, choices=dict.fromkeys(items, True))

    # 5. The chair closes: the results appear, every line passes, the proposal is voted.
    page.reload()
    expect(page.locator("main")).to_contain_text(f"Đã nhận {len(members)}/{len(members)} phiếu.")
    page.get_by_role("button", name="Kết thúc bỏ phiếu").tap()
    expect(page.get_by_role("heading", name="Kết quả biểu quyết")).to_be_visible()
    results = page.locator("ol.lines > li")
    expect(results.nth(0)).to_contain_text(f"Đồng ý: {len(members) - 1}")
    expect(results.locator(".outcome-pass")).to_have_count(lines)
    _fits(page)
    page.screenshot(path=str(shot / "workflow-4-results-phone.png"), full_page=True)
    chair.close()
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.VOTED

    # 6. The officer publishes the list (the notice ran on paper until yesterday) and drafts.
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, base, "canbo.tdkt")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    nav.get_by_role("link", name="Quyết định khen thưởng").click()
    page.get_by_role("button", name="Công khai danh sách").click()
    page.get_by_role("link", name="Công khai danh sách đã được Hội đồng bỏ phiếu").click()
    today = timezone.localdate()
    page.get_by_label("Công khai từ ngày").fill((today - timedelta(days=20)).isoformat())
    page.get_by_label("Đến hết ngày").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Công khai").click()
    expect(page.get_by_role("status")).to_contain_text("Đã công khai danh sách.")
    nav.get_by_role("link", name="Quyết định khen thưởng").click()
    page.get_by_role("link", name=ROUND_NAME).click()
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.get_by_role("heading", name="Dự thảo quyết định", level=1)).to_be_visible()
    expect(page.locator("table.decision-lines").first).to_contain_text(UNIT)
    page.screenshot(path=str(shot / "workflow-5-draft.png"), full_page=True)
    context.close()
    decision = Decision.objects.get(state=DecisionState.DRAFT)

    # 7. The leader signs on a phone and downloads the certificates.
    context = _phone(browser)
    page = context.new_page()
    _sign_in(page, base, "lanhdao")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Quyết định khen thưởng"
    ).tap()
    page.get_by_role("link", name="Dự thảo").first.tap()
    sign_box = page.locator("article.sign-box")
    sign_box.get_by_label("Trưởng ban", exact=True).check()
    sign_box.get_by_role("button", name="Ký quyết định").tap()
    expect(page.get_by_role("status")).to_contain_text(
        re.compile(r"Đã ký quyết định số \d+/QĐ-BQL\.")
    )
    decision.refresh_from_db()
    assert decision.state == DecisionState.SIGNED and decision.signer.username == "lanhdao"
    _fits(page)
    page.screenshot(path=str(shot / "workflow-6-signed-phone.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="In giấy khen (PDF)").tap()
    pdf = PdfReader(download.value.path())
    assert len(pdf.pages) == lines
    text = " ".join(p.extract_text() for p in pdf.pages)
    for line in proposal.lines.select_related("person", "organization"):
        assert str(line.person or line.organization) in text

    # 8. The 2019 decision has 24 lines, past the inline size: a job prints its certificates
    # and the leader follows it and downloads the batch from the job's page.
    page.goto(f"{base}/decisions/?year=2020")
    page.get_by_role("link", name="125/QĐ-BQL").tap()
    page.get_by_role("button", name="In giấy khen (chạy nền)").tap()
    progress = page.locator(".job-progress")
    # The test settings run the task as the request commits: allow for a busy machine.
    expect(progress).to_contain_text("Đã in 24 giấy khen.", timeout=90_000)
    expect(progress).to_contain_text("Đã xong")
    _fits(page)
    page.screenshot(path=str(shot / "workflow-7-job-phone.png"), full_page=True)
    with page.expect_download() as batch:
        page.get_by_role("button", name="Tải tệp kết quả").tap()
    assert batch.value.suggested_filename == "giay-khen-125-2020.pdf"
    assert len(PdfReader(batch.value.path()).pages) == 24
    context.close()

    proposal.refresh_from_db()
    assert proposal.state == ProposalState.DECIDED
    assert [t.to_state for t in proposal.transitions.order_by("id")] == [
        ProposalState.SUBMITTED,
        ProposalState.UNDER_APPRAISAL,
        ProposalState.AT_COUNCIL,
        ProposalState.VOTED,
        ProposalState.PUBLISHED,
        ProposalState.DECIDED,
    ]
    assert verify().ok
