"""Publication of the voted list: period, proposals published, comments, withdrawal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import CommentKind, ProposalState, PublicationState
from tdkt.commendations.models import Award, Publication
from tdkt.commendations.services import (
    decision_draft_create,
    proposal_line_withdraw,
    publication_comment_add,
    publication_comment_resolve,
    publication_open,
)
from tdkt.commendations.services.publication import PUBLICATION_WORKING_DAYS
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.core.selectors import working_calendar

from .voted import voted_round

pytestmark = pytest.mark.django_db


def test_officer_publishes_for_ten_working_days_by_default(registry):
    """Without dates the notice runs from today for 10 working days (holidays skipped), and
    every voted proposal of the round is published, each step on its timeline."""
    voted = voted_round(registry)
    publication = publication_open(actor=registry.officer, round=voted.round)
    today = timezone.localdate()
    assert publication.starts_on == today
    assert publication.ends_on == working_calendar().add_working_days(today, 10)
    assert PUBLICATION_WORKING_DAYS == 10
    assert working_calendar().working_days_between(today, publication.ends_on) == 10
    states = set(voted.round.proposals.values_list("state", flat=True))
    assert states == {ProposalState.PUBLISHED}
    steps = [p.transitions.last().to_state for p in voted.round.proposals.all()]
    assert steps == [ProposalState.PUBLISHED] * 2
    event = AuditEvent.objects.get(event_type=AuditEventType.PUBLICATION_OPENED)
    assert event.changes["proposals"] == [None, 2]


def test_the_period_is_editable_but_must_be_ordered(registry):
    """An officer may choose the period; an end before the start is refused with nothing
    published."""
    voted = voted_round(registry)
    with pytest.raises(ApplicationError) as refused:
        publication_open(
            actor=registry.officer,
            round=voted.round,
            starts_on=date(2020, 1, 6),
            ends_on=date(2020, 1, 3),
        )
    assert "ends_on" in refused.value.fields
    assert not Publication.objects.exists()
    assert set(voted.round.proposals.values_list("state", flat=True)) == {ProposalState.VOTED}
    publication = publication_open(
        actor=registry.officer,
        round=voted.round,
        starts_on=date(2019, 12, 20),
        ends_on=date(2020, 1, 3),
    )
    assert (publication.starts_on, publication.ends_on) == (date(2019, 12, 20), date(2020, 1, 3))


def test_only_officers_publish(registry):
    """A leader, a council member and a unit head are refused; nothing is published."""
    voted = voted_round(registry)
    for actor in (registry.leader, registry.council, registry.investment_head, registry.viewer):
        with pytest.raises(PermissionDeniedError):
            publication_open(actor=actor, round=voted.round)
    assert not Publication.objects.exists()


def test_a_round_is_not_published_twice_at_once(registry):
    """While a notice runs, a second one for the same round is refused."""
    voted = voted_round(registry)
    publication_open(actor=registry.officer, round=voted.round)
    with pytest.raises(ApplicationError, match="đang được công khai"):
        publication_open(actor=registry.officer, round=voted.round)


def test_comments_and_objections_are_recorded_against_a_line(registry):
    """An objection is kept with its author and text, then its resolution; both audited."""
    voted = voted_round(registry)
    publication = publication_open(actor=registry.officer, round=voted.round)
    line = voted.line_of(registry.anh)
    comment = publication_comment_add(
        actor=registry.officer,
        publication=publication,
        line=line,
        kind=CommentKind.OBJECTION,
        author_name="Công đoàn Ban",
        text="Đề nghị làm rõ thành tích.",
    )
    assert comment.resolution == "" and comment.line == line
    publication_comment_resolve(actor=registry.officer, comment=comment, resolution="Đã làm rõ.")
    comment.refresh_from_db()
    assert comment.resolution == "Đã làm rõ."
    kinds = list(
        AuditEvent.objects.filter(object_id=str(publication.uuid))
        .order_by("seq")
        .values_list("event_type", flat=True)
    )
    assert kinds == [
        AuditEventType.PUBLICATION_OPENED,
        AuditEventType.PUBLICATION_COMMENT_RECORDED,
        AuditEventType.PUBLICATION_COMMENT_RESOLVED,
    ]


def test_a_comment_needs_an_author_and_a_text(registry):
    """Empty author and text are refused field by field; a leader may not record at all."""
    voted = voted_round(registry)
    publication = publication_open(actor=registry.officer, round=voted.round)
    line = voted.line_of(registry.anh)
    with pytest.raises(ApplicationError) as refused:
        publication_comment_add(
            actor=registry.officer,
            publication=publication,
            line=line,
            kind=CommentKind.COMMENT,
            author_name=" ",
            text="",
        )
    assert set(refused.value.fields) == {"author_name", "text"}
    with pytest.raises(PermissionDeniedError):
        publication_comment_add(
            actor=registry.leader,
            publication=publication,
            line=line,
            kind=CommentKind.COMMENT,
            author_name="A",
            text="B",
        )


def test_a_line_is_withdrawn_with_a_reason_and_leaves_its_draft(registry):
    """Withdrawing a line of a draft decision removes it from the draft and reprices it;
    the reason is kept and the line can no longer be decided."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    assert draft.awards.count() == 3
    line = voted.line_of(registry.duc)
    with pytest.raises(ApplicationError, match="lý do"):
        proposal_line_withdraw(actor=registry.officer, line=line, reason="")
    proposal_line_withdraw(actor=registry.officer, line=line, reason="Đang bị xem xét kỷ luật")
    line.refresh_from_db()
    assert line.withdrawn and line.withdrawal_reason == "Đang bị xem xét kỷ luật"
    assert not Award.objects.filter(proposal_line=line).exists()
    assert draft.awards.count() == 2
    with pytest.raises(ApplicationError, match="đã được rút"):
        proposal_line_withdraw(actor=registry.officer, line=line, reason="lần nữa")


def test_publication_guard_refuses_without_a_notice(registry):
    """A voted proposal cannot be moved to "published" by hand without a publication."""
    from tdkt.commendations.workflow import proposal_transition

    voted = voted_round(registry)
    with pytest.raises(ApplicationError, match="chưa có thông báo công khai"):
        proposal_transition(
            actor=registry.officer,
            proposal=voted.proposals[0],
            to_state=ProposalState.PUBLISHED,
        )


def test_a_closed_notice_allows_a_new_one(registry):
    """After the period, a later notice for the same round is possible (a second council)."""
    voted = voted_round(registry)
    first = publication_open(
        actor=registry.officer,
        round=voted.round,
        starts_on=timezone.localdate() - timedelta(days=30),
        ends_on=timezone.localdate() - timedelta(days=10),
    )
    assert first.state == PublicationState.OPEN
    with pytest.raises(ApplicationError, match="chưa có đề nghị nào"):
        publication_open(actor=registry.officer, round=voted.round)
