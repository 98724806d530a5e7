"""Decision, publication and fund screens: who may see and do what, through the web."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import AwardStatus, DecisionState, FundEntryKind
from tdkt.commendations.models import Award, Decision, FundEntry, Publication
from tdkt.commendations.services import (
    decision_draft_create,
    decision_sign,
    publication_open,
)

from .voted import voted_round

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def signed(registry) -> Decision:
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    return decision_sign(
        actor=registry.leader, decision=draft, signer_title="head", signed_on=date(2020, 1, 10)
    )


@pytest.fixture
def draft(registry) -> Decision:
    voted = voted_round(registry, year=2025, name="Tổng kết năm 2025")
    return decision_draft_create(actor=registry.officer, round=voted.round)


def main(response) -> str:
    """The page's ``<main>`` (the rest differs by the per-response CSRF token)."""
    page = response.content.decode()
    return page[page.index("<main>") : page.index("</main>")]


def url(name: str, **kwargs) -> str:
    return reverse(f"commendations:{name}", kwargs=kwargs)


def test_officer_drafts_from_a_round_page(registry):
    """The list offers the round; the draft page offers its codes; posting drafts."""
    voted = voted_round(registry)
    officer = client_of(registry.officer)
    page = officer.get(url("decision-list")).content.decode()
    assert voted.round.name in page
    create = url("decision-create", round_uuid=voted.round.uuid)
    form = officer.get(create).content.decode()
    assert "Giấy khen (3 dòng)" in form
    response = officer.post(create, {"codes": ["certificate_of_merit"], "signer_title": "head"})
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert response.url == url("decision-detail", uuid=decision.uuid)
    detail = officer.get(response.url).content.decode()
    assert "Dự thảo quyết định" in detail and "(để trống đến khi ký)" in detail
    assert "Sửa dự thảo" in detail and "Ký quyết định" not in detail


def test_only_officers_reach_the_draft_and_edit_pages(registry, draft):
    """Leaders and unit heads get 403 before any input is read, even with nonsense."""
    create = url("decision-create", round_uuid=draft.round.uuid)
    edit = url("decision-update", uuid=draft.uuid)
    for user in (registry.leader, registry.council):
        client = client_of(user)
        assert client.get(create).status_code == 403
        assert client.post(edit, {"title": "", "version": "x"}).status_code == 403
    # A unit head cannot even see a draft: it answers like a missing decision.
    head = client_of(registry.investment_head)
    assert head.get(edit).status_code == 404
    assert head.get(create).status_code == 403


def test_edit_page_saves_and_refuses_a_stale_version(registry, draft):
    """The form saves the texts; a second save from the same stale page is refused."""
    officer = client_of(registry.officer)
    edit = url("decision-update", uuid=draft.uuid)
    data = {
        "version": draft.version,
        "title": "Về việc tặng Giấy khen năm 2025",
        "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\nCăn cứ khác",
        "proposal_basis": "Xét đề nghị của Chánh Văn phòng Ban",
        "award_phrase": "Tặng Giấy khen của Trưởng ban",
        "achievement_text": "đã có thành tích",
        "signer_title": "deputy_on_behalf",
    }
    assert officer.post(edit, data).status_code == 302
    draft.refresh_from_db()
    assert draft.legal_basis[1] == "Căn cứ khác" and draft.signer_title == "deputy_on_behalf"
    stale = officer.post(edit, {**data, "title": "Khác"})
    assert stale.status_code == 200 and "người khác thay đổi" in stale.content.decode()


def test_leader_signs_from_the_page_and_others_cannot(registry, draft):
    """Only the leader sees the signature box; an officer's post is 403; the leader's post
    gives the decision its number."""
    detail = url("decision-detail", uuid=draft.uuid)
    sign = url("decision-sign", uuid=draft.uuid)
    assert "Ký quyết định" in client_of(registry.leader).get(detail).content.decode()
    assert client_of(registry.officer).post(sign, {"signer_title": "head"}).status_code == 403
    response = client_of(registry.leader).post(
        sign, {"signer_title": "head", "version": draft.version}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == DecisionState.SIGNED and draft.number == 1
    page = client_of(registry.leader).get(detail).content.decode()
    assert "01/QĐ-BQL" in page and "Ký quyết định</button>" not in page


def test_units_see_only_their_own_lines(registry, signed, draft):
    """A unit head sees the signed decision with their unit's lines only, not the draft and
    not another unit's names; a viewer of the same unit likewise; an enterprise nothing."""
    head = client_of(registry.investment_head)
    listing = main(head.get(url("decision-list")))
    # The draft (round "Tổng kết năm 2025") is not listed. Only the page's main part is read:
    # the per-response CSRF token in the frame could contain any short string.
    assert "2025" not in listing and signed.number_label in listing
    assert "Dự thảo" not in listing
    page = head.get(url("decision-detail", uuid=signed.uuid)).content.decode()
    assert "Nguyễn Văn Ánh" in page and "Phòng Quản lý Đầu tư" in page
    assert "Trần Minh Đức" not in page
    assert "Tải tệp Word" not in page and "Thu hồi</a>" not in page
    missing = head.get(url("decision-detail", uuid="00000000-0000-0000-0000-000000000000"))
    hidden = head.get(url("decision-detail", uuid=draft.uuid))
    assert hidden.status_code == missing.status_code == 404
    assert main(hidden) == main(missing)
    enterprise = client_of(registry.enterprise_rep)
    assert enterprise.get(url("decision-detail", uuid=signed.uuid)).status_code == 404
    assert signed.number_label not in enterprise.get(url("decision-list")).content.decode()


def test_files_are_for_board_readers_and_certificates_for_each_line(registry, signed):
    """Leaders download the decision (.docx, PDF), payment list and certificates; a unit head
    is refused the full text but gets the certificate of their own line, not another's."""
    leader = client_of(registry.leader)
    word = leader.get(url("decision-file", uuid=signed.uuid, fmt="docx"))
    assert word.status_code == 200 and word["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="quyet-dinh-01-2020.docx"' in word["Content-Disposition"]
    assert docx.Document(io.BytesIO(word.content)).sections[0].page_width > 0
    pdf = leader.get(url("decision-file", uuid=signed.uuid, fmt="pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    payments = leader.get(url("decision-payments", uuid=signed.uuid))
    sheet = load_workbook(io.BytesIO(payments.content))
    text = " ".join(str(c.value) for row in sheet.active.iter_rows() for c in row if c.value)
    assert "Nguyễn Văn Ánh" in text and "Trần Minh Đức" in text
    batch = leader.get(url("decision-certificates", uuid=signed.uuid))
    assert batch.status_code == 200 and batch.content.startswith(b"%PDF")
    assert leader.get(url("decision-file", uuid=signed.uuid, fmt="exe")).status_code == 404
    head = client_of(registry.investment_head)
    assert head.get(url("decision-file", uuid=signed.uuid, fmt="pdf")).status_code == 403
    mine = signed.awards.get(person=registry.anh)
    theirs = signed.awards.get(person=registry.duc)
    assert head.get(url("award-certificate", uuid=mine.uuid)).status_code == 200
    assert head.get(url("award-certificate", uuid=theirs.uuid)).status_code == 404


def test_officer_revokes_a_line_from_the_decision(registry, signed):
    """The leader may not revoke (403 before the form is read); the officer's revocation
    shows on the decision and leaves a receivable."""
    award = signed.awards.get(person=registry.anh)
    revoke = url("award-revoke", uuid=award.uuid)
    assert client_of(registry.leader).post(revoke, {}).status_code == 403
    officer = client_of(registry.officer)
    refused = officer.post(revoke, {"reason": "", "revoking_decision": ""})
    assert refused.status_code == 200 and "bắt buộc" in refused.content.decode().lower()
    response = officer.post(
        revoke, {"reason": "Thành tích không đúng", "revoking_decision": "5/QĐ-BQL ngày 01/03/2020"}
    )
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.status == AwardStatus.REVOKED
    assert FundEntry.objects.filter(kind=FundEntryKind.RECEIVABLE, award=award).exists()
    page = officer.get(url("decision-detail", uuid=signed.uuid)).content.decode()
    assert "Đã thu hồi" in page and "5/QĐ-BQL ngày 01/03/2020" in page


def test_publication_pages(registry):
    """The officer publishes with the default period and records an objection; a unit head
    gets "not found" for the publication."""
    voted = voted_round(registry)
    officer = client_of(registry.officer)
    create = url("publication-create", round_uuid=voted.round.uuid)
    form = officer.get(create).content.decode()
    assert "10 ngày làm việc" in form
    response = officer.post(create, {"starts_on": "2026-12-01", "ends_on": "2026-12-15"})
    publication = Publication.objects.get()
    assert response.status_code == 302
    line = voted.line_of(registry.anh)
    comment = officer.post(
        url("publication-comment", uuid=publication.uuid),
        {
            "line": str(line.uuid),
            "kind": "objection",
            "author_name": "Công đoàn Ban",
            "text": "Đề nghị xem lại.",
            "received_on": "2026-12-01",
        },
    )
    assert comment.status_code == 302
    page = officer.get(url("publication-detail", uuid=publication.uuid)).content.decode()
    assert "Công đoàn Ban" in page and "Ghi kết quả xử lý" in page
    head = client_of(registry.investment_head)
    assert head.get(url("publication-detail", uuid=publication.uuid)).status_code == 404
    assert client_of(registry.leader).get(create).status_code == 403


def test_withdraw_page(registry):
    """The officer withdraws a line with a reason; the leader is refused."""
    voted = voted_round(registry)
    publication_open(actor=registry.officer, round=voted.round)
    line = voted.line_of(registry.duc)
    withdraw = url("line-withdraw", line_uuid=line.uuid)
    assert client_of(registry.leader).post(withdraw, {"reason": "x"}).status_code == 403
    response = client_of(registry.officer).post(withdraw, {"reason": "Chuyển công tác"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.withdrawn and line.withdrawal_reason == "Chuyển công tác"


def test_fund_pages(registry, signed):
    """Leaders read the fund without buttons; officers record; unit heads are refused."""
    fund = url("fund") + "?year=2020"
    page = client_of(registry.leader).get(fund).content.decode()
    assert "1.790.000" in page and "Ghi thu, chi" not in page
    assert client_of(registry.investment_head).get(fund).status_code == 403
    officer = client_of(registry.officer)
    response = officer.post(
        url("fund-entry"),
        {
            "kind": "payment",
            "amount_vnd": "1790000",
            "on": "2020-01-20",
            "description": "Chi thưởng",
            "decision": str(signed.uuid),
        },
    )
    assert response.status_code == 302
    page = officer.get(fund).content.decode()
    assert "Chi thưởng" in page
    assert client_of(registry.leader).post(url("fund-entry"), {}).status_code == 403
    assert AuditEvent.objects.filter(event_type=AuditEventType.FUND_ENTRY_ADDED).count() == 1


def test_series_page(registry):
    """Officers align the series; the next signature takes the following number."""
    officer = client_of(registry.officer)
    response = officer.post(url("decision-series"), {"year": "2020", "last_number": "124"})
    assert response.status_code == 302
    assert client_of(registry.leader).get(url("decision-series")).status_code == 403


def test_award_rows_are_drafts_until_signed(registry, draft):
    """Draft lines are not history: they are "draft" awards, hidden from units."""
    assert set(Award.objects.values_list("status", flat=True)) == {AwardStatus.DRAFT}
