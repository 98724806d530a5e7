"""What happens in a council session up to the vote: attendance, conflicts, proceedings,
opening, and the secret ballot.

The ballot is secret by design (docs/decisions/0511). ``ballot_cast`` inserts a
``BallotReceipt`` (who voted) and adds the choices to the counters of the session's lines
(what was voted) in one transaction, with one UPDATE statement that touches every line the
member votes on in the same order whatever the choices; no individual ballot is stored, and
the audit event names the member and the session only. The counters stay hidden until the
chair closes voting (``services/council_results.py``).

Every service locks the session row first: ballots share the lock (their checks run side by
side, then they queue on the lines' rows, locked in one order), every other step takes it
alone (docs/decisions/0512). So a ballot and the closing of the vote never interleave: a
ballot either counts in the result or is refused because voting has closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import (
    SessionState,
    TallySource,
)
from tdkt.commendations.council_access import ensure_chair, ensure_member, ensure_secretary
from tdkt.commendations.council_rules import quorum_met
from tdkt.commendations.models import (
    BallotReceipt,
    ConflictDeclaration,
    CouncilMember,
    CouncilSession,
    SessionAttendance,
    SessionItem,
)
from tdkt.commendations.selectors.council import award_label, recipient_name
from tdkt.commendations.services.council_common import (
    bump,
    check_version,
    lock_session,
    refuse_state,
)
from tdkt.commendations.services.council_sessions import refresh_pass_marks
from tdkt.core.errors import ApplicationError, ErrorCode


def _already_voted() -> ApplicationError:
    return ApplicationError(
        _("Bạn đã bỏ phiếu ở phiên họp này; mỗi thành viên chỉ bỏ phiếu một lần."),
        code=ErrorCode.CONFLICT,
    )


def _lock_for_ballot(session: CouncilSession) -> CouncilSession:
    """Take a shared lock on the session row for a ballot.

    Ballots share it, so their checks run side by side; closing takes the exclusive lock, so
    it waits for the ballots in flight, and a ballot arriving after it sees the session
    closed. (SQLite writers are serialised by ``BEGIN IMMEDIATE`` already.)
    """
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(CouncilSession._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {table} WHERE id = %s FOR SHARE", [session.pk])  # noqa: S608
    return CouncilSession.objects.select_related("council", "round").get(pk=session.pk)


# Attendance and conflicts --------------------------------------------------------------------


@transaction.atomic
def session_attendance_set(
    *,
    actor: Any,
    session: CouncilSession,
    present: Iterable[CouncilMember],
    written_opinion: Iterable[CouncilMember] = (),
    expected_version: int | None = None,
) -> CouncilSession:
    """Record who attended (the secretary), before voting opens.

    Every current member gets a row: present, or absent (with or without a written opinion).
    """
    locked = lock_session(session)
    ensure_secretary(actor, locked.council)
    check_version(locked, expected_version, _("Phiên họp"))
    refuse_state(locked, SessionState.PLANNED)
    members = {m.pk: m for m in locked.council.members.all()}
    here = {m.pk for m in present}
    written = {m.pk for m in written_opinion}
    if not (here | written) <= set(members):
        raise ApplicationError(_("Có người không phải thành viên Hội đồng."))
    if here & written:
        raise ApplicationError(
            _("Dữ liệu không hợp lệ."),
            fields={"written_opinion": [_("Chỉ thành viên vắng mặt mới gửi ý kiến bằng văn bản.")]},
        )
    SessionAttendance.objects.filter(session=locked).delete()
    SessionAttendance.objects.bulk_create(
        SessionAttendance(
            session=locked, member=member, present=pk in here, written_opinion=pk in written
        )
        for pk, member in members.items()
    )
    bump(locked, [])
    absent = [m.full_name for pk, m in members.items() if pk not in here]
    record(
        event_type=AuditEventType.SESSION_ATTENDANCE_RECORDED,
        actor=actor,
        obj=locked,
        changes={
            "present": [None, f"{len(here)}/{len(members)}"],
            "absent": [None, absent],
            "written_opinion": [None, sorted(members[pk].full_name for pk in written)],
        },
    )
    return locked


@transaction.atomic
def conflict_declare(
    *, actor: Any, session: CouncilSession, item: SessionItem, reason: str = ""
) -> ConflictDeclaration:
    """Record that the acting member will not vote on ``item`` (a conflict of interest).

    Allowed until the member has voted; the declaration is part of the minutes.
    """
    locked = lock_session(session)
    seat = ensure_member(actor, locked.council)
    refuse_state(locked, SessionState.PLANNED, SessionState.VOTING)
    if item.session_id != locked.pk:
        raise ApplicationError(_("Nội dung biểu quyết không thuộc phiên họp này."))
    if BallotReceipt.objects.filter(session=locked, member=seat).exists():
        raise _already_voted()
    reason = reason.strip()[:300]
    try:
        with transaction.atomic():
            declaration = ConflictDeclaration.objects.create(item=item, member=seat, reason=reason)
    except IntegrityError:
        raise ApplicationError(
            _("Bạn đã khai báo không tham gia biểu quyết nội dung này."), code=ErrorCode.CONFLICT
        ) from None
    record(
        event_type=AuditEventType.SESSION_CONFLICT_DECLARED,
        actor=actor,
        obj=locked,
        changes={
            "member": [None, seat.full_name],
            "line": [None, f"{recipient_name(item.line)} — {award_label(item.line.code)}"],
            "reason": [None, reason],
        },
    )
    return declaration


@transaction.atomic
def session_proceedings_set(
    *, actor: Any, session: CouncilSession, proceedings: str, expected_version: int | None = None
) -> CouncilSession:
    """Write the proceedings of the meeting (the secretary), printed in the minutes."""
    locked = lock_session(session)
    ensure_secretary(actor, locked.council)
    check_version(locked, expected_version, _("Phiên họp"))
    before = locked.proceedings
    locked.proceedings = proceedings.strip()
    if locked.proceedings == before:
        return locked
    bump(locked, ["proceedings"])
    record(
        event_type=AuditEventType.SESSION_PROCEEDINGS_UPDATED,
        actor=actor,
        obj=locked,
        changes={"proceedings": [before, locked.proceedings]},
    )
    return locked


# Opening and the ballot ----------------------------------------------------------------------


@transaction.atomic
def session_voting_open(*, actor: Any, session: CouncilSession) -> CouncilSession:
    """Open voting (the chair): the agenda has lines, attendance matches the council and
    reaches the quorum. The pass marks are copied from the rule engine one last time."""
    locked = lock_session(session)
    ensure_chair(actor, locked.council)
    refuse_state(locked, SessionState.PLANNED)
    if not locked.items.exists():
        raise ApplicationError(_("Phiên họp chưa có nội dung biểu quyết."))
    members = set(locked.council.members.values_list("pk", flat=True))
    rows = dict(
        SessionAttendance.objects.filter(session=locked).values_list("member_id", "present")
    )
    if not rows:
        raise ApplicationError(_("Thư ký chưa điểm danh thành viên."))
    if set(rows) != members:
        raise ApplicationError(
            _("Danh sách thành viên đã thay đổi sau khi điểm danh: Thư ký cần điểm danh lại.")
        )
    present = sum(1 for here in rows.values() if here)
    if not quorum_met(present=present, total=len(rows), percent=locked.council.quorum_percent):
        raise ApplicationError(
            _(
                "Chưa đủ số thành viên có mặt (%(present)s/%(total)s, cần từ %(quorum)s%% trở "
                "lên): chưa thể bỏ phiếu."
            )
            % {
                "present": present,
                "total": len(rows),
                "quorum": f"{locked.council.quorum_percent.normalize():f}",
            }
        )
    refresh_pass_marks(locked)
    locked.state = SessionState.VOTING
    bump(locked, ["state"])
    record(
        event_type=AuditEventType.SESSION_VOTING_OPENED,
        actor=actor,
        obj=locked,
        changes={"state": [SessionState.PLANNED, SessionState.VOTING]},
    )
    return locked


@sensitive_variables("choices")
@transaction.atomic
def ballot_cast(*, actor: Any, session: CouncilSession, choices: Mapping[int, bool]) -> None:
    """Cast the acting member's secret ballot: ``choices`` maps each line (item id) the member
    votes on to True (agree) or False (disagree).

    One ballot per member per session: a second one, even submitted at the same moment, is
    refused with "Bạn đã bỏ phiếu" (the receipt's unique constraint decides). Nothing returns
    or records the choices.
    """
    locked = _lock_for_ballot(session)
    seat = ensure_member(actor, locked.council)
    if locked.tally_source == TallySource.PAPER:
        raise ApplicationError(_("Phiên họp này bỏ phiếu bằng phiếu giấy."))
    refuse_state(locked, SessionState.VOTING)
    if BallotReceipt.objects.filter(session=locked, member=seat).exists():
        raise _already_voted()
    if not SessionAttendance.objects.filter(session=locked, member=seat, present=True).exists():
        raise ApplicationError(_("Bạn không có tên trong danh sách có mặt của phiên họp."))
    conflicted = set(
        ConflictDeclaration.objects.filter(item__session=locked, member=seat).values_list(
            "item_id", flat=True
        )
    )
    expected = set(locked.items.values_list("pk", flat=True)) - conflicted
    if set(choices) != expected or not all(isinstance(v, bool) for v in choices.values()):
        raise ApplicationError(
            _("Hãy chọn Đồng ý hoặc Không đồng ý cho từng nội dung trong phiếu."),
            fields={"__all__": [_("Phiếu chưa đủ hoặc không hợp lệ.")]},
        )
    try:
        with transaction.atomic():
            BallotReceipt.objects.create(session=locked, member=seat)
    except IntegrityError:
        raise _already_voted() from None
    if expected:
        # Lock the lines in one order for every ballot (no deadlock between ballots), then
        # add this one to their counters.
        list(SessionItem.objects.select_for_update().filter(session=locked).order_by("pk"))
        _add_to_counters(expected, {pk for pk, agree in choices.items() if agree})
    record(event_type=AuditEventType.BALLOT_CAST, actor=actor, obj=locked, changes={})


@sensitive_variables("agreed", "yes", "no")
def _add_to_counters(items: set[int], agreed: set[int]) -> None:
    """Add one ballot to the counters with a single statement over every line voted on.

    The statement's rows and their order do not depend on the choices (a CASE per column
    adds 1 or 0), so the storage order of the rows afterwards says nothing about them.
    """
    one, zero = Value(1), Value(0)
    yes: Value | Case
    no: Value | Case
    if agreed == items:
        yes, no = one, zero
    elif not agreed:
        yes, no = zero, one
    else:
        yes = Case(When(pk__in=agreed, then=one), default=zero, output_field=IntegerField())
        no = Case(When(pk__in=agreed, then=zero), default=one, output_field=IntegerField())
    SessionItem.objects.filter(pk__in=items).update(
        yes_count=F("yes_count") + yes, no_count=F("no_count") + no
    )
