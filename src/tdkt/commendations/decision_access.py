"""Who may publish, draft, sign, revoke and keep the fund: one predicate and one refusal each.

Services call the ``ensure_*`` refusal first (403 before the input is read, decision 0013);
screens call the ``can_*`` predicate to show only the actions a user may take.

* Emulation officers and administrators (board-wide writers) publish the voted list, record
  comments, withdraw lines, draft decisions, revoke awards and keep the fund.
* Leaders sign decisions, and only they do: signing is the leader's act in law (Decree
  30/2020 Art 13), so an administrator cannot sign in their place.
* Board-wide readers (leaders, council members, officers) read every decision and the fund;
  units read the outcome of their own lines only (``selectors.decisions``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.core.errors import PermissionDeniedError


def can_manage_decisions(actor: Any) -> bool:
    """Publish, record comments, withdraw lines, draft and revoke (board-wide writers)."""
    return is_board_writer(actor)


def ensure_can_manage_decisions(actor: Any) -> None:
    """Refuse (403) unless the actor is an emulation officer or an administrator."""
    if not can_manage_decisions(actor):
        raise PermissionDeniedError(_("Chỉ cán bộ thi đua – khen thưởng được thực hiện việc này."))


def can_sign_decisions(actor: Any) -> bool:
    """Sign a decision: an active leader account, nobody else."""
    return bool(
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and actor.is_active
        and actor.role == Role.LEADER
    )


def ensure_can_sign_decisions(actor: Any) -> None:
    """Refuse (403) unless the actor is a leader."""
    if not can_sign_decisions(actor):
        raise PermissionDeniedError(_("Chỉ lãnh đạo Ban được ký quyết định khen thưởng."))


def can_read_all_decisions(actor: Any) -> bool:
    """Read every decision, draft or signed, with all its lines (board-wide readers)."""
    return scope_for(actor).everything


def can_read_fund(actor: Any) -> bool:
    """See the reward fund (board-wide readers)."""
    return scope_for(actor).everything


def ensure_can_read_fund(actor: Any) -> None:
    """Refuse (403) the fund's page to users who only see their own unit."""
    if not can_read_fund(actor):
        raise PermissionDeniedError(
            _("Quỹ thi đua, khen thưởng chỉ dành cho lãnh đạo và cán bộ thi đua – khen thưởng.")
        )


def can_manage_fund(actor: Any) -> bool:
    """Record the fund's opening balance, receipts, payments and recoveries."""
    return is_board_writer(actor)


def ensure_can_manage_fund(actor: Any) -> None:
    """Refuse (403) unless the actor is an emulation officer or an administrator."""
    if not can_manage_fund(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được ghi thu, chi của quỹ.")
        )
