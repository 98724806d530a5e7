"""Elections of a block's leader and deputy: open, one open vote per member, close, cancel.

The vote is open (each member's choice is recorded and shown to the members), decided in
decision 0614: legal-rules §7 asks only that the members elect ("tín nhiệm bầu") in rotation at
the year-end review; the voters are institutions acting officially, and an open, recorded vote
lets every member check the result. Closing needs more than half of the members to have voted;
the most leader votes win, then the most deputy votes among the others; a tie is not broken
by the app: the election is cancelled and held again.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.emulation_groups.constants import ElectionState
from tdkt.emulation_groups.models import Election, Vote
from tdkt.emulation_groups.permissions import (
    ensure_can_manage_election,
    ensure_can_vote,
    leadership_of,
    member_ids,
)
from tdkt.organizations.models import EmulationGroup, GroupLeadership, Organization

from .common import check_year


def _lock(election: Election) -> Election:
    return Election.objects.select_for_update().select_related("group").get(pk=election.pk)


def _require_open(election: Election) -> None:
    if election.state != ElectionState.OPEN:
        raise ConflictError(_("Cuộc bầu đã kết thúc hoặc đã huỷ."))


@transaction.atomic
def election_open(*, actor: Any, group: EmulationGroup, year: int) -> Election:
    """Open the members' vote on the leader and deputy of ``group`` for ``year``."""
    ensure_can_manage_election(actor, group, year)
    check_year(year)
    EmulationGroup.objects.select_for_update().get(pk=group.pk)
    if len(member_ids(group, year)) < 2:
        message = _("Khối cần ít nhất hai thành viên trong năm %(year)s.") % {"year": year}
        raise ApplicationError(message, fields={"year": [message]})
    if (
        Election.objects.filter(group=group, year=year)
        .exclude(state=ElectionState.CANCELLED)
        .exists()
    ):
        message = _("Khối đã có cuộc bầu cho năm %(year)s.") % {"year": year}
        raise ApplicationError(message, fields={"year": [message]})
    election = Election.objects.create(
        group=group, year=year, opened_by=actor, opened_at=timezone.now()
    )
    record(
        event_type=AuditEventType.ELECTION_OPENED,
        actor=actor,
        obj=election,
        changes={"group": [None, group.name], "year": [None, year]},
    )
    return election


@transaction.atomic
def election_vote(
    *,
    actor: Any,
    election: Election,
    leader: Organization,
    deputy: Organization | None = None,
    voter: Organization | None = None,
) -> Vote:
    """Cast the actor's member's one vote: a leader and optionally a deputy, both members.

    ``voter`` is for the system only (recording a vote cast on paper at the review).
    """
    voter = ensure_can_vote(actor, election, voter)
    locked = _lock(election)
    _require_open(locked)
    if locked.votes.filter(voter=voter).exists():
        raise ConflictError(_("Đơn vị bạn đã bỏ phiếu trong cuộc bầu này."))
    members = member_ids(locked.group, locked.year)
    errors: dict[str, list[str]] = {}
    if leader.pk not in members:
        errors["leader"] = [_("Hãy chọn một thành viên của khối.")]
    if deputy is not None and deputy.pk not in members:
        errors["deputy"] = [_("Hãy chọn một thành viên của khối.")]
    if deputy is not None and deputy.pk == leader.pk:
        errors["deputy"] = [_("Khối phó phải khác khối trưởng.")]
    if errors:
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=errors)
    try:
        with transaction.atomic():
            vote = Vote.objects.create(
                election=locked,
                voter=voter,
                cast_by=actor,
                cast_at=timezone.now(),
                leader=leader,
                deputy=deputy,
            )
    except IntegrityError:
        raise ConflictError(_("Đơn vị bạn đã bỏ phiếu trong cuộc bầu này.")) from None
    record(
        event_type=AuditEventType.ELECTION_VOTED,
        actor=actor,
        obj=locked,
        changes={
            "voter": [None, voter.name],
            "leader": [None, leader.name],
            "deputy": [None, deputy.name if deputy else None],
        },
    )
    return vote


def _winner(counts: Counter[int], what: str) -> int:
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        raise ApplicationError(
            _("Số phiếu bầu %(what)s bằng nhau: hãy huỷ cuộc bầu này và bầu lại.") % {"what": what}
        )
    return ranked[0][0]


@transaction.atomic
def election_close(*, actor: Any, election: Election) -> Election:
    """Count the votes and record the result as the registry's leadership of the year."""
    ensure_can_manage_election(actor, election.group, election.year)
    locked = _lock(election)
    _require_open(locked)
    electors = member_ids(locked.group, locked.year)
    votes = list(locked.votes.filter(voter_id__in=electors))
    if len(votes) * 2 <= len(electors):
        raise ApplicationError(
            _("Mới có %(n)s trên %(total)s thành viên bỏ phiếu; cần quá nửa.")
            % {"n": len(votes), "total": len(electors)}
        )
    leader_id = _winner(Counter(v.leader_id for v in votes), _("khối trưởng"))
    deputy_counts = Counter(
        v.deputy_id for v in votes if v.deputy_id is not None and v.deputy_id != leader_id
    )
    deputy_id = _winner(deputy_counts, _("khối phó")) if deputy_counts else None
    leader = Organization.objects.get(pk=leader_id)
    deputy = Organization.objects.get(pk=deputy_id) if deputy_id else None
    previous = leadership_of(locked.group, locked.year)
    before = {
        "leader": previous.leader.name if previous else None,
        "deputy": previous.deputy.name if previous and previous.deputy else None,
    }
    if previous is None:
        GroupLeadership.objects.create(
            group=locked.group, year=locked.year, leader=leader, deputy=deputy
        )
    else:
        previous.leader, previous.deputy = leader, deputy
        previous.save(update_fields=["leader", "deputy"])
    locked.state = ElectionState.CLOSED
    locked.closed_at = timezone.now()
    locked.leader, locked.deputy = leader, deputy
    locked.save(update_fields=["state", "closed_at", "leader", "deputy"])
    after = {"leader": leader.name, "deputy": deputy.name if deputy else None}
    tally = {
        "votes": [None, len(votes)],
        "electors": [None, len(electors)],
        "leader": [before["leader"], after["leader"]],
        "deputy": [before["deputy"], after["deputy"]],
    }
    record(event_type=AuditEventType.ELECTION_CLOSED, actor=actor, obj=locked, changes=tally)
    record(
        event_type=AuditEventType.GROUP_LEADERSHIP_SET,
        actor=actor,
        obj=locked.group,
        changes={
            "year": [None, locked.year],
            "leader": [before["leader"], after["leader"]],
            "deputy": [before["deputy"], after["deputy"]],
        },
    )
    return locked


@transaction.atomic
def election_cancel(*, actor: Any, election: Election) -> Election:
    """Cancel an open election (a tie, a mistake); its votes stay as a record."""
    ensure_can_manage_election(actor, election.group, election.year)
    locked = _lock(election)
    _require_open(locked)
    locked.state = ElectionState.CANCELLED
    locked.closed_at = timezone.now()
    locked.save(update_fields=["state", "closed_at"])
    record(
        event_type=AuditEventType.ELECTION_CANCELLED,
        actor=actor,
        obj=locked,
        changes={"state": [ElectionState.OPEN.value, ElectionState.CANCELLED.value]},
    )
    return locked
