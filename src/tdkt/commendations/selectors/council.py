"""Reads of the council, its sessions and ballots, scoped to the actor.

A council and its sessions are visible to board-wide readers and to the members of that
council (``council_access.can_see_council``); anyone else gets "not found".

The counters of a session's lines (``yes_count``/``no_count``) are hidden until the chair
closes voting: the pages get plain rows (``ItemRow``) whose results are ``None`` while the
session is planned or voting, so no template can show them by mistake. Only the secretary's
paper-tally form reads the counts she entered (``paper_tally_initial``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.scopes import get_visible, scope_for
from tdkt.commendations.constants import (
    AppraisalVerdict,
    CouncilRole,
    ProposalState,
    RecipientKind,
    SessionState,
    TallySource,
)
from tdkt.commendations.council_access import can_manage_councils, can_see_council, seat_of
from tdkt.commendations.council_rules import PRESENT, describe, quorum_met
from tdkt.commendations.models import (
    BallotReceipt,
    ConflictDeclaration,
    Council,
    CouncilMember,
    CouncilSession,
    ProposalLine,
    Round,
    SessionAttendance,
    SessionItem,
)
from tdkt.core.errors import NotFoundError
from tdkt.rules.labels import CODE_LABELS


def line_kind(line: ProposalLine) -> str:
    """Return the rule engine's subject kind of a line: ``individual`` or ``collective``."""
    return RecipientKind.INDIVIDUAL if line.person_id else RecipientKind.COLLECTIVE


def award_label(code: str) -> str:
    """Return the title or form of ``code`` in the current language."""
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    return CODE_LABELS[lang].get(code, code)


def recipient_name(line: ProposalLine) -> str:
    """Return the person's or the collective's name."""
    if line.person is not None:
        return line.person.full_name
    return line.organization.name if line.organization is not None else ""


# Councils ------------------------------------------------------------------------------------


def _councils_in_scope(actor: Any) -> QuerySet[Council]:
    qs = Council.objects.all()
    if scope_for(actor).everything:
        return qs
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return qs.none()
    return qs.filter(Exists(CouncilMember.objects.filter(council=OuterRef("pk"), user=actor)))


def council_list(*, actor: Any) -> QuerySet[Council]:
    """Return the councils the actor may see, newest year first, with member counts."""
    return _councils_in_scope(actor).annotate(
        member_count=Count("members", distinct=True),
        session_count=Count("sessions", distinct=True),
    )


def council_get(*, actor: Any, uuid: UUID | str) -> Council:
    """Return one council; one the actor may not see is "not found" (404)."""
    return get_visible(
        Council.objects.all(),
        uuid=uuid,
        visible=lambda council: can_see_council(actor, council),
        message=_("Không tìm thấy Hội đồng."),
    )


@dataclass(frozen=True)
class CouncilPage:
    """A council with its members in order and its sessions, newest first."""

    council: Council
    members: list[CouncilMember]
    sessions: list[CouncilSession]
    can_manage: bool
    has_chair: bool
    has_secretary: bool


def council_page(*, actor: Any, council: Council) -> CouncilPage:
    """Return what the council's page shows (read ``council`` with ``council_get`` first)."""
    members = list(council.members.select_related("user"))
    roles = {m.role for m in members}
    return CouncilPage(
        council=council,
        members=members,
        sessions=list(council.sessions.select_related("round").order_by("-starts_at")),
        can_manage=can_manage_councils(actor),
        has_chair=CouncilRole.CHAIR in roles,
        has_secretary=CouncilRole.SECRETARY in roles,
    )


def member_get(*, actor: Any, council: Council, member_id: int) -> CouncilMember:
    """Return a seat of ``council`` (already visible to the actor) or "not found"."""
    member = council.members.select_related("user").filter(pk=member_id).first()
    if member is None or not can_see_council(actor, council):
        raise NotFoundError(_("Không tìm thấy thành viên Hội đồng."))
    return member


def user_choices(*, actor: Any) -> QuerySet[User]:
    """Return the accounts an officer may seat on a council (active ones, by name)."""
    if not can_manage_councils(actor):
        return User.objects.none()
    return User.objects.filter(is_active=True).order_by("first_name", "username")


def round_choices(*, actor: Any) -> QuerySet[Round]:
    """Return the rounds a session may be planned for (officers), newest first."""
    if not can_manage_councils(actor):
        return Round.objects.none()
    return Round.objects.order_by("-year", "-created_at")


# Sessions ------------------------------------------------------------------------------------


def session_get(*, actor: Any, uuid: UUID | str) -> CouncilSession:
    """Return one session; a session of a council the actor may not see is "not found"."""
    return get_visible(
        CouncilSession.objects.select_related("council", "round"),
        uuid=uuid,
        visible=lambda session: can_see_council(actor, session.council),
        message=_("Không tìm thấy phiên họp."),
    )


def my_sessions(*, actor: Any) -> list[CouncilSession]:
    """Return the sessions of the councils the actor sits on, voting ones first, each with
    ``i_voted`` and ``i_present`` (whether the actor has voted, is on the attendance list)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return []
    seats = CouncilMember.objects.filter(council=OuterRef("council"), user=actor)
    qs = (
        CouncilSession.objects.select_related("council", "round")
        .filter(Exists(seats))
        .annotate(
            i_voted=Exists(
                BallotReceipt.objects.filter(session=OuterRef("pk"), member__user=actor)
            ),
            i_present=Exists(
                SessionAttendance.objects.filter(
                    session=OuterRef("pk"), member__user=actor, present=True
                )
            ),
        )
    )
    order = {SessionState.VOTING: 0, SessionState.PLANNED: 1, SessionState.CLOSED: 2}
    return sorted(qs, key=lambda s: (order[SessionState(s.state)], -s.starts_at.timestamp()))


def available_lines(
    round: Round, *, session: CouncilSession | None = None
) -> QuerySet[ProposalLine]:
    """Return the lines of ``round`` that may be on an agenda: eligible, not withdrawn, of a
    proposal at the council, and on no session other than ``session``.

    A line is voted once: a line on another session (planned, voting or closed) is left out.
    """
    elsewhere = SessionItem.objects.filter(line=OuterRef("pk"))
    if session is not None:
        elsewhere = elsewhere.exclude(session=session)
    return (
        ProposalLine.objects.filter(
            proposal__round=round,
            proposal__state=ProposalState.AT_COUNCIL,
            appraisal=AppraisalVerdict.ELIGIBLE,
            withdrawn=False,
        )
        .exclude(Exists(elsewhere))
        .select_related("person", "organization", "proposal__organization")
        .order_by("proposal__organization__path", "position", "pk")
    )


@dataclass(frozen=True)
class LineChoice:
    """A line an officer may put on the agenda (or take off it)."""

    id: int
    label: str
    chosen: bool


def line_choices(*, actor: Any, session: CouncilSession) -> list[LineChoice]:
    """Return every line that may be on the agenda, saying which are on it now (officers)."""
    if not can_manage_councils(actor):
        return []
    current = set(session.items.values_list("line_id", flat=True))
    return [
        LineChoice(
            id=line.pk,
            label=f"{recipient_name(line)} — {award_label(line.code)} "
            f"({line.proposal.organization.name})",
            chosen=line.pk in current,
        )
        for line in available_lines(session.round, session=session)
    ]


def agenda_lines(*, actor: Any, session: CouncilSession, ids: set[int]) -> list[ProposalLine]:
    """Return the lines of ``ids`` that may be on the agenda (officers; others get none)."""
    if not can_manage_councils(actor):
        return []
    return [line for line in available_lines(session.round, session=session) if line.pk in ids]


def session_members(*, actor: Any, session: CouncilSession) -> dict[int, CouncilMember]:
    """Return the council's members by id, for a session the actor may see."""
    if not can_see_council(actor, session.council):
        raise NotFoundError(_("Không tìm thấy phiên họp."))
    return {member.pk: member for member in session.council.members.all()}


@dataclass(frozen=True)
class ItemRow:
    """One line put to the vote, as a page shows it; results are None until voting closes."""

    id: int
    position: int
    recipient: str
    kind_label: str
    unit: str
    award: str
    achievement: str
    pass_mark: str
    conflicts: tuple[str, ...]
    my_conflict: bool
    yes: int | None = None
    no: int | None = None
    percent: str | None = None
    passed: bool | None = None


@dataclass(frozen=True)
class AttendanceRow:
    """A member and whether they attended (``present`` None: attendance not recorded)."""

    member_id: int
    name: str
    title: str
    role_label: str
    present: bool | None
    written_opinion: bool


@dataclass(frozen=True)
class SessionPage:
    """Everything the session's page shows to the actor, and which actions they may take."""

    session: CouncilSession
    council: Council
    items: list[ItemRow]
    attendance: list[AttendanceRow]
    attendance_recorded: bool
    members_total: int
    present: int
    quorum_met: bool
    ballots_received: int
    results_visible: bool
    seat: CouncilMember | None
    is_chair: bool
    is_secretary: bool
    can_manage: bool
    has_voted: bool

    @property
    def is_paper(self) -> bool:
        """True when the members vote on paper and the secretary enters the counts."""
        return self.session.tally_source == TallySource.PAPER

    @property
    def can_vote(self) -> bool:
        """True when the actor may open the ballot now (electronic vote, present, not voted)."""
        present = any(
            r.present for r in self.attendance if self.seat and r.member_id == self.seat.pk
        )
        return (
            self.seat is not None
            and self.session.state == SessionState.VOTING
            and not self.is_paper
            and present
            and not self.has_voted
        )


def _percent(yes: int, denominator: int) -> str:
    if denominator <= 0:
        return "0,00"
    value = (Decimal(yes) * 100 / Decimal(denominator)).quantize(Decimal("0.01"))
    return f"{value}".replace(".", ",")


def _item_rows(
    session: CouncilSession,
    *,
    seat: CouncilMember | None,
    members_total: int,
    present: int,
) -> list[ItemRow]:
    closed = session.state == SessionState.CLOSED
    items = session.items.select_related(
        "line__person", "line__organization", "line__proposal__organization"
    ).order_by("position", "pk")
    conflicts: dict[int, list[tuple[int, str]]] = {}
    for item_id, member_id, name in ConflictDeclaration.objects.filter(
        item__session=session
    ).values_list("item_id", "member_id", "member__full_name"):
        conflicts.setdefault(item_id, []).append((member_id, name))
    rows = []
    for item in items:
        line = item.line
        declared = conflicts.get(item.pk, [])
        denominator = present if item.threshold_basis == PRESENT else members_total
        rows.append(
            ItemRow(
                id=item.pk,
                position=item.position,
                recipient=recipient_name(line),
                kind_label=str(RecipientKind(line_kind(line)).label),
                unit=line.proposal.organization.name,
                award=award_label(line.code),
                achievement=line.achievement,
                pass_mark=describe(item.threshold_percent, item.threshold_basis),
                conflicts=tuple(name for _member, name in declared),
                my_conflict=seat is not None and any(m == seat.pk for m, _name in declared),
                yes=item.yes_count if closed else None,
                no=item.no_count if closed else None,
                percent=_percent(item.yes_count, denominator) if closed else None,
                passed=item.passed if closed else None,
            )
        )
    return rows


def _attendance_rows(session: CouncilSession) -> tuple[list[AttendanceRow], bool]:
    """Return one row per member: recorded attendance, else the council's current members."""
    recorded = list(
        SessionAttendance.objects.filter(session=session)
        .select_related("member")
        .order_by("member__position", "member_id")
    )
    if recorded:
        return [
            AttendanceRow(
                member_id=a.member_id,
                name=a.member.full_name,
                title=a.member.title,
                role_label=str(CouncilRole(a.member.role).label),
                present=a.present,
                written_opinion=a.written_opinion,
            )
            for a in recorded
        ], True
    return [
        AttendanceRow(
            member_id=m.pk,
            name=m.full_name,
            title=m.title,
            role_label=str(CouncilRole(m.role).label),
            present=None,
            written_opinion=False,
        )
        for m in session.council.members.all()
    ], False


def session_page(*, actor: Any, session: CouncilSession) -> SessionPage:
    """Return the session as the actor may see it (read it with ``session_get`` first)."""
    council = session.council
    seat = seat_of(actor, council)
    attendance, recorded = _attendance_rows(session)
    members_total = len(attendance)
    present = sum(1 for row in attendance if row.present)
    return SessionPage(
        session=session,
        council=council,
        items=_item_rows(session, seat=seat, members_total=members_total, present=present),
        attendance=attendance,
        attendance_recorded=recorded,
        members_total=members_total,
        present=present,
        quorum_met=recorded
        and quorum_met(present=present, total=members_total, percent=council.quorum_percent),
        ballots_received=BallotReceipt.objects.filter(session=session).count(),
        results_visible=session.state == SessionState.CLOSED,
        seat=seat,
        is_chair=seat is not None and seat.role == CouncilRole.CHAIR,
        is_secretary=seat is not None and seat.role == CouncilRole.SECRETARY,
        can_manage=can_manage_councils(actor),
        has_voted=seat is not None
        and BallotReceipt.objects.filter(session=session, member=seat).exists(),
    )


def conflict_item_get(*, actor: Any, session: CouncilSession, item_id: int) -> SessionItem:
    """Return a line of ``session`` (already visible to the actor) or "not found"."""
    item = session.items.select_related("line").filter(pk=item_id).first()
    if item is None or not can_see_council(actor, session.council):
        raise NotFoundError(_("Không tìm thấy nội dung biểu quyết."))
    return item


def paper_tally_initial(*, actor: Any, session: CouncilSession) -> dict[str, Any]:
    """Return the counts the secretary last entered, to fill her form again.

    Only the secretary of the session's council gets them; for anyone else this returns
    nothing, like the hidden counters on every other page.
    """
    seat = seat_of(actor, session.council)
    if seat is None or seat.role != CouncilRole.SECRETARY or session.ballots_valid is None:
        return {}
    initial: dict[str, Any] = {
        "ballots_issued": session.ballots_issued,
        "ballots_returned": session.ballots_returned,
        "ballots_valid": session.ballots_valid,
    }
    for item_id, yes, no in session.items.values_list("pk", "yes_count", "no_count"):
        initial[f"yes_{item_id}"] = yes
        initial[f"no_{item_id}"] = no
    return initial


def present_conflicts(session: CouncilSession) -> dict[int, int]:
    """Return, per item id, how many members present declared a conflict on it."""
    present = SessionAttendance.objects.filter(
        session=session, member=OuterRef("member"), present=True
    )
    rows = (
        ConflictDeclaration.objects.filter(item__session=session)
        .filter(Exists(present))
        .values("item_id")
        .annotate(n=Count("pk"))
    )
    return {row["item_id"]: row["n"] for row in rows}


__all__ = [
    "AttendanceRow",
    "CouncilPage",
    "ItemRow",
    "LineChoice",
    "SessionPage",
    "agenda_lines",
    "available_lines",
    "award_label",
    "conflict_item_get",
    "council_get",
    "council_list",
    "council_page",
    "line_choices",
    "line_kind",
    "member_get",
    "my_sessions",
    "paper_tally_initial",
    "present_conflicts",
    "recipient_name",
    "round_choices",
    "session_get",
    "session_members",
    "session_page",
    "user_choices",
]
