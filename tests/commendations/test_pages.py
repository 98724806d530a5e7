"""The workflow's pages: what each role sees, the actions offered, and what a click does."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from openpyxl import load_workbook

from tdkt.commendations.constants import AppraisalVerdict, ProposalState
from tdkt.commendations.models import Proposal, ProposalAttachment, Round
from tdkt.commendations.services import (
    AwardEntry,
    awards_record,
    proposal_move,
)
from tests.commendations.conftest import PDF, give_history, give_initiative
from tests.documents.helpers import xlsx

pytestmark = pytest.mark.django_db
S = ProposalState


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_officers_get_the_round_actions_and_units_get_their_own(registry, round_2019):
    """Officers may open, edit and close rounds and draw up letters; a unit head is offered
    the eligibility list of their unit; a viewer is offered nothing to do."""
    officer = _text(_client(registry.officer).get(f"/rounds/{round_2019.uuid}/"))
    assert "Đóng đợt xét" in officer and "Lập tờ trình đề nghị Thành phố" in officer
    assert "Mở đợt xét" in _text(_client(registry.officer).get("/rounds/"))
    head = _text(_client(registry.investment_head).get(f"/rounds/{round_2019.uuid}/"))
    assert "Xét điều kiện và lập đề nghị" in head
    assert "Đóng đợt xét" not in head and "Lập tờ trình" not in head
    viewer = _text(_client(registry.viewer).get(f"/rounds/{round_2019.uuid}/"))
    assert "Xét điều kiện và lập đề nghị" not in viewer and "Sửa" not in viewer
    assert "Mở đợt xét" not in _text(_client(registry.viewer).get("/rounds/"))
    assert _client(registry.investment_head).get("/rounds/new/").status_code == 403


def test_an_officer_opens_a_round_from_the_form(registry):
    """The form posts to the service; the new round's page shows the deadline in days."""
    response = _client(registry.officer).post(
        "/rounds/new/",
        {
            "name": "Khen thưởng đột xuất",
            "kind": "ad_hoc",
            "year": 2026,
            "accepted_codes": ["certificate_of_merit"],
            "unit_deadline": "2026-12-31",
        },
        follow=True,
    )
    assert response.status_code == 200
    page = _text(response)
    assert "Đã mở đợt xét" in page and "31/12/2026" in page and "ngày làm việc" in page
    assert Round.objects.get().kind == "ad_hoc"


def test_eligibility_shows_verdicts_with_reasons_and_citations(registry, round_2019):
    """Ánh (excellent 2017–2019, LĐTT 2017–2018, an initiative in 2019) is eligible for LĐTT
    and CSTĐCS; each condition is explained with its article."""
    give_history(registry, registry.anh)
    give_initiative(registry, registry.anh)
    page = _text(_client(registry.investment_head).get(f"/rounds/{round_2019.uuid}/eligibility/"))
    assert (
        "Nguyễn Văn Ánh" in page
        and "bộ quy tắc Luật TĐKT 2003 (sửa đổi 2013) + Nghị định 91/2017/NĐ-CP" in page
    )
    assert "Lao động tiên tiến: <strong>1</strong> đủ điều kiện" in page
    assert "Hoàn thành xuất sắc nhiệm vụ năm 2019" in page
    assert "NĐ 91/2017" in page
    assert 'name="pick"' in page


def test_ticking_candidates_adds_them_to_the_units_draft(registry, round_2019):
    """Two ticks and one click: the draft exists with both lines."""
    response = _client(registry.investment_head).post(
        f"/rounds/{round_2019.uuid}/eligibility/",
        {
            "unit": str(registry.investment.uuid),
            "pick": [
                f"{registry.anh.uuid}:advanced_worker",
                f"{registry.investment.uuid}:advanced_collective",
            ],
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response.url == f"/proposals/{proposal.uuid}/"
    assert sorted(proposal.lines.values_list("code", flat=True)) == [
        "advanced_collective",
        "advanced_worker",
    ]


def test_a_viewer_posting_picks_is_refused_before_anything_is_read(registry, round_2019):
    """403 for a read-only user, whatever was sent; no proposal is created."""
    response = _client(registry.viewer).post(
        f"/rounds/{round_2019.uuid}/eligibility/",
        {"unit": str(registry.investment.uuid), "pick": ["garbage"]},
    )
    assert response.status_code == 403
    assert not Proposal.objects.exists()
    page = _text(_client(registry.viewer).get(f"/rounds/{round_2019.uuid}/eligibility/"))
    assert 'name="pick"' not in page


def test_the_proposal_page_offers_each_role_its_own_steps(registry, proposal):
    """The head may submit and edit a draft; the viewer sees the list only; once submitted
    the officer may start the appraisal or return it, and the head may recall it."""
    url = f"/proposals/{proposal.uuid}/"
    head = _text(_client(registry.investment_head).get(url))
    assert "Gửi đề nghị" in head and "Tải tài liệu lên" in head and "Bỏ" in head
    viewer = _text(_client(registry.viewer).get(url))
    assert "Gửi đề nghị" not in viewer and "Tải tài liệu lên" not in viewer
    assert "Nguyễn Văn Ánh" in viewer
    proposal_move(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    officer = _text(_client(registry.officer).get(url))
    assert "Bắt đầu thẩm định" in officer and "Trả lại đơn vị" in officer
    assert "Gửi đề nghị" not in officer
    head = _text(_client(registry.investment_head).get(url))
    assert "Rút lại để sửa" in head and "Tải tài liệu lên" not in head
    assert "Nháp → Đã gửi" not in head and "Đang soạn → Đã gửi" in head


def test_a_step_taken_from_a_stale_page_says_what_happened(registry, proposal):
    """The head submits from an old page after someone changed the draft: a clear message,
    and the proposal stays a draft."""
    stale = proposal.version
    from tdkt.commendations.services import proposal_update

    proposal_update(actor=registry.officer, proposal=proposal, note="Bổ sung")
    response = _client(registry.investment_head).post(
        f"/proposals/{proposal.uuid}/move/",
        {"to_state": S.SUBMITTED, "version": stale},
        follow=True,
    )
    assert "vừa được người khác thay đổi" in _text(response)
    proposal.refresh_from_db()
    assert proposal.state == S.DRAFT


def test_uploading_files_from_the_page(registry, proposal):
    """A PDF is accepted; an executable named .pdf is refused on the form (400)."""
    client = _client(registry.investment_head)
    url = f"/proposals/{proposal.uuid}/attachments/"
    good_file = io.BytesIO(PDF)
    good_file.name = "tờ trình.pdf"
    good = client.post(
        url, {"kind": "proposal_letter", "file": good_file, "version": proposal.version}
    )
    assert good.status_code == 302
    bad_file = io.BytesIO(b"MZ\x90\x00bad")
    bad_file.name = "virus.pdf"
    bad = client.post(url, {"kind": "other", "file": bad_file})
    assert bad.status_code == 400 and "Chỉ nhận tệp PDF" in _text(bad)
    assert ProposalAttachment.objects.count() == 1


def test_the_officer_appraises_from_the_page(registry, proposal):
    """Each line gets a verdict and, when ineligible, a coded reason."""
    proposal_move(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    proposal_move(actor=registry.officer, proposal=proposal, to_state=S.UNDER_APPRAISAL)
    proposal.refresh_from_db()
    line = proposal.lines.get()
    client = _client(registry.officer)
    page = _text(client.get(f"/proposals/{proposal.uuid}/"))
    assert "Lưu kết quả thẩm định" in page and "Chưa đạt tiêu chuẩn" in page
    missing_reason = client.post(
        f"/proposals/{proposal.uuid}/appraise/",
        {f"verdict_{line.pk}": "ineligible", "version": proposal.version},
    )
    assert missing_reason.status_code == 400 and "Cần chọn lý do" in _text(missing_reason)
    client.post(
        f"/proposals/{proposal.uuid}/appraise/",
        {f"verdict_{line.pk}": "eligible", "version": proposal.version},
    )
    line.refresh_from_db()
    assert line.appraisal == AppraisalVerdict.ELIGIBLE


def test_lines_are_imported_from_the_proposal_page(registry, proposal):
    """The template downloads; an import shows its row report; a good file adds lines."""
    client = _client(registry.investment_head)
    template = client.get(f"/proposals/{proposal.uuid}/import/template/")
    assert template.status_code == 200 and template["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    data = xlsx(
        ["Đối tượng", "Họ và tên", "Số CCCD", "Danh hiệu, hình thức"],
        [["Cá nhân", "Nguyễn Văn Ánh", "001085012345", "Giấy khen"]],
    )
    upload = io.BytesIO(data)
    upload.name = "danh-sach.xlsx"
    response = client.post(f"/proposals/{proposal.uuid}/import/", {"file": upload})
    assert response.status_code == 200 and "1 dòng thêm mới" in _text(response)
    assert proposal.lines.count() == 2


def test_archive_search_without_accents_and_a_formula_safe_export(registry):
    """ "nguyen van anh" finds Nguyễn Văn Ánh; a name typed as a formula stays text in Excel."""
    awards_record(
        actor=registry.officer,
        entries=[
            AwardEntry(
                person=registry.anh,
                code="advanced_worker",
                year=2019,
                decision_number="12/QĐ-BQL",
                recipient_name='=HYPERLINK("http://evil/","x")',
            ),
            AwardEntry(
                person=registry.duc,
                code="certificate_of_merit",
                year=2018,
                decision_number="7/QĐ-BQL",
            ),
        ],
    )
    client = _client(registry.officer)
    page = _text(client.get("/archive/?q=tran minh duc"))
    assert "Giấy khen" in page and "7/QĐ-BQL" in page and "HYPERLINK" not in page
    assert "12/QĐ-BQL" in _text(client.get("/archive/?decision=12/QĐ"))
    assert "7/QĐ-BQL" not in _text(client.get("/archive/?year=2019"))
    export = client.get("/archive/export/?year=2019")
    workbook = load_workbook(io.BytesIO(export.content))
    names = [
        row[4] for row in workbook["Danh sách khen thưởng"].iter_rows(min_row=2, values_only=True)
    ]
    assert names == ['\'=HYPERLINK("http://evil/","x")']


def test_a_persons_page_loads_their_awards_and_ratings(registry):
    """The registry page asks for the section; the section lists the person's record."""
    give_history(registry, registry.anh)
    client = _client(registry.investment_head)
    person_page = _text(client.get(f"/people/{registry.anh.uuid}/"))
    assert f'hx-get="/archive/people/{registry.anh.uuid}/"' in person_page
    section = _text(client.get(f"/archive/people/{registry.anh.uuid}/", HTTP_HX_REQUEST="true"))
    assert "<!doctype" not in section.lower()
    assert "Lao động tiên tiến" in section and "2018" in section
    assert "Hoàn thành xuất sắc nhiệm vụ" in section
    full = client.get(f"/archive/people/{registry.anh.uuid}/")
    assert "<!doctype" in full.content.decode().lower()
    other = client.get(f"/archive/people/{registry.duc.uuid}/")
    assert other.status_code == 404


def test_the_letter_to_the_city_lists_the_appraised_lines(registry, round_2019):
    """Only officers draw it up; it lists the eligible lines past the appraisal for a code
    above the Board's authority, in Word."""
    from docx import Document

    from tdkt.commendations.services import (
        Appraisal,
        LineInput,
        proposal_appraise,
        proposal_lines_add,
    )

    proposal, _added = proposal_lines_add(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        lines=[LineInput(person=registry.anh, code="provincial_certificate_of_commendation")],
    )
    proposal_move(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    proposal_move(actor=registry.officer, proposal=proposal, to_state=S.UNDER_APPRAISAL)
    proposal_appraise(
        actor=registry.officer,
        proposal=proposal,
        findings={proposal.lines.get(): Appraisal(AppraisalVerdict.ELIGIBLE)},
    )
    proposal_move(actor=registry.officer, proposal=proposal, to_state=S.AT_COUNCIL)
    url = f"/rounds/{round_2019.uuid}/letter/"
    assert _client(registry.investment_head).get(url).status_code == 403
    client = _client(registry.officer)
    form = _text(client.get(url))
    assert "Bằng khen của Bộ trưởng / Chủ tịch UBND cấp tỉnh: <strong>1</strong>" in form
    assert "Lao động tiên tiến" not in form
    response = client.post(
        url,
        {
            "code": "provincial_certificate_of_commendation",
            "council_minutes": "Căn cứ Biên bản họp Hội đồng ngày 03 tháng 01 năm 2020",
            "signer_name": "Nguyễn Văn Hùng",
            "fmt": "docx",
        },
    )
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "TỜ TRÌNH" in text and "Nguyễn Văn Ánh" in text
    assert "Nghị định số 91/2017/NĐ-CP" in text
