"""What a council session's pages show, scoped to the actor.

The counters of a session's lines (``yes_count``/``no_count``) are hidden until the chair
closes voting: the pages get plain rows (``ItemRow``) whose results are ``None`` while the
session is planned or voting, so no template can show them by mistake. Only the secretary's
paper-tally form reads the counts she entered (``paper_tally_initial``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tdkt.commendations.constants import (
    CouncilRole,
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
    SessionAttendance,
    SessionItem,
)
from tdkt.commendations.selectors.council import award_label, line_kind, recipient_name
from tdkt.core.errors import NotFoundError


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
    """Return the share with two decimals in the user's language ("86,67" in Vietnamese)."""
    value = (
        (Decimal(yes) * 100 / Decimal(denominator)).quantize(Decimal("0.01"))
        if denominator > 0
        else Decimal("0.00")
    )
    return number_format(value, 2)


def _kind_label(line: ProposalLine) -> str:
    if line_kind(line) == RecipientKind.INDIVIDUAL:
        return pgettext("recipient kind", "Cá nhân")
    return pgettext("recipient kind", "Tập thể")


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
                kind_label=_kind_label(line),
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
