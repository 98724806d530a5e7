"""Dossier files are checked by their bytes and kept private; officers appraise each line."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import AppraisalVerdict, ProposalState
from tdkt.commendations.models import ProposalAttachment
from tdkt.commendations.services import (
    Appraisal,
    attachment_add,
    attachment_remove,
    proposal_appraise,
    proposal_move,
)
from tdkt.commendations.uploads import detect
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tests.commendations.conftest import PDF, PNG, office_file

pytestmark = pytest.mark.django_db
S = ProposalState


def _add(registry, proposal, name, data, kind="achievement_report", actor=None):
    return attachment_add(
        actor=actor or registry.investment_head,
        proposal=proposal,
        kind=kind,
        name=name,
        data=data,
    )


def test_a_pdf_is_stored_privately_under_a_random_name(registry, proposal):
    """The original name stays in the row; the stored path reveals nothing of it."""
    attachment = _add(registry, proposal, "Báo cáo thành tích.pdf", PDF)
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    assert "Báo cáo" not in attachment.file.name
    assert attachment.file.name.startswith(f"proposals/{proposal.uuid}/")
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    assert AuditEvent.objects.filter(event_type=AuditEventType.ATTACHMENT_ADDED).count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "Chỉ nhận tệp PDF"),
        ("anh.pdf", PNG, "Đuôi tệp không khớp"),
        ("to-trinh.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".doc"),
        ("macro.docx", office_file("word/document.xml", macros=True), "Chỉ nhận tệp PDF"),
        ("rong.pdf", b"", "rỗng"),
    ],
)
def test_a_file_is_judged_by_its_bytes_not_its_name(registry, proposal, name, data, message):
    """Executables renamed .pdf, pictures named .pdf, legacy and macro Office files, empty
    files are refused; nothing is stored."""
    with pytest.raises(ApplicationError, match=message):
        _add(registry, proposal, name, data)
    assert not ProposalAttachment.objects.exists()


def test_office_files_and_images_are_recognised():
    """A .docx, an .xlsx, a PNG and a JPEG are told apart by their contents."""
    assert detect(office_file("word/document.xml")) == "docx"
    assert detect(office_file("xl/workbook.xml")) == "xlsx"
    assert detect(PNG) == "png"
    assert detect(b"\xff\xd8\xff\xe0" + b"\x00" * 16) == "jpeg"


@override_settings(TDKT_ATTACHMENT_MAX_BYTES=1024)
def test_a_file_over_the_limit_is_refused(registry, proposal):
    """The size limit is a setting; a bigger file is refused with its size."""
    with pytest.raises(ApplicationError, match="quá lớn"):
        _add(registry, proposal, "lon.pdf", PDF + b"0" * 2048)


def test_only_the_units_writers_add_or_remove_files(registry, proposal):
    """Another unit's head and a viewer are refused (403)."""
    for who in ("planning_head", "viewer"):
        with pytest.raises(PermissionDeniedError):
            _add(registry, proposal, "a.pdf", PDF, actor=getattr(registry, who))
    attachment = _add(registry, proposal, "a.pdf", PDF)
    with pytest.raises(PermissionDeniedError):
        attachment_remove(actor=registry.viewer, attachment=attachment)
    attachment_remove(actor=registry.investment_head, attachment=attachment)
    assert not ProposalAttachment.objects.exists()


def test_files_of_a_submitted_proposal_cannot_change(registry, proposal):
    """Once submitted, the dossier is fixed until the proposal is returned or recalled."""
    proposal_move(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    with pytest.raises(ApplicationError, match="chỉ sửa được"):
        _add(registry, proposal, "a.pdf", PDF)


def _under_appraisal(registry, proposal):
    proposal_move(actor=registry.investment_head, proposal=proposal, to_state=S.SUBMITTED)
    return proposal_move(actor=registry.officer, proposal=proposal, to_state=S.UNDER_APPRAISAL)


def test_appraisal_needs_a_coded_reason_for_ineligible_lines(registry, proposal):
    """ "Không đủ điều kiện" without a reason is refused; with one it is recorded and audited,
    and then the proposal can go to the council."""
    proposal = _under_appraisal(registry, proposal)
    line = proposal.lines.get()
    with pytest.raises(ApplicationError, match="Cần chọn lý do"):
        proposal_appraise(
            actor=registry.officer,
            proposal=proposal,
            findings={line: Appraisal(AppraisalVerdict.INELIGIBLE)},
        )
    proposal_appraise(
        actor=registry.officer,
        proposal=proposal,
        findings={line: Appraisal(AppraisalVerdict.INELIGIBLE, "dossier_incomplete", "Thiếu")},
    )
    line.refresh_from_db()
    assert (line.appraisal, line.appraisal_reason) == ("ineligible", "dossier_incomplete")
    event = AuditEvent.objects.get(event_type=AuditEventType.PROPOSAL_LINE_APPRAISED)
    assert "Không đủ điều kiện (Hồ sơ chưa đầy đủ)" in event.changes["lines"][1][0]
    moved = proposal_move(actor=registry.officer, proposal=proposal, to_state=S.AT_COUNCIL)
    assert moved.state == S.AT_COUNCIL


def test_only_officers_appraise_and_only_during_the_appraisal(registry, proposal):
    """A unit head cannot appraise (403); an officer cannot appraise a draft."""
    line = proposal.lines.get()
    with pytest.raises(ApplicationError, match="bước thẩm định"):
        proposal_appraise(
            actor=registry.officer,
            proposal=proposal,
            findings={line: Appraisal(AppraisalVerdict.ELIGIBLE)},
        )
    proposal = _under_appraisal(registry, proposal)
    with pytest.raises(PermissionDeniedError):
        proposal_appraise(
            actor=registry.investment_head,
            proposal=proposal,
            findings={line: Appraisal(AppraisalVerdict.ELIGIBLE)},
        )
    line.refresh_from_db()
    assert line.appraisal == AppraisalVerdict.PENDING


def test_two_officers_appraising_from_the_same_page_get_one_result(registry, proposal):
    """The second officer's stale page is refused, not silently applied."""
    proposal = _under_appraisal(registry, proposal)
    line = proposal.lines.get()
    seen = proposal.version
    proposal_appraise(
        actor=registry.officer,
        proposal=proposal,
        findings={line: Appraisal(AppraisalVerdict.ELIGIBLE)},
        expected_version=seen,
    )
    with pytest.raises(ApplicationError, match="người khác thay đổi"):
        proposal_appraise(
            actor=registry.admin,
            proposal=proposal,
            findings={line: Appraisal(AppraisalVerdict.INELIGIBLE, "other")},
            expected_version=seen,
        )
    line.refresh_from_db()
    assert line.appraisal == AppraisalVerdict.ELIGIBLE
