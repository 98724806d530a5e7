"""Who may see and do what in the council: one predicate and one refusal per kind of action.

* Officers and administrators (board-wide writers) set the council, its members and its
  sessions, and prepare the lines to vote on.
* A council and its sessions are visible to board-wide readers and to every user who holds a
  seat on that council (a department head may sit on the council without reading the whole
  registry). Anyone else gets "not found", like a missing council.
* Inside a session, only the chair opens and closes voting, only the secretary records the
  attendance, the paper tally and the proceedings, only members vote or declare a conflict.

Services call the ``ensure_*`` refusals first; screens call them right after the lookup and
before reading the input (403 before validation, docs/decisions/0013); templates show a button
only when the matching ``can_*`` predicate holds.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.commendations.constants import CouncilRole
from tdkt.commendations.models import Council, CouncilMember
from tdkt.core.errors import PermissionDeniedError


def seat_of(actor: Any, council: Council) -> CouncilMember | None:
    """Return the actor's seat on ``council`` (None when they hold none or are signed out)."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return None
    return CouncilMember.objects.filter(council=council, user=actor).first()


def can_see_council(actor: Any, council: Council) -> bool:
    """Return True for board-wide readers and for the members of ``council``."""
    return scope_for(actor).everything or seat_of(actor, council) is not None


def can_manage_councils(actor: Any) -> bool:
    """Return True when the actor may set councils, members and sessions (officers)."""
    return is_board_writer(actor)


def ensure_can_manage_councils(actor: Any) -> None:
    """Refuse (403) unless the actor is an emulation officer or an administrator."""
    if not can_manage_councils(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được lập Hội đồng và chuẩn bị phiên họp.")
        )


def has_role(actor: Any, council: Council, role: str) -> bool:
    """Return True when the actor holds the seat of ``role`` on ``council``."""
    seat = seat_of(actor, council)
    return seat is not None and seat.role == role


def ensure_chair(actor: Any, council: Council) -> CouncilMember:
    """Refuse (403) unless the actor chairs ``council``; return the seat."""
    seat = seat_of(actor, council)
    if seat is None or seat.role != CouncilRole.CHAIR:
        raise PermissionDeniedError(_("Chỉ Chủ tịch Hội đồng được bắt đầu và kết thúc bỏ phiếu."))
    return seat


def ensure_secretary(actor: Any, council: Council) -> CouncilMember:
    """Refuse (403) unless the actor is the secretary of ``council``; return the seat."""
    seat = seat_of(actor, council)
    if seat is None or seat.role != CouncilRole.SECRETARY:
        raise PermissionDeniedError(
            _("Chỉ Thư ký Hội đồng được điểm danh, nhập kết quả kiểm phiếu và ghi biên bản.")
        )
    return seat


def ensure_member(actor: Any, council: Council) -> CouncilMember:
    """Refuse (403) unless the actor holds a seat on ``council``; return the seat."""
    seat = seat_of(actor, council)
    if seat is None:
        raise PermissionDeniedError(_("Chỉ thành viên Hội đồng được bỏ phiếu."))
    return seat
