"""The results of a council session: the paper tally, and closing the vote.

Closing applies each line's pass mark (``council_rules.is_passed``), numbers the minutes in the
council's own series, reveals the results and moves each proposal whose eligible lines are all
decided to "voted" through the workflow, whose ``council_voted`` guard is registered here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import (
    AppraisalVerdict,
    ProposalState,
    SessionState,
    TallySource,
)
from tdkt.commendations.council_access import ensure_chair, ensure_secretary
from tdkt.commendations.council_rules import is_passed
from tdkt.commendations.models import (
    BallotReceipt,
    CouncilSession,
    DocumentSeries,
    Proposal,
    SessionAttendance,
    SessionItem,
)
from tdkt.commendations.selectors.council import award_label, recipient_name
from tdkt.commendations.selectors.council_sessions import present_conflicts
from tdkt.commendations.services.council_common import (
    bump,
    check_version,
    lock_session,
    refuse_state,
)
from tdkt.commendations.workflow import proposal_transition, register_guard
from tdkt.core.errors import ApplicationError


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
    locked = lock_session(session)
    ensure_secretary(actor, locked.council)
    check_version(locked, expected_version, _("Phiên họp"))
    if locked.tally_source != TallySource.PAPER:
        raise ApplicationError(_("Phiên họp này bỏ phiếu điện tử."))
    refuse_state(locked, SessionState.VOTING)
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
    bump(locked, list(summary))
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
    locked = lock_session(session)
    ensure_chair(actor, locked.council)
    refuse_state(locked, SessionState.VOTING)
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
    bump(
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
