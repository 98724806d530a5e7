"""What happens in a council session: attendance, conflicts, the secret ballot, closing.

The ballot is secret by design (docs/decisions/0511). ``ballot_cast`` inserts a
``BallotReceipt`` (who voted) and adds the choices to the counters of the session's lines
(what was voted) in one transaction, with one UPDATE statement that touches every line the
member votes on in the same order whatever the choices; no individual ballot is stored, and
the audit event names the member and the session only. The counters stay hidden until the
chair closes voting, which applies the pass marks (``council_rules``) and moves each proposal
whose lines are all decided to "voted".

Every service locks the session row first: ballots share the lock (their checks run side by
side, then they queue on the lines' rows, locked in one order), every other step takes it
alone. So a ballot and the closing of the vote never interleave: a ballot either counts in the
result or is refused because voting has closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import (
    AppraisalVerdict,
    ProposalState,
    SessionState,
    TallySource,
)
from tdkt.commendations.council_access import ensure_chair, ensure_member, ensure_secretary
from tdkt.commendations.council_rules import is_passed, quorum_met
from tdkt.commendations.models import (
    BallotReceipt,
    ConflictDeclaration,
    CouncilMember,
    CouncilSession,
    DocumentSeries,
    Proposal,
    SessionAttendance,
    SessionItem,
)
from tdkt.commendations.selectors.council import award_label, present_conflicts, recipient_name
from tdkt.commendations.services.council import refresh_pass_marks
from tdkt.commendations.workflow import proposal_transition, register_guard
from tdkt.core.errors import ApplicationError, ErrorCode


def _already_voted() -> ApplicationError:
    return ApplicationError(
        _("Bạn đã bỏ phiếu ở phiên họp này; mỗi thành viên chỉ bỏ phiếu một lần."),
        code=ErrorCode.CONFLICT,
    )


def _lock(session: CouncilSession) -> CouncilSession:
    return (
        CouncilSession.objects.select_for_update()
        .select_related("council", "round")
        .get(pk=session.pk)
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


def _check_version(session: CouncilSession, expected: int | None) -> None:
    if expected is not None and session.version != expected:
        raise ApplicationError(
            _("Phiên họp vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi."),
            code=ErrorCode.CONFLICT,
        )


def _bump(session: CouncilSession, fields: list[str]) -> None:
    session.version = F("version") + 1
    session.save(update_fields=[*fields, "version"])
    session.refresh_from_db(fields=["version"])


def _refuse_state(session: CouncilSession, *allowed: str) -> None:
    if session.state in allowed:
        return
    messages = {
        SessionState.PLANNED: _("Phiên họp chưa bắt đầu bỏ phiếu."),
        SessionState.VOTING: _("Phiên họp đang bỏ phiếu."),
        SessionState.CLOSED: _("Phiên họp đã kết thúc bỏ phiếu."),
    }
    raise ApplicationError(messages[SessionState(session.state)], code=ErrorCode.CONFLICT)


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
    locked = _lock(session)
    ensure_secretary(actor, locked.council)
    _check_version(locked, expected_version)
    _refuse_state(locked, SessionState.PLANNED)
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
    _bump(locked, [])
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
    locked = _lock(session)
    seat = ensure_member(actor, locked.council)
    _refuse_state(locked, SessionState.PLANNED, SessionState.VOTING)
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
    locked = _lock(session)
    ensure_secretary(actor, locked.council)
    _check_version(locked, expected_version)
    before = locked.proceedings
    locked.proceedings = proceedings.strip()
    if locked.proceedings == before:
        return locked
    _bump(locked, ["proceedings"])
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
    locked = _lock(session)
    ensure_chair(actor, locked.council)
    _refuse_state(locked, SessionState.PLANNED)
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
    _bump(locked, ["state"])
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
    _refuse_state(locked, SessionState.VOTING)
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


@transaction.atomic
def session_paper_tally_set(
    *,
    actor: Any,
    session: CouncilSession,
    counts: Mapping[int, tuple[int, int]],
    ballots_issued: int,
    ballots_returned: int,
    ballots_valid: int,
    expected_version: int | None = None,
) -> CouncilSession:
    """Enter the counts of paper ballots (the secretary), line by line, while voting is open.

    For each line, agree + disagree may not exceed the members present minus those present who
    declared a conflict on it, nor the valid ballots. The counts stay hidden from everyone else
    until the chair closes voting, so the audit event records that a tally was entered, and
    the closing event records the results.
    """
    locked = _lock(session)
    ensure_secretary(actor, locked.council)
    _check_version(locked, expected_version)
    if locked.tally_source != TallySource.PAPER:
        raise ApplicationError(_("Phiên họp này bỏ phiếu điện tử."))
    _refuse_state(locked, SessionState.VOTING)
    present = SessionAttendance.objects.filter(session=locked, present=True).count()
    errors: dict[str, list[str]] = {}
    summary = {
        "ballots_issued": ballots_issued,
        "ballots_returned": ballots_returned,
        "ballots_valid": ballots_valid,
    }
    for name, value in summary.items():
        if value < 0:
            errors[name] = [_("Số phiếu không được âm.")]
    if not errors:
        if ballots_issued > present:
            errors["ballots_issued"] = [
                _("Số phiếu phát ra không quá số thành viên có mặt (%(n)s).") % {"n": present}
            ]
        if ballots_returned > ballots_issued:
            errors["ballots_returned"] = [_("Số phiếu thu về không quá số phiếu phát ra.")]
        if ballots_valid > ballots_returned:
            errors["ballots_valid"] = [_("Số phiếu hợp lệ không quá số phiếu thu về.")]
    items = list(locked.items.select_related("line__person", "line__organization"))
    conflicts = present_conflicts(locked)
    for item in items:
        if item.pk not in counts:
            errors[f"yes_{item.pk}"] = [_("Hãy nhập số phiếu.")]
            continue
        yes, no = counts[item.pk]
        limit = min(present - conflicts.get(item.pk, 0), ballots_valid)
        if yes < 0 or no < 0:
            errors[f"yes_{item.pk}"] = [_("Số phiếu không được âm.")]
        elif yes + no > limit:
            errors[f"yes_{item.pk}"] = [
                _(
                    "Đồng ý + không đồng ý (%(sum)s) vượt quá %(limit)s: số thành viên có mặt "
                    "được biểu quyết nội dung này, và không quá số phiếu hợp lệ."
                )
                % {"sum": yes + no, "limit": limit}
            ]
    if errors:
        raise ApplicationError(_("Kết quả kiểm phiếu chưa hợp lệ."), fields=errors)
    for item in items:
        item.yes_count, item.no_count = counts[item.pk]
    SessionItem.objects.bulk_update(items, ["yes_count", "no_count"])
    locked.ballots_issued = ballots_issued
    locked.ballots_returned = ballots_returned
    locked.ballots_valid = ballots_valid
    _bump(locked, list(summary))
    record(
        event_type=AuditEventType.SESSION_PAPER_TALLY_RECORDED,
        actor=actor,
        obj=locked,
        changes={"lines": [None, len(items)]},
    )
    return locked


# Closing -------------------------------------------------------------------------------------


def _next_minutes_number(symbol: str, year: int) -> int:
    """Take the next number of the council's minutes series under a row lock."""
    DocumentSeries.objects.get_or_create(symbol=symbol, year=year)
    series = DocumentSeries.objects.select_for_update().get(symbol=symbol, year=year)
    series.last_number += 1
    series.save(update_fields=["last_number"])
    return series.last_number


def _decided_line_count(proposal: Proposal) -> tuple[int, int]:
    """Return (lines the council must decide, lines it has decided) for ``proposal``."""
    lines = proposal.lines.filter(withdrawn=False, appraisal=AppraisalVerdict.ELIGIBLE)
    decided = lines.filter(
        session_items__session__state=SessionState.CLOSED, session_items__passed__isnull=False
    ).distinct()
    return lines.count(), decided.count()


@register_guard("council_voted")
def _council_voted(proposal: Proposal) -> str | None:
    """A proposal is "voted" once the council has decided every one of its eligible lines."""
    total, decided = _decided_line_count(proposal)
    if decided < total:
        return _("Còn %(n)s dòng chưa được Hội đồng biểu quyết.") % {"n": total - decided}
    return None


@transaction.atomic
def session_voting_close(*, actor: Any, session: CouncilSession) -> CouncilSession:
    """Close voting (the chair): apply the pass marks, number the minutes, reveal the results,
    and move each proposal whose eligible lines are all decided to "voted"."""
    locked = _lock(session)
    ensure_chair(actor, locked.council)
    _refuse_state(locked, SessionState.VOTING)
    attendance = dict(
        SessionAttendance.objects.filter(session=locked).values_list("member_id", "present")
    )
    members, present = len(attendance), sum(1 for here in attendance.values() if here)
    if locked.tally_source == TallySource.PAPER:
        if locked.ballots_valid is None:
            raise ApplicationError(_("Thư ký chưa nhập kết quả kiểm phiếu."))
    else:
        received = BallotReceipt.objects.filter(session=locked).count()
        locked.ballots_issued = present
        locked.ballots_returned = locked.ballots_valid = received
    items = list(
        locked.items.select_related("line__person", "line__organization", "line__proposal")
    )
    results = []
    for item in items:
        item.passed = is_passed(
            yes=item.yes_count,
            members=members,
            present=present,
            percent=item.threshold_percent,
            basis=item.threshold_basis,
        )
        results.append(
            [
                f"{recipient_name(item.line)} — {award_label(item.line.code)}",
                item.yes_count,
                item.no_count,
                item.passed,
            ]
        )
    SessionItem.objects.bulk_update(items, ["passed"])
    local_start = timezone.localtime(locked.starts_at)
    locked.minutes_symbol = locked.council.series_symbol
    locked.minutes_number = _next_minutes_number(locked.minutes_symbol, local_start.year)
    locked.state = SessionState.CLOSED
    locked.ended_at = timezone.now()
    _bump(
        locked,
        [
            "state",
            "ended_at",
            "minutes_number",
            "minutes_symbol",
            "ballots_issued",
            "ballots_returned",
            "ballots_valid",
        ],
    )
    record(
        event_type=AuditEventType.SESSION_VOTING_CLOSED,
        actor=actor,
        obj=locked,
        changes={
            "state": [SessionState.VOTING, SessionState.CLOSED],
            "minutes": [None, f"{locked.minutes_number:02d}/{locked.minutes_symbol}"],
            "results": [None, results],
        },
    )
    proposals = {item.line.proposal_id: item.line.proposal for item in items}
    for proposal in sorted(proposals.values(), key=lambda p: p.pk):
        if proposal.state != ProposalState.AT_COUNCIL:
            continue
        total, decided = _decided_line_count(proposal)
        if decided == total:
            proposal_transition(
                actor=actor, proposal=proposal, to_state=ProposalState.VOTED, system=True
            )
    return locked
