"""The states of a movement as data, and the one function that moves a movement between them.

``movement_transition`` locks the movement, checks the move, the actor, the expected version
(so two officers acting at once get one result and a clear message, never a lost update) and
the guard, writes the new state, records the timeline step and the audit event, and runs the
move's effect (the launch notifies the participants), all in one transaction. Guards and
effects are registered by the modules that own them (``register_guard``/``register_effect``),
so this module stays the one list of moves, like ``tdkt.commendations.workflow``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.movements.constants import MovementState
from tdkt.movements.models import Movement, MovementTransition
from tdkt.movements.permissions import ensure_can_manage_movements

S = MovementState


@dataclass(frozen=True)
class Move:
    """One allowed move: from, to, whether a reason is required, its guard and its effect."""

    source: str
    target: str
    needs_reason: bool = False
    guard: str = ""
    effect: str = ""


MOVES: tuple[Move, ...] = (
    Move(S.DRAFT, S.LAUNCHED, guard="ready_to_launch", effect="announce_launch"),
    Move(S.LAUNCHED, S.UNDER_REVIEW),
    Move(S.UNDER_REVIEW, S.LAUNCHED, needs_reason=True),
    Move(S.UNDER_REVIEW, S.CLOSED),
)

# States in which the movement's texts, criteria, deadlines and participants may change.
EDITABLE = frozenset({S.DRAFT, S.LAUNCHED, S.UNDER_REVIEW})
# States in which units' scores may be entered or computed.
SCORING = frozenset({S.LAUNCHED, S.UNDER_REVIEW})

Guard = Callable[[Movement], str | None]
"""A guard returns None when the move may go ahead, otherwise the Vietnamese reason why not."""
Effect = Callable[[Any, Movement], None]
"""An effect runs inside the transaction after the move is written (actor, movement)."""

_GUARDS: dict[str, Guard] = {}
_EFFECTS: dict[str, Effect] = {}


def register_guard(name: str) -> Callable[[Guard], Guard]:
    """Register the guard ``name`` (a decorator used by the module that owns it)."""

    def decorator(func: Guard) -> Guard:
        _GUARDS[name] = func
        return func

    return decorator


def register_effect(name: str) -> Callable[[Effect], Effect]:
    """Register the effect ``name`` (a decorator used by the module that owns it)."""

    def decorator(func: Effect) -> Effect:
        _EFFECTS[name] = func
        return func

    return decorator


@register_guard("ready_to_launch")
def _ready_to_launch(movement: Movement) -> str | None:
    if not movement.participants.exists():
        return _("Chưa chọn đơn vị tham gia phong trào.")
    return None


def moves_from(state: str) -> tuple[Move, ...]:
    """Return the moves allowed from ``state`` (to show only the actions a user may take)."""
    return tuple(move for move in MOVES if move.source == state)


def _find_move(source: str, target: str) -> Move | None:
    return next((m for m in MOVES if m.source == source and m.target == target), None)


def lock_movement(movement: Movement, expected_version: int | None) -> Movement:
    """Lock the movement's row; refuse when it changed since the caller read ``version``."""
    locked = Movement.objects.select_for_update().get(pk=movement.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            _("Phong trào vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi.")
        )
    return locked


def bump(movement: Movement, *fields: str) -> None:
    """Save ``fields`` of a locked movement and raise its version by one."""
    movement.version = F("version") + 1
    movement.save(update_fields=[*fields, "version"])
    movement.refresh_from_db(fields=["version"])


@transaction.atomic
def movement_transition(
    *,
    actor: Any,
    movement: Movement,
    to_state: str,
    reason: str = "",
    expected_version: int | None = None,
    on: date | None = None,
) -> Movement:
    """Move ``movement`` to ``to_state`` if allowed, record the step and run its effect.

    ``on`` is the day of a launch (default today); the demo data passes the historic date.
    """
    ensure_can_manage_movements(actor)
    locked = Movement.objects.select_for_update().get(pk=movement.pk)
    move = _find_move(locked.state, to_state)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            _(
                "Phong trào vừa được người khác thay đổi (hiện ở trạng thái “%(state)s”). "
                "Hãy tải lại trang để xem thay đổi."
            )
            % {"state": S(locked.state).label}
        )
    if move is None:
        raise ConflictError(
            _("Không thể chuyển phong trào từ “%(source)s” sang “%(target)s”.")
            % {"source": S(locked.state).label, "target": _target_label(to_state)}
        )
    reason = reason.strip()
    if move.needs_reason and not reason:
        raise ApplicationError(_("Cần ghi lý do."), fields={"reason": [_("Cần ghi lý do.")]})
    if move.guard:
        problem = _GUARDS[move.guard](locked)
        if problem:
            raise ApplicationError(problem)
    source = locked.state
    locked.state = to_state
    fields = ["state"]
    changes: dict[str, list[Any]] = {"state": [source, to_state]}
    if to_state == S.LAUNCHED and locked.launched_on is None:
        locked.launched_on = on or timezone.localdate()
        fields.append("launched_on")
        changes["launched_on"] = [None, locked.launched_on]
    if reason:
        changes["reason"] = [None, reason]
    bump(locked, *fields)
    MovementTransition.objects.create(
        movement=locked, from_state=source, to_state=to_state, reason=reason, actor=actor
    )
    record(
        event_type=AuditEventType.MOVEMENT_TRANSITIONED, actor=actor, obj=locked, changes=changes
    )
    if move.effect:
        _EFFECTS[move.effect](actor, locked)
    return locked


def _target_label(state: str) -> str:
    try:
        return str(S(state).label)
    except ValueError:
        return state
