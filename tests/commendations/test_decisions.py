"""Drafting and signing decisions: lines, texts, numbers, money, awards, proposals decided."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import (
    AwardStatus,
    CommentKind,
    DecisionState,
    ProposalState,
    PublicationState,
    SignerTitle,
)
from tdkt.commendations.models import Award, Decision, DocumentSeries
from tdkt.commendations.services import (
    decision_discard,
    decision_draft_create,
    decision_sign,
    decision_update,
    document_series_align,
    publication_comment_add,
    publication_comment_resolve,
    publication_open,
)
from tdkt.core.errors import ApplicationError, PermissionDeniedError

from .voted import LineSpec, voted_round

pytestmark = pytest.mark.django_db

SIGNED_ON = date(2020, 1, 10)


def test_draft_holds_the_approved_lines_with_blank_number(registry):
    """A draft takes the passed lines of the voted proposals (not the failed one), as draft
    awards priced as of today, with no number and no date."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    assert draft.state == DecisionState.DRAFT
    assert (draft.number, draft.decided_on, draft.number_label) == (None, None, "")
    names = list(draft.awards.order_by("list_position").values_list("recipient_name", flat=True))
    assert names == ["Nguyễn Văn Ánh", "Phòng Quản lý Đầu tư", "Trần Minh Đức"]
    assert set(draft.awards.values_list("status", flat=True)) == {AwardStatus.DRAFT}
    assert draft.title.startswith("Về việc tặng Giấy khen")
    assert draft.award_phrase.startswith("Tặng Giấy khen của Trưởng ban")
    assert draft.priced_on == timezone.localdate()
    anh = draft.awards.get(person=registry.anh)
    assert anh.unit_label == "Chuyên viên, Phòng Quản lý Đầu tư"
    assert anh.prize_vnd and anh.prize_vnd > 0
    assert AuditEvent.objects.filter(event_type=AuditEventType.DECISION_DRAFTED).count() == 1


def test_titles_and_forms_are_not_mixed_and_city_awards_are_refused(registry):
    """A draft holds titles or forms, not both; a Bằng khen of the City is not the Board's."""
    specs = {
        registry.investment: [
            LineSpec(registry.anh, code="advanced_worker"),
            LineSpec(registry.anh, code="certificate_of_merit"),
            LineSpec(registry.investment, code="provincial_certificate_of_commendation"),
        ]
    }
    voted = voted_round(registry, specs=specs)
    with pytest.raises(ApplicationError, match="hai quyết định"):
        decision_draft_create(actor=registry.officer, round=voted.round)
    with pytest.raises(ApplicationError, match="thẩm quyền cấp trên"):
        decision_draft_create(
            actor=registry.officer,
            round=voted.round,
            codes=["provincial_certificate_of_commendation"],
        )
    titles = decision_draft_create(
        actor=registry.officer, round=voted.round, codes=["advanced_worker"]
    )
    assert titles.title == "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2019"
    forms = decision_draft_create(
        actor=registry.officer, round=voted.round, codes=["certificate_of_merit"]
    )
    assert forms.awards.count() == 1
    with pytest.raises(ApplicationError, match="Không còn dòng"):
        decision_draft_create(actor=registry.officer, round=voted.round, codes=["advanced_worker"])


def test_only_officers_draft_and_edit(registry):
    """Leaders, council members and unit heads may not draft or change a draft."""
    voted = voted_round(registry)
    for actor in (registry.leader, registry.council, registry.investment_head):
        with pytest.raises(PermissionDeniedError):
            decision_draft_create(actor=actor, round=voted.round)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    with pytest.raises(PermissionDeniedError):
        decision_update(actor=registry.leader, decision=draft, title="Khác")


def test_editing_a_draft_checks_the_version(registry):
    """Two officers editing the same draft: the second, on a stale page, is told."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    seen = draft.version
    decision_update(
        actor=registry.officer,
        decision=draft,
        expected_version=seen,
        legal_basis=["Căn cứ Luật Thi đua, khen thưởng", "  "],
    )
    with pytest.raises(ApplicationError, match="người khác thay đổi"):
        decision_update(
            actor=registry.admin, decision=draft, expected_version=seen, title="Tiêu đề khác"
        )
    draft.refresh_from_db()
    assert draft.legal_basis == ["Căn cứ Luật Thi đua, khen thưởng"]
    assert draft.title.startswith("Về việc tặng Giấy khen")
    with pytest.raises(ApplicationError) as refused:
        decision_update(actor=registry.officer, decision=draft, title=" ", legal_basis=[])
    assert set(refused.value.fields) == {"title", "legal_basis"}


def test_leader_signs_numbers_and_grants(registry):
    """Signing gives the next number of the year, fixes date, rule set and base salary,
    grants the lines with unguessable tokens and moves the proposals to "decided"."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    document_series_align(actor=registry.officer, year=2020, last_number=124)
    signed = decision_sign(
        actor=registry.leader,
        decision=draft,
        signer_title=SignerTitle.HEAD,
        expected_version=draft.version,
        signed_on=SIGNED_ON,
    )
    assert signed.number_label == "125/QĐ-BQL"
    assert (signed.state, signed.decided_on, signed.year) == (DecisionState.SIGNED, SIGNED_ON, 2020)
    assert (signed.rule_set, signed.base_salary_vnd) == ("R2013", 1_490_000)
    assert signed.signer == registry.leader and signed.signer_name == "leader"
    awards = list(signed.awards.order_by("list_position"))
    assert {a.status for a in awards} == {AwardStatus.GRANTED}
    assert [a.prize_vnd for a in awards] == [450_000, 890_000, 450_000]
    assert {a.decision_number for a in awards} == {"125/QĐ-BQL"}
    # The certificates' register (sổ vàng) has its own series per year.
    assert [a.register_number for a in awards] == ["001/GK-2020", "002/GK-2020", "003/GK-2020"]
    tokens = [a.verification_token for a in awards]
    assert len(set(tokens)) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", t) for t in tokens)  # 256 random bits
    states = set(voted.round.proposals.values_list("state", flat=True))
    assert states == {ProposalState.DECIDED}
    event = AuditEvent.objects.get(event_type=AuditEventType.DECISION_SIGNED)
    assert event.changes["number"] == [None, "125/QĐ-BQL"]
    assert event.changes["total_prize_vnd"] == [None, 1_790_000]


def test_only_leaders_sign(registry):
    """Officers, administrators and council members are refused before anything changes."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    for actor in (registry.officer, registry.admin, registry.council, registry.investment_head):
        with pytest.raises(PermissionDeniedError):
            decision_sign(actor=actor, decision=draft, signer_title=SignerTitle.HEAD)
    draft.refresh_from_db()
    assert draft.state == DecisionState.DRAFT and not DocumentSeries.objects.exists()


def test_signed_decision_cannot_be_signed_or_edited_again(registry):
    """A second signature or an edit of a signed decision is a conflict; no number is used."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    decision_sign(actor=registry.leader, decision=draft, signer_title=SignerTitle.HEAD)
    with pytest.raises(ApplicationError, match="đã được ký"):
        decision_sign(actor=registry.leader, decision=draft, signer_title=SignerTitle.HEAD)
    with pytest.raises(ApplicationError, match="đã được ký"):
        decision_update(actor=registry.officer, decision=draft, title="Khác")
    year = timezone.localdate().year
    assert DocumentSeries.objects.get(year=year, symbol="QĐ-BQL").last_number == 1


def test_numbers_follow_each_other_and_restart_each_year(registry):
    """Two decisions of one year get 01 and 02; the first of the next year 01 again."""
    specs = {registry.investment: [LineSpec(registry.anh), LineSpec(registry.investment)]}
    first_round = voted_round(registry, specs=specs, name="Đợt 1")
    second_round = voted_round(
        registry, specs={registry.planning: [LineSpec(registry.duc)]}, name="Đợt 2"
    )
    a = decision_draft_create(actor=registry.officer, round=first_round.round)
    b = decision_draft_create(actor=registry.officer, round=second_round.round)
    a = decision_sign(
        actor=registry.leader, decision=a, signer_title="head", signed_on=date(2020, 12, 30)
    )
    b = decision_sign(
        actor=registry.leader, decision=b, signer_title="head", signed_on=date(2021, 1, 4)
    )
    assert (a.number_label, b.number_label) == ("01/QĐ-BQL", "01/QĐ-BQL")
    assert (a.year, b.year) == (2020, 2021)


def test_the_series_never_goes_back(registry):
    """Aligning the series with the paper register may move it forward only."""
    document_series_align(actor=registry.officer, year=2020, last_number=124)
    with pytest.raises(ApplicationError, match="không được lùi"):
        document_series_align(actor=registry.officer, year=2020, last_number=100)
    with pytest.raises(PermissionDeniedError):
        document_series_align(actor=registry.leader, year=2020, last_number=200)


def test_signing_waits_for_the_end_of_publication(registry):
    """While the published list is open for comments the leader cannot sign; an unresolved
    objection blocks too, until it is settled."""
    voted = voted_round(registry)
    today = timezone.localdate()
    publication = publication_open(actor=registry.officer, round=voted.round)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    with pytest.raises(ApplicationError, match="đang được công khai"):
        decision_sign(actor=registry.leader, decision=draft, signer_title="head")
    publication.ends_on = today - timedelta(days=1)
    publication.starts_on = today - timedelta(days=15)
    publication.save(update_fields=["ends_on", "starts_on"])
    objection = publication_comment_add(
        actor=registry.officer,
        publication=publication,
        line=voted.line_of(registry.anh),
        kind=CommentKind.OBJECTION,
        author_name="Một cán bộ",
        text="Thành tích chưa đúng.",
        received_on=today - timedelta(days=2),
    )
    with pytest.raises(ApplicationError, match="Nguyễn Văn Ánh"):
        decision_sign(actor=registry.leader, decision=draft, signer_title="head")
    publication_comment_resolve(actor=registry.officer, comment=objection, resolution="Đã xác minh")
    signed = decision_sign(actor=registry.leader, decision=draft, signer_title="head")
    assert signed.state == DecisionState.SIGNED
    publication.refresh_from_db()
    assert publication.state == PublicationState.CLOSED


def test_highest_title_of_the_same_period_is_the_only_one_paid(registry):
    """LĐTT and CSTĐCS for the same year in one decision: only CSTĐCS is paid (legal-rules
    §2); a collective title in the same decision is paid as well."""
    specs = {
        registry.investment: [
            LineSpec(registry.anh, code="advanced_worker"),
            LineSpec(registry.anh, code="grassroots_emulation_fighter"),
            LineSpec(registry.investment, code="advanced_collective"),
        ]
    }
    voted = voted_round(registry, specs=specs)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    signed = decision_sign(
        actor=registry.leader, decision=draft, signer_title="head", signed_on=SIGNED_ON
    )
    paid = {a.code: (a.prize_vnd, a.prize_note) for a in signed.awards.all()}
    assert paid["grassroots_emulation_fighter"] == (1_490_000, "")
    assert paid["advanced_worker"][0] == 0 and "danh hiệu cao hơn" in paid["advanced_worker"][1]
    assert paid["advanced_collective"] == (1_190_000, "")  # 0.8 × 1.490.000 = 1.192.000 → nearest


def test_discarding_a_draft_frees_its_lines(registry):
    """A discarded draft is gone, and its lines can be drafted again."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    decision_discard(actor=registry.officer, decision=draft)
    assert not Decision.objects.exists() and not Award.objects.exists()
    again = decision_draft_create(actor=registry.officer, round=voted.round)
    assert again.awards.count() == 3
