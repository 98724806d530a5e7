"""Who may do what in a writing contest: one predicate and one refusal per act.

* Emulation officers and administrators (board-wide writers) organise: create and edit a
  contest, choose its jury, open it, start the judging, assign the prizes and publish.
* A unit head submits entries for their own unit, an enterprise representative for their
  enterprise; the writers of a unit (its head, or the head of a unit above it) may edit or
  withdraw the unit's entries while submissions are open.
* A juror is a user the officer put on the contest's jury: they score each entry they are not
  excluded from, and may declare a conflict of interest instead (decision 0806).
* The system (``actor=None``: demo data and commands, never a request; decision 0021) may do
  everything, naming the unit explicitly.

Services call the ``ensure_*`` refusals first; screens call them after the lookup and before
reading the input (403 before validation); templates show a button only when ``can_*`` holds.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.contests.models import Contest, Entry
from tdkt.core.errors import PermissionDeniedError
from tdkt.organizations.models import Organization

SUBMITTER_ROLES = {Role.UNIT_HEAD, Role.ENTERPRISE_REPRESENTATIVE}


def _active(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and actor.is_active)


def can_manage_contests(actor: Any) -> bool:
    """Return True when the actor organises contests (create, jury, moves, prizes)."""
    return is_board_writer(actor)


def ensure_can_manage_contests(actor: Any) -> None:
    """Refuse (403) unless the actor organises contests."""
    if not can_manage_contests(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được tổ chức cuộc thi viết.")
        )


def submitting_organization(actor: Any) -> Organization | None:
    """Return the unit or enterprise the actor sends entries for, or None."""
    if not _active(actor) or actor.role not in SUBMITTER_ROLES:
        return None
    org: Organization | None = actor.organization
    return org


def can_submit_for(actor: Any, organization: Organization) -> bool:
    """Return True when the actor may send an entry in the name of ``organization``."""
    if actor is None:
        return True
    own = submitting_organization(actor)
    return own is not None and own.pk == organization.pk and organization.is_active


def ensure_can_submit_for(actor: Any, organization: Organization) -> None:
    """Refuse (403) unless the actor sends entries for ``organization``."""
    if not can_submit_for(actor, organization):
        raise PermissionDeniedError(
            _(
                "Chỉ thủ trưởng đơn vị hoặc đại diện doanh nghiệp được gửi bài dự thi cho đơn vị "
                "của mình."
            )
        )


def ensure_submitter(actor: Any) -> Organization:
    """Return the unit the actor sends entries for; refuse (403) whoever sends none."""
    own = submitting_organization(actor)
    if own is None or not own.is_active:
        raise PermissionDeniedError(
            _(
                "Chỉ thủ trưởng đơn vị hoặc đại diện doanh nghiệp được gửi bài dự thi cho đơn vị "
                "của mình."
            )
        )
    return own


def is_submitting_side(actor: Any, entry: Entry) -> bool:
    """Return True when the actor writes for the entry's unit (not as a board-wide writer)."""
    if actor is None:
        return True
    scope = scope_for(actor)
    return (
        not scope.everything
        and actor.role in SUBMITTER_ROLES
        and scope.can_write_path(entry.organization.path)
    )


def ensure_submitting_side(actor: Any, entry: Entry) -> None:
    """Refuse (403) unless the actor writes for the entry's unit."""
    if not is_submitting_side(actor, entry):
        raise PermissionDeniedError(_("Chỉ đơn vị gửi bài được sửa hoặc rút bài dự thi."))


def is_juror(actor: Any, contest: Contest) -> bool:
    """Return True when the actor sits on the contest's jury."""
    if not _active(actor):
        return False
    return any(juror.pk == actor.pk for juror in contest.jurors.all())


def ensure_juror(actor: Any, contest: Contest) -> None:
    """Refuse (403) unless the actor sits on the contest's jury."""
    if not is_juror(actor, contest):
        raise PermissionDeniedError(_("Chỉ thành viên ban giám khảo được chấm bài."))


def excluded_automatically(juror: Any, entry: Entry) -> bool:
    """Return True when the juror is on the side of the entry and never scores it, without
    having to say so (decision 0806): they belong to the unit that sent it, write for it (the
    head of a unit above it; never a board-wide user), sent it themselves, or are the person
    it is about."""
    if juror is None:
        return False
    org_id = getattr(juror, "organization_id", None)
    if org_id is not None and org_id == entry.organization_id:
        return True
    if entry.submitted_by_id is not None and entry.submitted_by_id == juror.pk:
        return True
    person_id = getattr(juror, "person_id", None)
    if person_id is not None and entry.subject_person_id == person_id:
        return True
    return bool(getattr(juror, "is_active", False)) and is_submitting_side(juror, entry)
