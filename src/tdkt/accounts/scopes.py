"""What a user may see and change, decided in one place.

Rules:

* admin and emulation officer: the whole registry, read and write;
* leader and council member: the whole registry, read only (they review and sign for all units);
* unit head: the subtree of their organisation, read and write;
* enterprise representative: their own enterprise, read and write;
* viewer: the subtree of their organisation, read only;
* a user without an organisation (and not board-wide), an inactive or an anonymous user sees
  nothing;
* ``None`` is the system (set-up, migrations, demo data, commands run on the server): it may
  read and change everything. Web views and API endpoints always pass ``request.user`` (a user
  or ``AnonymousUser``), never ``None`` (decision 0021).

The helpers below are the only way selectors apply these rules (docs/decisions/0013):

* ``scoped(queryset, actor, path_field=…)`` keeps the rows whose organisation is in scope;
* ``get_visible(queryset, uuid=…, visible=…, message=…)`` is every single-object lookup: an
  object outside the scope answers exactly like one that does not exist (404);
* ``ensure_board_writer`` refuses (403) a change of board-wide data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tdkt.core.errors import NotFoundError, OutOfScopeError, PermissionDeniedError

from .constants import Role

BOARD_WIDE_READ = {Role.ADMIN, Role.EMULATION_OFFICER, Role.LEADER, Role.COUNCIL_MEMBER}
BOARD_WIDE_WRITE = {Role.ADMIN, Role.EMULATION_OFFICER}
SUBTREE_WRITE = {Role.UNIT_HEAD, Role.ENTERPRISE_REPRESENTATIVE}

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Scope:
    """The organisations a user may read, as path prefixes; ``everything`` means no filter."""

    everything: bool
    path_prefixes: tuple[str, ...]
    can_write: bool

    @property
    def is_empty(self) -> bool:
        """True when the user may read nothing at all (not even shared reference data)."""
        return not self.everything and not self.path_prefixes

    @property
    def is_board_writer(self) -> bool:
        """True when the user may change board-wide data: reference data, rules, calendar."""
        return self.everything and self.can_write

    def covers_path(self, path: str) -> bool:
        """Return True when an organisation with this materialised path is in scope."""
        return self.everything or any(path.startswith(p) for p in self.path_prefixes)

    def can_write_path(self, path: str) -> bool:
        """Return True when the user may change records of the organisation at ``path``."""
        return self.can_write and self.covers_path(path)

    def q(self, path_field: str = "path") -> Q:
        """Return the filter keeping rows whose organisation path (``path_field``) is in scope.

        ``covers_path`` is the same rule for one path already in memory.
        """
        if self.everything:
            return Q()
        if not self.path_prefixes:
            return Q(pk__in=[])
        condition = Q()
        for prefix in self.path_prefixes:
            condition |= Q(**{f"{path_field}__startswith": prefix})
        return condition


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


def scoped(queryset: QuerySet[M], actor: Any, *, path_field: str = "path") -> QuerySet[M]:
    """Keep the rows of ``queryset`` whose organisation (reached by ``path_field``) the actor
    may read, e.g. ``scoped(Employment.objects.all(), actor, path_field="organization__path")``.
    """
    return queryset.filter(scope_for(actor).q(path_field))


def get_visible(
    queryset: QuerySet[M],
    *,
    uuid: UUID | str,
    visible: Callable[[M], bool],
    message: str,
) -> M:
    """Return the row of ``queryset`` with public id ``uuid`` when ``visible`` says the actor
    may see it; otherwise raise a 404 carrying ``message``.

    A malformed id, a missing row and a row outside the scope answer alike, so no response
    tells an outsider that an object exists. The last case raises ``OutOfScopeError`` (a
    ``NotFoundError``) so that the interfaces can record the attempt as ACCESS_DENIED.
    """
    try:
        key = uuid if isinstance(uuid, UUID) else UUID(str(uuid))
    except ValueError:
        raise NotFoundError(message) from None
    obj = queryset.filter(uuid=key).first()
    if obj is None:
        raise NotFoundError(message)
    if not visible(obj):
        raise OutOfScopeError(message)
    return obj


def is_board_writer(actor: Any) -> bool:
    """Return True when the actor may change board-wide data: reference data, rules, calendar."""
    return scope_for(actor).is_board_writer


def ensure_board_writer(actor: Any, message: str | None = None) -> None:
    """Refuse (403) unless the actor may change board-wide data (see ``is_board_writer``).

    ``message`` says what was refused, in Vietnamese, when the default is too vague.
    """
    if not is_board_writer(actor):
        raise PermissionDeniedError(
            message or _("Chỉ cán bộ thi đua – khen thưởng được thay đổi mục này.")
        )
