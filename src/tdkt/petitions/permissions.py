"""Who may read and handle petitions.

A petition names its sender, and a denunciation's sender must be protected (Law on
Denunciations 2018): only the people who handle petitions and the leaders who sign their
resolutions see them. Emulation officers and administrators handle them; leaders read them.
Council members, unit heads, enterprises and viewers see nothing: every petition page answers
them 404 like a missing one, and the menu does not show the register.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import is_board_writer
from tdkt.core.errors import NotFoundError, PermissionDeniedError

READING_ROLES = {Role.ADMIN, Role.EMULATION_OFFICER, Role.LEADER}


def may_read(actor: Any) -> bool:
    """True when the actor may see the register of petitions."""
    if actor is None:
        return True
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return bool(actor.is_superuser or actor.role in READING_ROLES)


def may_handle(actor: Any) -> bool:
    """True when the actor may receive, accept, resolve petitions and set their deadlines."""
    return may_read(actor) and is_board_writer(actor)


def not_found() -> NotFoundError:
    return NotFoundError(_("Không tìm thấy đơn thư."))


def ensure_read(actor: Any) -> None:
    """Refuse like a missing page: the register's existence is not told to outsiders."""
    if not may_read(actor):
        raise not_found()


def ensure_handle(actor: Any) -> None:
    """Refuse (403, or 404 for those who may not even read) before any input is read."""
    ensure_read(actor)
    if not may_handle(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được tiếp nhận và xử lý đơn thư.")
        )
