"""The pledge, score sheet, evidence and election screens: who sees what, who may act."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tdkt.emulation_groups.models import Evidence, PledgeSignature, Score
from tdkt.emulation_groups.services import (
    election_open,
    evidence_add,
    pledge_open,
    score_self_assess,
)

from .conftest import YEAR, Block, Scale, build_scale

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _evidence(block: Block, scale: Scale) -> Evidence:
    score = score_self_assess(
        actor=block.hai_phong_rep,
        criterion=scale.work,
        organization=block.hai_phong,
        points="45",
    )
    return evidence_add(actor=block.hai_phong_rep, score=score, name="bao-cao.pdf", data=PDF)


def test_pledge_page_shows_ranking_with_explanation_in_vietnamese(
    block: Block, scale: Scale
) -> None:
    score_self_assess(
        actor=block.hai_phong_rep, criterion=scale.work, organization=block.hai_phong, points="45"
    )
    response = _client(block.hai_phong_rep).get(
        reverse("emulation_groups:pledge-detail", kwargs={"uuid": scale.pledge.uuid})
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Xếp hạng tạm tính" in text
    assert "Trên Ban Quản lý" in text and "tổng điểm 90,00" in text
    assert "Đã ký" in text


def test_outsider_gets_not_found_like_a_missing_pledge(block: Block, scale: Scale) -> None:
    """A user outside every member sees the pledge as missing: same status, same message."""
    client = _client(block.outsider)
    real = client.get(reverse("emulation_groups:pledge-detail", kwargs={"uuid": scale.pledge.uuid}))
    missing = client.get(
        reverse(
            "emulation_groups:pledge-detail",
            kwargs={"uuid": "00000000-0000-4000-8000-000000000000"},
        )
    )
    assert real.status_code == missing.status_code == 404
    assert "Không tìm thấy giao ước thi đua." in real.content.decode()


def test_reader_who_is_not_a_member_gets_403_before_the_input_is_read(
    block: Block, scale: Scale
) -> None:
    """The council member may read the pledge but not self-assess: 403 even for garbage."""
    client = _client(block.registry.council)
    url = reverse("emulation_groups:self-assess", kwargs={"uuid": scale.work.uuid})
    response = client.post(url, {f"{scale.work.uuid}-points": "not a number"})
    assert response.status_code == 403
    assert not Score.objects.exists()


def test_member_self_assesses_through_the_page(block: Block, scale: Scale) -> None:
    client = _client(block.hai_phong_rep)
    prefix = str(scale.work.uuid)
    response = client.post(
        reverse("emulation_groups:self-assess", kwargs={"uuid": scale.work.uuid}),
        {f"{prefix}-points": "47,5", f"{prefix}-note": "Đủ chỉ tiêu", f"{prefix}-version": "0"},
    )
    assert response.status_code == 302
    score = Score.objects.get(organization=block.hai_phong, criterion=scale.work)
    assert str(score.self_points) == "47.50"
    bad = client.post(
        reverse("emulation_groups:self-assess", kwargs={"uuid": scale.work.uuid}),
        {f"{prefix}-points": "99", f"{prefix}-version": str(score.version)},
        follow=True,
    )
    assert "Điểm không được vượt quá 50" in bad.content.decode()


def test_only_the_leader_sees_review_forms(block: Block, scale: Scale) -> None:
    score_self_assess(
        actor=block.hai_phong_rep, criterion=scale.work, organization=block.hai_phong, points="45"
    )
    url = reverse(
        "emulation_groups:member-sheet",
        kwargs={"uuid": scale.pledge.uuid, "member": block.hai_phong.uuid},
    )
    leader_view = _client(block.bac_ninh_rep).get(url).content.decode()
    assert "Lưu điểm thẩm định" in leader_view
    assert "Hạng tạm tính 1/3" in leader_view and "90,00" in leader_view
    for user in (block.hai_phong_rep, block.board_rep, block.registry.officer):
        assert "Lưu điểm thẩm định" not in _client(user).get(url).content.decode()


def test_evidence_is_served_to_members_and_officers_only(block: Block, scale: Scale) -> None:
    evidence = _evidence(block, scale)
    url = reverse("emulation_groups:evidence-download", kwargs={"uuid": evidence.uuid})
    for user in (block.hai_phong_rep, block.bac_ninh_rep, block.registry.officer):
        response = _client(user).get(url)
        assert response.status_code == 200, user
        assert response.content == PDF
        assert response["Content-Disposition"].startswith("attachment")
    # Readers of the Board who are not the block's members of the year, and outsiders.
    for user in (block.outsider, block.registry.council, block.registry.investment_head):
        assert _client(user).get(url).status_code == 404, user


def test_evidence_upload_refuses_a_disguised_file(block: Block, scale: Scale) -> None:
    score = score_self_assess(
        actor=block.hai_phong_rep, criterion=scale.work, organization=block.hai_phong, points="45"
    )
    fake = SimpleUploadedFile("minh-chung.pdf", b"MZ\x90\x00 not a pdf")
    response = _client(block.hai_phong_rep).post(
        reverse("emulation_groups:evidence-upload", kwargs={"uuid": score.uuid}),
        {f"e{score.uuid}-file": fake},
        follow=True,
    )
    assert "Chỉ nhận tệp PDF" in response.content.decode()
    assert not Evidence.objects.exists()
    other = _client(block.bac_ninh_rep).post(
        reverse("emulation_groups:evidence-upload", kwargs={"uuid": score.uuid}),
        {f"e{score.uuid}-file": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert other.status_code == 403


def test_sign_button_only_for_members_who_have_not_signed(block: Block) -> None:
    scale = build_scale(block, open_and_sign=False)
    pledge_open(actor=block.registry.officer, pledge=scale.pledge)
    url = reverse("emulation_groups:pledge-detail", kwargs={"uuid": scale.pledge.uuid})
    assert "Ký giao ước" in _client(block.hai_phong_rep).get(url).content.decode()
    assert "Ký giao ước</button>" not in _client(block.registry.officer).get(url).content.decode()
    _client(block.hai_phong_rep).post(
        reverse("emulation_groups:pledge-sign", kwargs={"uuid": scale.pledge.uuid})
    )
    assert PledgeSignature.objects.filter(organization=block.hai_phong).exists()
    assert "Ký giao ước</button>" not in _client(block.hai_phong_rep).get(url).content.decode()


def test_vote_through_the_page_once(block: Block) -> None:
    election = election_open(actor=block.registry.officer, group=block.group, year=YEAR + 1)
    url = reverse("emulation_groups:election-vote", kwargs={"uuid": election.uuid})
    client = _client(block.hai_phong_rep)
    client.post(url, {"leader": block.bac_ninh.pk, "deputy": block.board.pk})
    again = client.post(url, {"leader": block.hai_phong.pk}, follow=True)
    assert election.votes.count() == 1
    assert "Đơn vị bạn đã bỏ phiếu" in again.content.decode()
    assert _client(block.registry.council).post(url, {"leader": "x"}).status_code == 403
    page = _client(block.board_rep).get(
        reverse("emulation_groups:election-detail", kwargs={"uuid": election.uuid})
    )
    assert "Ban Quản lý Khu kinh tế Hải Phòng: khối trưởng Ban Quản lý các KCN Bắc Ninh" in (
        page.content.decode()
    )


def test_block_page_lists_rotation_and_is_reachable_from_the_group(block: Block) -> None:
    client = _client(block.registry.officer)
    group_page = client.get(
        reverse("organizations:group-detail", kwargs={"uuid": block.group.uuid})
    ).content.decode()
    url = reverse("emulation_groups:group-emulation", kwargs={"uuid": block.group.uuid})
    assert url in group_page
    text = client.get(url).content.decode()
    assert "Ghi nhận không qua bầu chọn trong hệ thống" in text
    assert f"Năm {YEAR}" in text


def test_starting_a_pledge_or_election_is_refused_before_the_form_is_read(
    block: Block,
) -> None:
    """A member who never led the block sees no form and gets 403 even for garbage."""
    client = _client(block.hai_phong_rep)
    page = client.get(
        reverse("emulation_groups:group-emulation", kwargs={"uuid": block.group.uuid})
    ).content.decode()
    assert "Lập giao ước mới" not in page and "Mở bầu khối trưởng" not in page
    for name in ("pledge-create", "election-open"):
        url = reverse(f"emulation_groups:{name}", kwargs={"uuid": block.group.uuid})
        assert client.post(url, {"pledge-year": "abc", "election-year": "x"}).status_code == 403


def test_pledge_page_in_english(block: Block, scale: Scale) -> None:
    client = _client(block.hai_phong_rep)
    client.cookies["django_language"] = "en"
    text = client.get(
        reverse("emulation_groups:pledge-detail", kwargs={"uuid": scale.pledge.uuid})
    ).content.decode()
    assert "Provisional ranking" in text and "Tie-break rules (in order)" in text
    assert "Xếp hạng tạm tính" not in text


def test_draft_pledge_is_edited_through_its_page_and_a_stale_form_is_told(block: Block) -> None:
    scale = build_scale(block, open_and_sign=False)
    client = _client(block.registry.officer)
    url = reverse("emulation_groups:pledge-update", kwargs={"uuid": scale.pledge.uuid})
    version = scale.pledge.version
    client.post(url, {"title": "Giao ước sửa", "note": "", "version": version})
    scale.pledge.refresh_from_db()
    assert scale.pledge.title == "Giao ước sửa"
    stale = client.post(url, {"title": "Lại", "version": version}, follow=True)
    assert "vừa được người khác thay đổi" in stale.content.decode()
    assert _client(block.hai_phong_rep).post(url, {"title": ""}).status_code == 403
