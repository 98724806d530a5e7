"""Reads of the council, its sessions and ballots, scoped to the actor.

A council and its sessions are visible to board-wide readers and to the members of that
council (``council_access.can_see_council``); anyone else gets "not found". What a session's
page shows (with its counters hidden until voting closes) is in ``council_sessions.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
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
)
from tdkt.commendations.council_access import can_manage_councils, can_see_council
from tdkt.commendations.models import (
    BallotReceipt,
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


def sits_on_a_council(actor: Any) -> bool:
    """Return True when the actor holds a seat on any council (one indexed lookup, made once
    per request: most users hold none, and their pages need not ask for sessions)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    return bool(actor.holds_council_seat)


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
