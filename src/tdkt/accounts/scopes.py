"""What a user may see and change, decided in one place.

Selectors filter querysets with ``Scope``; services call ``ensure_can_write``. Rules:

* admin and emulation officer: the whole registry, read and write;
* leader and council member: the whole registry, read only (they review and sign for all units);
* unit head: the subtree of their organisation, read and write;
* enterprise representative: their own enterprise, read and write;
* viewer: the subtree of their organisation, read only;
* a user without an organisation (and not board-wide) sees nothing;
* ``None`` is the system (set-up, migrations, demo data, commands run on the server): it may
  read and change everything. Web views and API endpoints always pass ``request.user`` (a user
  or ``AnonymousUser``), never ``None`` (decision 0021).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from tdkt.core.errors import PermissionDeniedError

from .constants import Role

BOARD_WIDE_READ = {Role.ADMIN, Role.EMULATION_OFFICER, Role.LEADER, Role.COUNCIL_MEMBER}
BOARD_WIDE_WRITE = {Role.ADMIN, Role.EMULATION_OFFICER}
SUBTREE_WRITE = {Role.UNIT_HEAD, Role.ENTERPRISE_REPRESENTATIVE}


@dataclass(frozen=True)
class Scope:
    """The organisations a user may read, as path prefixes; ``everything`` means no filter."""

    everything: bool
    path_prefixes: tuple[str, ...]
    can_write: bool

    def covers_path(self, path: str) -> bool:
        """Return True when an organisation with this materialised path is in scope."""
        return self.everything or any(path.startswith(p) for p in self.path_prefixes)


NO_SCOPE = Scope(everything=False, path_prefixes=(), can_write=False)
SYSTEM_SCOPE = Scope(everything=True, path_prefixes=(), can_write=True)


def scope_for(user: Any) -> Scope:
    """Return the read/write scope of ``user``: everything for the system (``None``), nothing
    for anonymous and inactive users."""
    if user is None:
        return SYSTEM_SCOPE
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NO_SCOPE
    role = user.role
    if user.is_superuser or role in BOARD_WIDE_READ:
        return Scope(True, (), user.is_superuser or role in BOARD_WIDE_WRITE)
    org = user.organization
    if org is None:
        return NO_SCOPE
    return Scope(False, (org.path,), role in SUBTREE_WRITE)


def is_board_writer(actor: Any) -> bool:
    """Return True when the actor may change board-wide data: reference data, rules, calendar."""
    scope = scope_for(actor)
    return scope.everything and scope.can_write


def ensure_board_writer(actor: Any, message: str | None = None) -> None:
    """Refuse (403) unless the actor may change board-wide data (see ``is_board_writer``).

    ``message`` says what was refused, in Vietnamese, when the default is too vague.
    """
    if not is_board_writer(actor):
        raise PermissionDeniedError(
            message or _("Chỉ cán bộ thi đua – khen thưởng được thay đổi mục này.")
        )
