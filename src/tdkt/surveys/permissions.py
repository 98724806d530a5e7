"""Who may manage surveys, answer them and read their results (decision 0813).

* Emulation officers and administrators (board-wide writers) write the surveys, open and
  close them, and read everything: the results with each enterprise's name, the raw answers.
* Leaders read the results: the figures and the comments, without the enterprises' names.
* An enterprise representative answers for their own enterprise (the organisation of their
  account, of kind enterprise) and sees only that enterprise's answers.
* Everyone else (unit heads, council members, viewers) sees no survey: the answers are about
  the Board's services and are kept to the people who act on them.

The system (``actor=None``: demo data, commands) may do everything, naming the enterprise it
answers for. Each ``ensure_*`` raises 403 and is called by the services first.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import is_board_writer
from tdkt.core.errors import NotFoundError, PermissionDeniedError
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.models import Organization

RESULT_READERS = {Role.ADMIN, Role.EMULATION_OFFICER, Role.LEADER}


def _active(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and actor.is_active)


def can_manage(actor: Any) -> bool:
    """Return True when the actor writes surveys (board-wide writers and the system)."""
    return is_board_writer(actor)


def can_read_results(actor: Any) -> bool:
    """Return True when the actor may read a survey's results."""
    if actor is None:
        return True
    return _active(actor) and (actor.is_superuser or actor.role in RESULT_READERS)


def can_see_names(actor: Any) -> bool:
    """Return True when the actor may see which enterprise gave which answer."""
    return is_board_writer(actor)


def answering_enterprise(actor: Any) -> Organization | None:
    """Return the enterprise the actor answers for, or None."""
    if actor is None or not _active(actor):
        return None
    if actor.role != Role.ENTERPRISE_REPRESENTATIVE:
        return None
    org: Organization | None = actor.organization
    if org is None or org.kind != OrganizationKind.ENTERPRISE or not org.is_active:
        return None
    return org


def sees_surveys(actor: Any) -> bool:
    """Return True when the actor has any survey page to see (the menu's test)."""
    return can_read_results(actor) or answering_enterprise(actor) is not None


def ensure_sees_surveys(actor: Any) -> None:
    """Anyone with no survey page at all is told "not found", never "forbidden"."""
    if not sees_surveys(actor):
        raise NotFoundError(_("Không tìm thấy khảo sát."))


def ensure_can_manage(actor: Any) -> None:
    ensure_sees_surveys(actor)
    if not can_manage(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được soạn và mở, đóng khảo sát.")
        )


def ensure_can_read_results(actor: Any) -> None:
    """Results are not a page an enterprise or an outsider has: they are told "not found",
    like for a survey they may not see (decision 0813)."""
    if not can_read_results(actor):
        raise NotFoundError(_("Không tìm thấy khảo sát."))


def ensure_can_see_names(actor: Any) -> None:
    if not can_see_names(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được xem phiếu trả lời của từng doanh nghiệp.")
        )


def ensure_answers_for(actor: Any, enterprise: Organization | None) -> Organization:
    """Return the enterprise ``actor`` answers for; refuse anyone who answers for none.

    The system names the enterprise; a user answers only for their own.
    """
    if actor is None:
        if enterprise is None or enterprise.kind != OrganizationKind.ENTERPRISE:
            raise PermissionDeniedError(_("Chỉ doanh nghiệp được trả lời khảo sát."))
        return enterprise
    own = answering_enterprise(actor)
    if own is None or (enterprise is not None and enterprise.pk != own.pk):
        raise PermissionDeniedError(
            _("Chỉ đại diện doanh nghiệp được trả lời khảo sát, cho doanh nghiệp của mình.")
        )
    return own
