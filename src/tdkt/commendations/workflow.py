"""The states of a proposal as data, and the one function that moves a proposal between them.

Each allowed move names who may make it and what must hold. ``proposal_transition`` locks the
proposal, checks the expected version (so two officers acting at once get one result and a
clear message, never a lost update), checks the actor and the guard, writes the new state,
records the timeline step and the audit event, all in one transaction.

Guards that belong to later stages (the council's vote, the signed decision) are registered by
the modules that own those stages with ``register_guard``, so this module stays the one place
that lists the moves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import AppraisalVerdict, ProposalState, RoundState
from tdkt.commendations.models import Proposal, ProposalTransition
from tdkt.core.errors import ApplicationError, ErrorCode, PermissionDeniedError

S = ProposalState


class Who(StrEnum):
    """Who may make a move."""

    UNIT = "unit"  # a writer of the proposing unit (its head, or a board-wide writer)
    OFFICER = "officer"  # a board-wide writer (emulation officer, administrator)
    SYSTEM = "system"  # only the services of a later stage (council close, decision signing)


@dataclass(frozen=True)
class Move:
    """One allowed move: from, to, who, whether a reason is required, and the guard's name."""

    source: str
    target: str
    who: Who
    needs_reason: bool = False
    guard: str = ""


MOVES: tuple[Move, ...] = (
    Move(S.DRAFT, S.SUBMITTED, Who.UNIT, guard="has_lines_and_round_open"),
    Move(S.RETURNED, S.SUBMITTED, Who.UNIT, guard="has_lines_and_round_open"),
    Move(S.RECALLED, S.SUBMITTED, Who.UNIT, guard="has_lines_and_round_open"),
    Move(S.SUBMITTED, S.RECALLED, Who.UNIT, needs_reason=True),
    Move(S.SUBMITTED, S.UNDER_APPRAISAL, Who.OFFICER),
    Move(S.SUBMITTED, S.RETURNED, Who.OFFICER, needs_reason=True),
    Move(S.UNDER_APPRAISAL, S.RETURNED, Who.OFFICER, needs_reason=True),
    Move(S.UNDER_APPRAISAL, S.AT_COUNCIL, Who.OFFICER, guard="every_line_appraised"),
    Move(S.AT_COUNCIL, S.UNDER_APPRAISAL, Who.OFFICER, needs_reason=True),
    Move(S.AT_COUNCIL, S.VOTED, Who.SYSTEM, guard="council_voted"),
    Move(S.VOTED, S.PUBLISHED, Who.OFFICER, guard="publication_open"),
    Move(S.PUBLISHED, S.DECIDED, Who.SYSTEM, guard="decision_signed"),
    # Publication is optional for the Board's own titles and forms (docs/decisions/0522):
    # a voted list may go straight to a decision.
    Move(S.VOTED, S.DECIDED, Who.SYSTEM, guard="decision_signed"),
)

# States in which the unit may still edit its lines and dossier.
EDITABLE_BY_UNIT = frozenset({S.DRAFT, S.RETURNED, S.RECALLED})

Guard = Callable[[Proposal], str | None]
"""A guard returns None when the move may go ahead, otherwise the Vietnamese reason why not."""

_GUARDS: dict[str, Guard] = {}


def register_guard(name: str) -> Callable[[Guard], Guard]:
    """Register the guard ``name`` (a decorator used by the module that owns that stage)."""

    def decorator(func: Guard) -> Guard:
        _GUARDS[name] = func
        return func

    return decorator


@register_guard("has_lines_and_round_open")
def _has_lines_and_round_open(proposal: Proposal) -> str | None:
    if proposal.round.state != RoundState.OPEN:
        return _("Đợt xét đã đóng, không nhận thêm đề nghị.")
    if not proposal.lines.filter(withdrawn=False).exists():
        return _("Đề nghị chưa có ai trong danh sách.")
    return None


@register_guard("every_line_appraised")
def _every_line_appraised(proposal: Proposal) -> str | None:
    pending = proposal.lines.filter(withdrawn=False, appraisal=AppraisalVerdict.PENDING).count()
    if pending:
        return _("Còn %(n)s dòng chưa thẩm định.") % {"n": pending}
    return None


def guard_registered(name: str) -> bool:
    """Return True when a module has registered the guard ``name``."""
    return name in _GUARDS


def moves_from(state: str) -> tuple[Move, ...]:
    """Return the moves allowed from ``state`` (for showing only the actions a user may take)."""
    return tuple(move for move in MOVES if move.source == state)


def _find_move(source: str, target: str) -> Move | None:
    return next((m for m in MOVES if m.source == source and m.target == target), None)


def may_move(actor: Any, proposal: Proposal, move: Move) -> bool:
    """Return True when ``actor`` may make ``move`` on ``proposal`` (guards aside)."""
    if move.who is Who.SYSTEM:
        return False
    if move.who is Who.OFFICER:
        return is_board_writer(actor)
    scope = scope_for(actor)
    return scope.can_write and scope.covers_path(proposal.organization.path)


@transaction.atomic
def proposal_transition(
    *,
    actor: Any,
    proposal: Proposal,
    to_state: str,
    reason: str = "",
    expected_version: int | None = None,
    system: bool = False,
) -> Proposal:
    """Move ``proposal`` to ``to_state`` if the move is allowed, and record the step.

    ``system=True`` is for the services of later stages (closing a council vote, signing a
    decision), which have checked their own permissions; interfaces never pass it.
    """
    locked = (
        Proposal.objects.select_for_update()
        .select_related("round", "organization")
        .get(pk=proposal.pk)
    )
    move = _find_move(locked.state, to_state)
    if move is None or (move.who is Who.SYSTEM and not system):
        if expected_version is not None and locked.version != expected_version:
            raise _conflict(locked)
        raise ApplicationError(
            _("Không thể chuyển đề nghị từ “%(source)s” sang “%(target)s”.")
            % {"source": S(locked.state).label, "target": S(to_state).label},
            code=ErrorCode.CONFLICT,
        )
    if move.who is not Who.SYSTEM and not may_move(actor, locked, move):
        raise PermissionDeniedError(_("Bạn không có quyền thực hiện bước này."))
    if expected_version is not None and locked.version != expected_version:
        raise _conflict(locked)
    reason = reason.strip()
    if move.needs_reason and not reason:
        raise ApplicationError(_("Cần ghi lý do."), fields={"reason": [_("Cần ghi lý do.")]})
    if move.guard:
        problem = _GUARDS[move.guard](locked)
        if problem:
            raise ApplicationError(problem)
    source = locked.state
    locked.state = to_state
    locked.version = F("version") + 1
    fields = ["state", "version"]
    if to_state == S.SUBMITTED:
        locked.submitted_at = timezone.now()
        fields.append("submitted_at")
    locked.save(update_fields=fields)
    locked.refresh_from_db(fields=["version"])
    ProposalTransition.objects.create(
        proposal=locked, from_state=source, to_state=to_state, reason=reason, actor=actor
    )
    record(
        event_type=AuditEventType.PROPOSAL_TRANSITIONED,
        actor=actor,
        obj=locked,
        changes={"state": [source, to_state], **({"reason": [None, reason]} if reason else {})},
    )
    return locked


def _conflict(locked: Proposal) -> ApplicationError:
    return ApplicationError(
        _(
            "Đề nghị vừa được người khác thay đổi (hiện ở trạng thái “%(state)s”). "
            "Hãy tải lại trang để xem thay đổi."
        )
        % {"state": S(locked.state).label},
        code=ErrorCode.CONFLICT,
    )
