"""Officers set the council of a year, its members and its sessions; nobody else may."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import CouncilRole, SessionState
from tdkt.commendations.models import CouncilMember
from tdkt.commendations.services.ballots import session_voting_open
from tdkt.commendations.services.council import (
    council_create,
    council_member_add,
    council_member_remove,
    council_member_update,
    council_update,
)
from tdkt.commendations.services.council_sessions import (
    session_create,
    session_items_set,
    session_update,
)
from tdkt.core.errors import ApplicationError, PermissionDeniedError

from .council_helpers import (
    CSTD_TP,
    CSTDCS,
    MEETING,
    TT_LDXS,
    planned_session,
    proposals_at_council,
    seat_council,
)

pytestmark = pytest.mark.django_db


def test_officer_sets_the_council_with_its_founding_decision_and_quorum(registry):
    """The council of 2025 is created with its decision; the default quorum is 80 % and the
    minutes series BB-HĐTĐKT; the creation is audited."""
    council = council_create(
        actor=registry.officer,
        year=2025,
        name="Hội đồng Thi đua – Khen thưởng năm 2025",
        established_by="12/QĐ-BQL",
    )
    assert (council.quorum_percent, council.series_symbol) == (Decimal("80"), "BB-HĐTĐKT")
    event = AuditEvent.objects.get(event_type=AuditEventType.COUNCIL_CREATED)
    assert event.object_id == str(council.uuid)
    assert event.changes["established_by"] == [None, "12/QĐ-BQL"]


@pytest.mark.parametrize("who", ["council", "leader", "investment_head", "viewer"])
def test_only_officers_set_councils(registry, who):
    """Council members, leaders, unit heads and viewers may not create a council."""
    with pytest.raises(PermissionDeniedError):
        council_create(actor=getattr(registry, who), year=2025, name="Hội đồng")
    assert not AuditEvent.objects.filter(event_type=AuditEventType.COUNCIL_CREATED).exists()


def test_one_council_a_year_and_a_clear_message(registry):
    """A second council for the same year is refused on the year field."""
    council_create(actor=registry.officer, year=2025, name="Hội đồng 2025")
    with pytest.raises(ApplicationError) as caught:
        council_create(actor=registry.officer, year=2025, name="Hội đồng khác")
    assert caught.value.fields["year"] == ["Đã có Hội đồng năm 2025."]


def test_quorum_is_an_officer_parameter_and_stale_edits_are_refused(registry):
    """The officer changes the quorum to 2/3; an edit made on an older page is refused."""
    council = council_create(actor=registry.officer, year=2025, name="Hội đồng 2025")
    seen = council.version
    council = council_update(
        actor=registry.officer,
        council=council,
        expected_version=seen,
        quorum_percent=Decimal("66.67"),
    )
    assert council.quorum_percent == Decimal("66.67")
    with pytest.raises(ApplicationError, match="người khác thay đổi"):
        council_update(actor=registry.officer, council=council, expected_version=seen, name="X")
    event = AuditEvent.objects.get(event_type=AuditEventType.COUNCIL_UPDATED)
    assert event.changes["quorum_percent"] == ["80.00", "66.67"]


def test_one_chair_and_one_secretary(registry):
    """A second chair or a second secretary is refused with the current holder's name."""
    seats = seat_council(registry, size=3)
    with pytest.raises(ApplicationError) as caught:
        council_member_add(
            actor=registry.officer,
            council=seats.council,
            user=registry.leader,
            role=CouncilRole.CHAIR,
        )
    assert caught.value.fields["role"] == ["Thành viên 01 đang giữ vai trò Chủ tịch Hội đồng."]
    with pytest.raises(ApplicationError) as caught:
        council_member_update(
            actor=registry.officer, member=seats.members[1], role=CouncilRole.SECRETARY
        )
    assert caught.value.fields["role"] == ["Thành viên 03 đang giữ vai trò Thư ký."]
    assert CouncilMember.objects.get(pk=seats.members[1].pk).role == CouncilRole.VICE_CHAIR


def test_an_account_sits_once(registry):
    """The same account cannot hold two seats on one council."""
    seats = seat_council(registry, size=3)
    with pytest.raises(ApplicationError) as caught:
        council_member_add(
            actor=registry.officer,
            council=seats.council,
            user=seats.user(1),
            role=CouncilRole.MEMBER,
        )
    assert caught.value.fields["user"] == ["Tài khoản này đã có trong Hội đồng."]


def test_a_member_who_took_part_cannot_be_removed(registry):
    """Once attendance names a member, the seat stays (the minutes name them); before, it goes."""
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=5)
    extra = council_member_add(
        actor=registry.officer,
        council=seats.council,
        user=registry.council,
        role=CouncilRole.MEMBER,
    )
    council_member_remove(actor=registry.officer, member=extra)
    assert not CouncilMember.objects.filter(pk=extra.pk).exists()
    planned_session(registry, seats, agenda)
    with pytest.raises(ApplicationError, match="không thể bỏ"):
        council_member_remove(actor=registry.officer, member=seats.members[2])
    assert AuditEvent.objects.filter(event_type=AuditEventType.COUNCIL_MEMBER_REMOVED).count() == 1


def test_a_new_session_lists_every_line_at_the_council_with_its_pass_mark(registry):
    """The agenda holds the eligible lines of the round's proposals at the council, unit by
    unit, each with the pass mark of the rule set of the meeting day."""
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=5)
    session = session_create(
        actor=registry.officer,
        council=seats.council,
        round=agenda.round,
        title="Họp xét khen thưởng năm 2025",
        starts_at=MEETING,
    )
    rows = list(
        session.items.order_by("position").values_list(
            "line__code", "threshold_percent", "threshold_basis"
        )
    )
    marks = {code: (pct, basis) for code, pct, basis in rows}
    assert marks == {
        CSTDCS: (Decimal("80.00"), "all_members"),
        CSTD_TP: (Decimal("90.00"), "all_members"),
        TT_LDXS: (None, "all_members"),  # no ballot rule: more than half of all members
    }
    assert session.state == SessionState.PLANNED
    event = AuditEvent.objects.get(event_type=AuditEventType.SESSION_CREATED)
    assert event.changes["lines"] == [None, 3]


def test_an_officer_parameter_changes_the_pass_mark_until_voting_opens(registry):
    """The officer sets the CSTĐCS pass mark to 85 % on the rules page; voting opens with it."""
    from tdkt.commendations.services.rule_parameters import rule_parameter_set

    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=5)
    session = planned_session(registry, seats, agenda)
    rule_parameter_set(
        actor=registry.officer,
        name="vote.grassroots_emulation_fighter.min_percent",
        value="85",
        basis="Quy định của Thành phố",
    )
    session_voting_open(actor=seats.chair.user, session=session)
    assert session.items.get(line__code=CSTDCS).threshold_percent == Decimal("85.00")


def test_agenda_can_drop_and_add_lines_only_while_planned(registry):
    """The officer takes a line off the agenda and back; once voting opens, nothing changes."""
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=5)
    session = planned_session(registry, seats, agenda)
    kept = agenda.lines[:2]
    session = session_items_set(actor=registry.officer, session=session, lines=kept)
    assert set(session.items.values_list("line_id", flat=True)) == {ln.pk for ln in kept}
    session = session_items_set(actor=registry.officer, session=session, lines=agenda.lines)
    assert session.items.count() == 3
    session_voting_open(actor=seats.chair.user, session=session)
    with pytest.raises(ApplicationError, match="đã bắt đầu bỏ phiếu"):
        session_items_set(actor=registry.officer, session=session, lines=kept)
    with pytest.raises(ApplicationError, match="đã bắt đầu bỏ phiếu"):
        session_update(actor=registry.officer, session=session, title="Khác")


def test_a_line_is_voted_on_one_session_only(registry):
    """A second session of the same round gets no line already on the first one."""
    agenda = proposals_at_council(registry)
    seats = seat_council(registry, size=5)
    planned_session(registry, seats, agenda)
    second = session_create(
        actor=registry.officer,
        council=seats.council,
        round=agenda.round,
        title="Phiên bổ sung",
        starts_at=MEETING,
    )
    assert second.items.count() == 0
    with pytest.raises(ApplicationError) as caught:
        session_items_set(actor=registry.officer, session=second, lines=agenda.lines[:1])
    assert caught.value.fields["lines"] == ["Có dòng đề nghị không thể đưa ra phiên họp này."]
