"""Who may act for a member, manage a pledge, review scores, see evidence and vote.

A member of a block is an organisation; a user acts for it when the user's own organisation
is that member and the role may act (a unit head, an enterprise representative, a leader who
signs, or an emulation officer or administrator placed in it). The leading member of a year is
the registry's ``GroupLeadership`` leader of that year. Board-wide writers (emulation officers)
keep the block's data on behalf of its members (pledge text, opening, publication, elections)
but never act as a member: they neither sign, self-assess, review nor vote unless their own
organisation is the member (decision 0613). The system (``actor=None``: demo data, commands,
never a request; decision 0021) may act for any member, naming it explicitly.

Every ``ensure_*`` raises 403 and is called by the services first and by the screens right
after reading the object, before any input is read.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.core.errors import PermissionDeniedError
from tdkt.emulation_groups.constants import ElectionState, PledgeState
from tdkt.emulation_groups.models import Election, Pledge
from tdkt.organizations.models import (
    EmulationGroup,
    GroupLeadership,
    GroupMembership,
    Organization,
)

ACTING_ROLES = {
    Role.ADMIN,
    Role.EMULATION_OFFICER,
    Role.UNIT_HEAD,
    Role.ENTERPRISE_REPRESENTATIVE,
    Role.LEADER,
}


def represented(actor: Any) -> Organization | None:
    """Return the organisation the actor may act for as a member, or None."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return None
    if actor.role not in ACTING_ROLES:
        return None
    org: Organization | None = actor.organization
    return org


def member_ids(group: EmulationGroup, year: int) -> set[int]:
    """Return the ids of the organisations that are members of ``group`` in ``year``."""
    return set(
        GroupMembership.objects.filter(group=group, year=year).values_list(
            "organization_id", flat=True
        )
    )


def leadership_of(group: EmulationGroup, year: int) -> GroupLeadership | None:
    """Return the leader and deputy recorded for ``year`` (elected or not), or None."""
    return (
        GroupLeadership.objects.filter(group=group, year=year)
        .select_related("leader", "deputy")
        .first()
    )


def acting_member(actor: Any, group: EmulationGroup, year: int) -> Organization | None:
    """Return the member of ``group`` in ``year`` the actor acts for, or None."""
    org = represented(actor)
    if org is None or org.pk not in member_ids(group, year):
        return None
    return org


def acts_for_leader(actor: Any, group: EmulationGroup, year: int) -> bool:
    """Return True when the actor acts for the leading member (khối trưởng) of ``year``."""
    org = represented(actor)
    leadership = leadership_of(group, year)
    return org is not None and leadership is not None and leadership.leader_id == org.pk


def leads_some_year(actor: Any, group: EmulationGroup) -> bool:
    """Return True when the actor may manage the block's data for at least one year: a
    board-wide writer, or a user acting for a member that leads the block in some year."""
    if is_board_writer(actor):
        return True
    org = represented(actor)
    return org is not None and GroupLeadership.objects.filter(group=group, leader=org).exists()


def ensure_leads_some_year(actor: Any, group: EmulationGroup) -> None:
    """Refuse (403), before a form is read, whoever may manage no year of the block."""
    if not leads_some_year(actor, group):
        raise PermissionDeniedError(
            _("Chỉ khối trưởng hoặc cán bộ thi đua được lập giao ước và tổ chức bầu.")
        )


def can_manage_pledge(actor: Any, group: EmulationGroup, year: int) -> bool:
    """Board-wide writers and the year's leading member draw up, open and publish a pledge."""
    return is_board_writer(actor) or acts_for_leader(actor, group, year)


def ensure_can_manage_pledge(actor: Any, group: EmulationGroup, year: int) -> None:
    if not can_manage_pledge(actor, group, year):
        raise PermissionDeniedError(
            _("Chỉ khối trưởng năm %(year)s hoặc cán bộ thi đua được làm việc này.")
            % {"year": year}
        )


def can_review(actor: Any, pledge: Pledge) -> bool:
    """Only the leading member of the pledge's year reviews and adjusts the scores."""
    return pledge.state == PledgeState.OPEN and acts_for_leader(actor, pledge.group, pledge.year)


def ensure_can_review(actor: Any, pledge: Pledge) -> None:
    if actor is not None and not acts_for_leader(actor, pledge.group, pledge.year):
        raise PermissionDeniedError(_("Chỉ khối trưởng của năm được thẩm định điểm."))


def ensure_acts_for(actor: Any, pledge: Pledge, organization: Organization) -> None:
    """Refuse unless the actor acts for ``organization`` and it is a member that year."""
    if actor is None and organization.pk in member_ids(pledge.group, pledge.year):
        return
    org = acting_member(actor, pledge.group, pledge.year)
    if org is None or org.pk != organization.pk:
        raise PermissionDeniedError(_("Bạn chỉ được làm việc này cho chính đơn vị mình."))


def ensure_is_member(
    actor: Any, pledge: Pledge, organization: Organization | None = None
) -> Organization:
    """Return the member the actor acts for in the pledge's year, or refuse (403).

    Only the system names ``organization``; a user always acts for their own.
    """
    if organization is not None:
        ensure_acts_for(actor, pledge, organization)
        return organization
    org = acting_member(actor, pledge.group, pledge.year)
    if org is None:
        raise PermissionDeniedError(_("Chỉ thành viên của khối được làm việc này."))
    return org


def can_see_evidence(actor: Any, pledge: Pledge) -> bool:
    """Evidence is for the block's members of the year (their scope) and emulation officers."""
    if is_board_writer(actor):
        return True
    scope = scope_for(actor)
    if scope.is_empty or scope.everything:
        return False
    return (
        GroupMembership.objects.filter(group=pledge.group, year=pledge.year)
        .filter(scope.q("organization__path"))
        .exists()
    )


def can_manage_election(actor: Any, group: EmulationGroup, year: int) -> bool:
    """Board-wide writers and the outgoing leader (of ``year - 1``) run the election."""
    return is_board_writer(actor) or acts_for_leader(actor, group, year - 1)


def ensure_can_manage_election(actor: Any, group: EmulationGroup, year: int) -> None:
    if not can_manage_election(actor, group, year):
        raise PermissionDeniedError(
            _("Chỉ khối trưởng đương nhiệm hoặc cán bộ thi đua được tổ chức bầu.")
        )


def ensure_can_vote(
    actor: Any, election: Election, voter: Organization | None = None
) -> Organization:
    """Return the member the actor votes for, or refuse (403): members of the term year vote.

    Only the system names ``voter`` (it may record any member's vote); a user votes for their
    own organisation.
    """
    if voter is not None:
        if actor is None and voter.pk in member_ids(election.group, election.year):
            return voter
        raise PermissionDeniedError(_("Chỉ thành viên của khối được bỏ phiếu."))
    org = acting_member(actor, election.group, election.year)
    if org is None:
        raise PermissionDeniedError(_("Chỉ thành viên của khối được bỏ phiếu."))
    return org


def can_vote(actor: Any, election: Election) -> bool:
    """Return True when the actor acts for an elector who has not voted in an open election."""
    if election.state != ElectionState.OPEN:
        return False
    org = acting_member(actor, election.group, election.year)
    return org is not None and not election.votes.filter(voter=org).exists()
