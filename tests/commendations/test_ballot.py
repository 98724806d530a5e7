"""The session: attendance and quorum, conflicts, the secret ballot, thresholds, closing,
the paper path, and who may do each step."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import ProposalState, SessionState, TallySource
from tdkt.commendations.models import BallotReceipt, DocumentSeries, SessionItem
from tdkt.commendations.selectors.council_sessions import session_page
from tdkt.commendations.services.ballots import (
    ballot_cast,
    conflict_declare,
    session_attendance_set,
    session_proceedings_set,
    session_voting_open,
)
from tdkt.commendations.services.council import council_update
from tdkt.commendations.services.council_results import (
    session_paper_tally_set,
    session_voting_close,
)
from tdkt.core.errors import ApplicationError, PermissionDeniedError

from .council_helpers import (
    CSTD_TP,
    CSTDCS,
    MEETING,
    TT_LDXS,
    items_by_code,
    planned_session,
    proposals_at_council,
    seat_council,
    voting_session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(registry):
    return proposals_at_council(registry)


@pytest.fixture
def seats(registry):
    return seat_council(registry, size=15)


def vote_all(seats, session, pattern: dict[str, int], *, skip=()):
    """Members vote in order; for each code the first ``pattern[code]`` voters agree."""
    items = items_by_code(session)
    voters = [i for i in range(len(seats.members)) if i not in set(skip)]
    for n, i in enumerate(voters):
        choices = {items[code]: n < pattern[code] for code in items}
        ballot_cast(actor=seats.user(i), session=session, choices=choices)


def results(session) -> dict[str, tuple[int, int, bool | None]]:
    return {
        code: (yes, no, passed)
        for code, yes, no, passed in SessionItem.objects.filter(session=session).values_list(
            "line__code", "yes_count", "no_count", "passed"
        )
    }


# Thresholds (legal-rules §11 examples 3 and 4) -----------------------------------------------


def test_13_of_15_passes_80_percent_and_fails_90_percent(registry, agenda, seats):
    """Council of 15, 13 agree on both lines: 86.7 % passes CSTĐCS (≥ 80 %) and fails CSTĐ
    thành phố (≥ 90 %); 8 of 15 is more than half for the collective title without a rule."""
    session = voting_session(registry, seats, agenda)
    vote_all(seats, session, {CSTDCS: 13, CSTD_TP: 13, TT_LDXS: 8})
    session_voting_close(actor=seats.chair.user, session=session)
    assert results(session) == {
        CSTDCS: (13, 2, True),
        CSTD_TP: (13, 2, False),
        TT_LDXS: (8, 7, True),
    }


def test_14_of_15_passes_90_percent_and_7_of_15_is_no_majority(registry, agenda, seats):
    """14 yes (93.3 %) passes ≥ 90 %; 7 of 15 is not more than half."""
    session = voting_session(registry, seats, agenda)
    vote_all(seats, session, {CSTDCS: 12, CSTD_TP: 14, TT_LDXS: 7})
    session_voting_close(actor=seats.chair.user, session=session)
    assert results(session) == {
        CSTDCS: (12, 3, True),  # 80.0 % exactly: the mark is inclusive
        CSTD_TP: (14, 1, True),
        TT_LDXS: (7, 8, False),
    }


def test_share_is_of_all_members_so_absentees_count_against(registry, agenda, seats):
    """Two members absent, all 13 present agree: 13/15 of ALL members, so CSTĐ thành phố
    fails although every member present agreed."""
    session = voting_session(registry, seats, agenda, absent=(3, 4))
    vote_all(seats, session, {CSTDCS: 13, CSTD_TP: 13, TT_LDXS: 13}, skip=(3, 4))
    session_voting_close(actor=seats.chair.user, session=session)
    assert results(session)[CSTD_TP] == (13, 0, False)
    assert results(session)[CSTDCS] == (13, 0, True)


# Closing moves proposals, reveals results, numbers the minutes ------------------------------


def test_closing_moves_decided_proposals_to_voted_and_numbers_the_minutes(registry, agenda, seats):
    """After closing, both proposals are "voted" (through the workflow, audited), the minutes
    get number 01 of the council's series for the meeting year, and the results are shown."""
    session = voting_session(registry, seats, agenda)
    vote_all(seats, session, {CSTDCS: 15, CSTD_TP: 15, TT_LDXS: 15})
    closed = session_voting_close(actor=seats.chair.user, session=session)
    assert (closed.state, closed.minutes_number, closed.minutes_symbol) == (
        SessionState.CLOSED,
        1,
        "BB-HĐTĐKT",
    )
    assert DocumentSeries.objects.get(symbol="BB-HĐTĐKT", year=2026).last_number == 1
    assert (closed.ballots_issued, closed.ballots_returned, closed.ballots_valid) == (15, 15, 15)
    for proposal in agenda.proposals:
        proposal.refresh_from_db()
        assert proposal.state == ProposalState.VOTED
        assert proposal.transitions.last().to_state == ProposalState.VOTED
    event = AuditEvent.objects.get(event_type=AuditEventType.SESSION_VOTING_CLOSED)
    assert event.changes["minutes"] == [None, "01/BB-HĐTĐKT"]
    assert ["Nguyễn Văn Ánh — Chiến sĩ thi đua cơ sở", 15, 0, True] in event.changes["results"][1]


def test_a_proposal_with_a_line_left_off_the_agenda_stays_at_the_council(registry, seats):
    """Closing moves only proposals whose eligible lines are all decided."""
    from tdkt.commendations.services.council_sessions import session_items_set

    agenda = proposals_at_council(registry)
    session = planned_session(registry, seats, agenda)
    investment_lines = [
        ln for ln in agenda.lines if ln.proposal.organization == registry.investment
    ]
    session = session_items_set(
        actor=registry.officer, session=session, lines=[agenda.lines[1], investment_lines[0]]
    )
    session = session_voting_open(actor=seats.chair.user, session=session)
    items = list(session.items.values_list("pk", flat=True))
    for i in range(15):
        ballot_cast(actor=seats.user(i), session=session, choices=dict.fromkeys(items, True))
    session_voting_close(actor=seats.chair.user, session=session)
    states = {p.organization.pk: p for p in agenda.proposals}
    for p in states.values():
        p.refresh_from_db()
    assert states[registry.planning.pk].state == ProposalState.VOTED
    assert states[registry.investment.pk].state == ProposalState.AT_COUNCIL


# Hidden results -----------------------------------------------------------------------------


def test_results_are_hidden_from_everyone_until_the_chair_closes(registry, agenda, seats):
    """While voting, the session page gives no counts to the chair, the secretary, an officer
    or a member: only how many ballots came in. After closing, everyone sees them."""
    session = voting_session(registry, seats, agenda)
    vote_all(seats, session, {CSTDCS: 10, CSTD_TP: 10, TT_LDXS: 10}, skip=range(10, 15))
    for actor in (seats.chair.user, seats.secretary.user, seats.user(3), registry.officer):
        page = session_page(actor=actor, session=session)
        assert page.ballots_received == 10
        assert not page.results_visible
        assert all((r.yes, r.no, r.percent, r.passed) == (None,) * 4 for r in page.items)
    session_voting_close(actor=seats.chair.user, session=session)
    session.refresh_from_db()
    page = session_page(actor=registry.leader, session=session)
    assert [(r.yes, r.percent, r.passed) for r in page.items if r.award.startswith("Chiến sĩ")] == [
        (10, "66,67", False),
        (10, "66,67", False),
    ]


# Conflicts ----------------------------------------------------------------------------------


def test_a_member_with_a_conflict_does_not_vote_on_that_line(registry, agenda, seats):
    """Member 5 declares a conflict on the CSTĐCS line: their ballot has no choice for it (one
    that includes it is refused), and the line's counters get 14 ballots."""
    session = voting_session(registry, seats, agenda)
    items = items_by_code(session)
    item = SessionItem.objects.get(pk=items[CSTDCS])
    conflict_declare(actor=seats.user(5), session=session, item=item, reason="Vợ của ứng viên")
    with pytest.raises(ApplicationError, match="từng nội dung"):
        ballot_cast(
            actor=seats.user(5), session=session, choices=dict.fromkeys(items.values(), True)
        )
    vote_all(seats, session, {CSTDCS: 15, CSTD_TP: 15, TT_LDXS: 15}, skip=(5,))
    ballot_cast(
        actor=seats.user(5),
        session=session,
        choices={items[CSTD_TP]: True, items[TT_LDXS]: False},
    )
    session_voting_close(actor=seats.chair.user, session=session)
    assert results(session)[CSTDCS] == (14, 0, True)
    assert results(session)[TT_LDXS] == (14, 1, True)
    page = session_page(actor=registry.officer, session=session)
    assert next(r for r in page.items if r.id == item.pk).conflicts == ("Thành viên 06",)


def test_no_conflict_after_voting(registry, agenda, seats):
    """A member who has voted can no longer declare a conflict (the vote is counted)."""
    session = voting_session(registry, seats, agenda)
    items = items_by_code(session)
    ballot_cast(actor=seats.user(2), session=session, choices=dict.fromkeys(items.values(), True))
    with pytest.raises(ApplicationError, match="Bạn đã bỏ phiếu"):
        conflict_declare(
            actor=seats.user(2), session=session, item=SessionItem.objects.get(pk=items[CSTDCS])
        )


# One ballot per member; only members present --------------------------------------------------


def test_a_second_ballot_is_refused_and_changes_nothing(registry, agenda, seats):
    """The second submit of the same member says "Bạn đã bỏ phiếu" and counts nothing."""
    session = voting_session(registry, seats, agenda)
    choices = dict.fromkeys(items_by_code(session).values(), True)
    ballot_cast(actor=seats.user(1), session=session, choices=choices)
    with pytest.raises(ApplicationError, match="Bạn đã bỏ phiếu"):
        ballot_cast(actor=seats.user(1), session=session, choices=choices)
    assert BallotReceipt.objects.filter(session=session).count() == 1
    assert set(SessionItem.objects.filter(session=session).values_list("yes_count", flat=True)) == {
        1
    }


def test_an_absent_member_and_an_outsider_cannot_vote(registry, agenda, seats):
    """A member recorded absent is told so; an officer without a seat is refused (403)."""
    session = voting_session(registry, seats, agenda, absent=(4,))
    choices = dict.fromkeys(items_by_code(session).values(), True)
    with pytest.raises(ApplicationError, match="danh sách có mặt"):
        ballot_cast(actor=seats.user(4), session=session, choices=choices)
    with pytest.raises(PermissionDeniedError):
        ballot_cast(actor=registry.officer, session=session, choices=choices)
    assert not BallotReceipt.objects.exists()


def test_no_ballot_before_opening_or_after_closing(registry, agenda, seats):
    """Ballots are refused while the session is planned and once voting has closed."""
    session = planned_session(registry, seats, agenda)
    choices = dict.fromkeys(items_by_code(session).values(), True)
    with pytest.raises(ApplicationError, match="chưa bắt đầu"):
        ballot_cast(actor=seats.user(1), session=session, choices=choices)
    session_voting_open(actor=seats.chair.user, session=session)
    session_voting_close(actor=seats.chair.user, session=session)
    with pytest.raises(ApplicationError, match="đã kết thúc"):
        ballot_cast(actor=seats.user(1), session=session, choices=choices)


def test_the_vote_event_names_member_and_session_only(registry, agenda, seats):
    """The audit event of a vote carries the member (actor) and the session, no choice."""
    session = voting_session(registry, seats, agenda)
    ballot_cast(
        actor=seats.user(7),
        session=session,
        choices=dict.fromkeys(items_by_code(session).values(), False),
    )
    event = AuditEvent.objects.get(event_type=AuditEventType.BALLOT_CAST)
    assert (event.actor_id, event.object_id, event.changes) == (
        seats.user(7).pk,
        str(session.uuid),
        {},
    )


# Quorum and attendance ----------------------------------------------------------------------


def test_voting_opens_only_with_the_quorum(registry, agenda, seats):
    """With 11 of 15 present (73 %), voting may not open at the default 80 %; at a quorum of
    2/3 set by the officer, it may."""
    session = planned_session(registry, seats, agenda, absent=(1, 2, 3, 4))
    with pytest.raises(ApplicationError, match=r"11/15"):
        session_voting_open(actor=seats.chair.user, session=session)
    council_update(actor=registry.officer, council=seats.council, quorum_percent=Decimal("66.67"))
    opened = session_voting_open(actor=seats.chair.user, session=session)
    assert opened.state == SessionState.VOTING


def test_voting_needs_attendance_matching_the_council(registry, agenda, seats):
    """Without attendance, or after the council changed, voting may not open."""
    from tdkt.commendations.services.council import council_member_add
    from tdkt.commendations.services.council_sessions import session_create

    session = session_create(
        actor=registry.officer,
        council=seats.council,
        round=agenda.round,
        title="Họp",
        starts_at=MEETING,
    )
    with pytest.raises(ApplicationError, match="chưa điểm danh"):
        session_voting_open(actor=seats.chair.user, session=session)
    session_attendance_set(actor=seats.secretary.user, session=session, present=seats.members)
    council_member_add(
        actor=registry.officer, council=seats.council, user=registry.council, role="member"
    )
    with pytest.raises(ApplicationError, match="điểm danh lại"):
        session_voting_open(actor=seats.chair.user, session=session)


# Who may do what ----------------------------------------------------------------------------


def test_only_the_secretary_records_attendance_and_proceedings(registry, agenda, seats):
    """The chair, a member and an officer are refused (403); the secretary's record is audited."""
    session = planned_session(registry, seats, agenda)
    for actor in (seats.chair.user, seats.user(3), registry.officer):
        with pytest.raises(PermissionDeniedError):
            session_attendance_set(actor=actor, session=session, present=seats.members)
        with pytest.raises(PermissionDeniedError):
            session_proceedings_set(actor=actor, session=session, proceedings="x")
    session_proceedings_set(
        actor=seats.secretary.user, session=session, proceedings="Thư ký báo cáo tổng hợp."
    )
    assert (
        AuditEvent.objects.filter(event_type=AuditEventType.SESSION_ATTENDANCE_RECORDED).count()
        == 1
    )


def test_only_the_chair_opens_and_closes(registry, agenda, seats):
    """The vice-chair, the secretary and an officer may neither open nor close voting."""
    session = planned_session(registry, seats, agenda)
    for actor in (seats.user(1), seats.secretary.user, registry.officer, registry.admin):
        with pytest.raises(PermissionDeniedError):
            session_voting_open(actor=actor, session=session)
    session_voting_open(actor=seats.chair.user, session=session)
    for actor in (seats.user(1), seats.secretary.user, registry.officer):
        with pytest.raises(PermissionDeniedError):
            session_voting_close(actor=actor, session=session)
    session.refresh_from_db()
    assert session.state == SessionState.VOTING


# Paper ballots ------------------------------------------------------------------------------


def test_paper_counts_are_validated_and_give_the_same_thresholds(registry, agenda, seats):
    """On paper, the secretary enters 13/2 per line; yes + no beyond the members present minus
    conflicts is refused; the same pass marks apply when the chair closes."""
    session = voting_session(registry, seats, agenda, tally_source=TallySource.PAPER, absent=(6,))
    items = items_by_code(session)
    conflict_declare(
        actor=seats.user(9), session=session, item=SessionItem.objects.get(pk=items[CSTDCS])
    )
    with pytest.raises(ApplicationError, match="phiếu giấy"):
        ballot_cast(
            actor=seats.user(1), session=session, choices=dict.fromkeys(items.values(), True)
        )
    with pytest.raises(ApplicationError, match="Thư ký chưa nhập"):
        session_voting_close(actor=seats.chair.user, session=session)
    too_many = {items[CSTDCS]: (13, 1), items[CSTD_TP]: (13, 1), items[TT_LDXS]: (8, 6)}
    with pytest.raises(ApplicationError) as caught:
        session_paper_tally_set(
            actor=seats.secretary.user,
            session=session,
            counts=too_many,
            ballots_issued=14,
            ballots_returned=14,
            ballots_valid=14,
        )
    # 14 present, one of them in conflict on CSTĐCS: at most 13 ballots on that line
    assert list(caught.value.fields) == [f"yes_{items[CSTDCS]}"]
    with pytest.raises(PermissionDeniedError):
        session_paper_tally_set(
            actor=seats.chair.user,
            session=session,
            counts=too_many,
            ballots_issued=14,
            ballots_returned=14,
            ballots_valid=14,
        )
    session_paper_tally_set(
        actor=seats.secretary.user,
        session=session,
        counts={items[CSTDCS]: (12, 1), items[CSTD_TP]: (13, 1), items[TT_LDXS]: (8, 6)},
        ballots_issued=14,
        ballots_returned=14,
        ballots_valid=14,
    )
    assert session_page(actor=seats.chair.user, session=session).items[0].yes is None
    session_voting_close(actor=seats.chair.user, session=session)
    assert results(session) == {
        CSTDCS: (12, 1, True),  # 12/15 = 80 %
        CSTD_TP: (13, 1, False),  # 13/15 = 86.7 % < 90 %
        TT_LDXS: (8, 6, True),
    }


def test_paper_summary_must_be_consistent(registry, agenda, seats):
    """More valid ballots than returned, or more issued than members present, is refused."""
    session = voting_session(registry, seats, agenda, tally_source=TallySource.PAPER)
    counts = {pk: (0, 0) for pk in items_by_code(session).values()}
    with pytest.raises(ApplicationError) as caught:
        session_paper_tally_set(
            actor=seats.secretary.user,
            session=session,
            counts=counts,
            ballots_issued=16,
            ballots_returned=15,
            ballots_valid=15,
        )
    assert set(caught.value.fields) == {"ballots_issued"}
    with pytest.raises(ApplicationError) as caught:
        session_paper_tally_set(
            actor=seats.secretary.user,
            session=session,
            counts=counts,
            ballots_issued=15,
            ballots_returned=14,
            ballots_valid=15,
        )
    assert set(caught.value.fields) == {"ballots_valid"}


def test_the_database_itself_refuses_a_second_receipt(registry, agenda, seats):
    """The unique constraint, not only the service's check, keeps one receipt per member."""
    from django.db import IntegrityError, transaction

    session = voting_session(registry, seats, agenda)
    BallotReceipt.objects.create(session=session, member=seats.members[3])
    with pytest.raises(IntegrityError), transaction.atomic():
        BallotReceipt.objects.create(session=session, member=seats.members[3])


def test_every_action_refuses_the_wrong_people(registry, agenda, seats):
    """Each step of a session, tried by the people it is not for, is refused with 403 and
    changes nothing: the agenda and session edits (officers only), a conflict and a ballot
    (members only), attendance, paper counts and proceedings (the secretary only), opening and
    closing (the chair only)."""
    from tdkt.commendations.services.council_sessions import session_items_set, session_update

    session = planned_session(registry, seats, agenda)
    item = session.items.first()
    not_officers = (seats.chair.user, seats.secretary.user, registry.leader, registry.council)
    not_members = (registry.officer, registry.admin, registry.leader)
    not_secretary = (seats.chair.user, seats.user(2), registry.officer)
    not_chair = (seats.user(1), seats.secretary.user, registry.officer, registry.leader)
    attempts = [
        *[(a, lambda a: session_update(actor=a, session=session, title="X")) for a in not_officers],
        *[
            (a, lambda a: session_items_set(actor=a, session=session, lines=[]))
            for a in not_officers
        ],
        *[
            (a, lambda a: conflict_declare(actor=a, session=session, item=item))
            for a in not_members
        ],
        *[
            (a, lambda a: session_attendance_set(actor=a, session=session, present=[]))
            for a in not_secretary
        ],
        *[(a, lambda a: session_voting_open(actor=a, session=session)) for a in not_chair],
    ]
    for actor, attempt in attempts:
        with pytest.raises(PermissionDeniedError):
            attempt(actor)
    session = session_voting_open(actor=seats.chair.user, session=session)
    voting = [
        *[
            (a, lambda a: ballot_cast(actor=a, session=session, choices={item.pk: True}))
            for a in not_members
        ],
        *[
            (
                a,
                lambda a: session_paper_tally_set(
                    actor=a,
                    session=session,
                    counts={},
                    ballots_issued=0,
                    ballots_returned=0,
                    ballots_valid=0,
                ),
            )
            for a in not_secretary
        ],
        *[(a, lambda a: session_voting_close(actor=a, session=session)) for a in not_chair],
    ]
    for actor, attempt in voting:
        with pytest.raises(PermissionDeniedError):
            attempt(actor)
    session.refresh_from_db()
    assert session.state == SessionState.VOTING and session.title != "X"
    assert not BallotReceipt.objects.exists()
    assert session.items.count() == 3
