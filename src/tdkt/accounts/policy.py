"""Who may manage which accounts, decided in one place (decision 0020).

* Account managers are administrators and emulation officers; other roles see only their own
  account.
* Only an administrator may change an administrator's account or grant the administrator
  role.
* Nobody changes their own role, organisation or status, and nobody disables themself (the
  services refuse; the screens do not offer it).
* The last active administrator can be neither disabled nor given another role.
* ``None`` is the system (decision 0021) and may do everything; screens and the API never
  pass it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from tdkt.core.errors import PermissionDeniedError

from .constants import Role

ACCOUNT_MANAGER_ROLES = {Role.ADMIN, Role.EMULATION_OFFICER}


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(user.is_active)


def is_administrator(user: Any) -> bool:
    """Return True for an administrator account (role, or a superuser from before roles)."""
    return bool(
        user is not None
        and (getattr(user, "is_superuser", False) or getattr(user, "role", None) == Role.ADMIN)
    )


def can_manage_accounts(actor: Any) -> bool:
    """Return True when the actor may list, create and change accounts."""
    if actor is None:
        return True
    return _signed_in(actor) and (is_administrator(actor) or actor.role in ACCOUNT_MANAGER_ROLES)


def ensure_can_manage_accounts(actor: Any) -> None:
    """Refuse (403) unless the actor is an account manager."""
    if not can_manage_accounts(actor):
        raise PermissionDeniedError(
            _("Chỉ quản trị hệ thống và cán bộ thi đua – khen thưởng được quản lý tài khoản.")
        )


def can_read_account(actor: Any, target: Any) -> bool:
    """Return True when the actor may see ``target``: managers see all, others themselves."""
    if can_manage_accounts(actor):
        return True
    return _signed_in(actor) and actor.pk == target.pk


def can_change_account(actor: Any, target: Any) -> bool:
    """Return True when the actor may change ``target`` (an administrator's only by another)."""
    if actor is None:
        return True
    if not can_manage_accounts(actor):
        return False
    return is_administrator(actor) or not is_administrator(target)


def ensure_can_change_account(actor: Any, target: Any) -> None:
    """Refuse (403) unless the actor may change ``target``."""
    ensure_can_manage_accounts(actor)
    if not can_change_account(actor, target):
        raise PermissionDeniedError(
            _("Chỉ quản trị hệ thống được thay đổi tài khoản của quản trị hệ thống.")
        )


def grantable_roles(actor: Any) -> list[Role]:
    """Return the roles the actor may give: all for administrators, all but theirs for officers."""
    if not can_manage_accounts(actor):
        return []
    if actor is None or is_administrator(actor):
        return list(Role)
    return [role for role in Role if role != Role.ADMIN]


def ensure_can_grant_role(actor: Any, role: str) -> None:
    """Refuse (403) a role the actor may not give."""
    if role not in grantable_roles(actor):
        raise PermissionDeniedError(_("Chỉ quản trị hệ thống được cấp vai trò quản trị hệ thống."))


def is_self(actor: Any, target: Any) -> bool:
    """Return True when the actor is acting on their own account."""
    return actor is not None and actor.pk == target.pk


@dataclass(frozen=True)
class AccountActions:
    """What the screens offer the actor on one account (the services check again)."""

    edit: bool
    set_password: bool
    deactivate: bool
    reactivate: bool
    unlock: bool

    @property
    def any(self) -> bool:
        return self.edit or self.set_password or self.deactivate or self.reactivate or self.unlock


def account_actions(actor: Any, target: Any, *, locked: bool = False) -> AccountActions:
    """Return the actions to show; self-disabling is never offered (the last-administrator
    rule is left to the service, which explains itself)."""
    change = can_change_account(actor, target)
    own = is_self(actor, target)
    return AccountActions(
        edit=change,
        set_password=change and not own,
        deactivate=change and not own and target.is_active,
        reactivate=change and not target.is_active,
        unlock=change and locked,
    )
