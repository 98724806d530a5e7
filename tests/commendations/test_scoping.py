"""A unit head never sees another unit's proposals, lines, files or eligibility; an object
outside the scope answers exactly like a missing one."""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client

from tdkt.commendations.selectors import (
    attachment_get,
    award_list,
    eligibility,
    proposal_get,
    proposal_list,
)
from tdkt.commendations.services import (
    AwardEntry,
    LineInput,
    attachment_add,
    awards_record,
    proposal_lines_add,
)
from tdkt.core.errors import NotFoundError
from tests.commendations.conftest import PDF

pytestmark = pytest.mark.django_db


def _page(content: bytes, echoed: object) -> str:
    """The page without its per-response CSRF tokens and with the id asked for blanked out
    (the language switch echoes the address)."""
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", content.decode()).replace(str(echoed), "ID")


@pytest.fixture
def two_proposals(registry, proposal, round_2019):
    other, _added = proposal_lines_add(
        actor=registry.planning_head,
        round=round_2019,
        organization=registry.planning,
        lines=[LineInput(person=registry.duc, code="advanced_worker")],
    )
    attachment = attachment_add(
        actor=registry.planning_head,
        proposal=other,
        kind="review_minutes",
        name="bien-ban.pdf",
        data=PDF,
    )
    return proposal, other, attachment


def test_lists_hold_only_the_units_own_proposals(registry, two_proposals):
    """Each head lists their unit's proposal; officers, leaders and council members see all."""
    mine, other, _attachment = two_proposals
    assert list(proposal_list(actor=registry.investment_head)) == [mine]
    assert list(proposal_list(actor=registry.planning_head)) == [other]
    assert list(proposal_list(actor=registry.viewer)) == [mine]
    assert list(proposal_list(actor=registry.enterprise_rep)) == []
    for who in ("officer", "leader", "council"):
        assert set(proposal_list(actor=getattr(registry, who))) == {mine, other}


def test_another_units_proposal_and_file_are_not_found(registry, two_proposals):
    """Selectors raise the same "not found" for another unit's objects as for missing ones."""
    _mine, other, attachment = two_proposals
    with pytest.raises(NotFoundError) as hidden:
        proposal_get(actor=registry.investment_head, uuid=other.uuid)
    with pytest.raises(NotFoundError) as missing:
        proposal_get(actor=registry.investment_head, uuid=uuid.uuid4())
    assert hidden.value.message == missing.value.message
    with pytest.raises(NotFoundError):
        attachment_get(actor=registry.investment_head, uuid=attachment.uuid)
    assert attachment_get(actor=registry.council, uuid=attachment.uuid) == attachment


def test_pages_of_another_unit_answer_like_missing_pages(registry, two_proposals):
    """Proposal page, file download and eligibility of another unit: byte-identical 404s."""
    _mine, other, attachment = two_proposals
    client = Client()
    client.force_login(registry.investment_head)
    unknown = str(uuid.uuid4())
    for template, hidden_id in [
        ("/proposals/{}/", other.uuid),
        ("/attachments/{}/", attachment.uuid),
        (f"/rounds/{other.round.uuid}/eligibility/?unit={{}}", registry.planning.uuid),
    ]:
        first = client.get(template.format(hidden_id))
        second = client.get(template.format(unknown))
        assert first.status_code == second.status_code == 404
        assert _page(first.content, hidden_id) == _page(second.content, unknown)


def test_the_file_is_served_to_those_who_may_see_the_proposal(registry, two_proposals):
    """The planning head and an officer download it; its bytes, as an attachment."""
    _mine, _other, attachment = two_proposals
    for who in ("planning_head", "officer"):
        client = Client()
        client.force_login(getattr(registry, who))
        response = client.get(f"/attachments/{attachment.uuid}/")
        assert response.status_code == 200
        assert response.content == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_eligibility_lists_only_people_of_the_unit_in_scope(registry, round_2019):
    """The investment unit's list holds its people and collective, no one from elsewhere."""
    view = eligibility(
        actor=registry.investment_head, round=round_2019, organization=registry.investment
    )
    names = {row.name for row in view.page.object_list}
    assert names == {"Nguyễn Văn Ánh", "Phòng Quản lý Đầu tư"}


def test_archive_search_is_scoped_to_people_working_in_scope(registry):
    """A unit head finds the awards of their people; the whole archive is the officers'."""
    awards_record(
        actor=registry.officer,
        entries=[
            AwardEntry(
                person=registry.anh, code="advanced_worker", year=2019, decision_number="1/QĐ-BQL"
            ),
            AwardEntry(
                person=registry.duc, code="advanced_worker", year=2019, decision_number="1/QĐ-BQL"
            ),
        ],
    )
    assert {a.person for a in award_list(actor=registry.investment_head)} == {registry.anh}
    assert {a.person for a in award_list(actor=registry.officer)} == {registry.anh, registry.duc}
    assert list(award_list(actor=registry.enterprise_rep)) == []
