"""A thematic movement opens a commendation round (issue #10 §1; decision 0607).

The round belongs to the commendation workflow: ``movement_round_open`` checks the movement
and opens the round through that workflow's own ``round_create`` service.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations import services as commendation_services
from tdkt.commendations.constants import RoundKind
from tdkt.commendations.models import Round
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.movements.constants import MovementKind, MovementState
from tdkt.movements.models import Movement
from tdkt.movements.permissions import ensure_can_manage_movements
from tdkt.movements.workflow import bump, lock_movement

ROUND_KINDS = frozenset({MovementKind.THEMATIC, MovementKind.FIVE_YEAR})
ROUND_STATES = frozenset({MovementState.LAUNCHED, MovementState.UNDER_REVIEW})


def can_open_round(movement: Movement) -> bool:
    """True when the movement may open its round now (kind, state, none yet)."""
    return (
        movement.kind in ROUND_KINDS
        and movement.state in ROUND_STATES
        and movement.commendation_round_id is None
    )


@transaction.atomic
def movement_round_open(
    *,
    actor: Any,
    movement: Movement,
    unit_deadline: date,
    accepted_codes: Sequence[str],
    expected_version: int | None = None,
) -> Round:
    """Open the commendation round of a thematic (or five-year) movement, once."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(movement, expected_version)
    if locked.kind not in ROUND_KINDS:
        raise ApplicationError(_("Chỉ phong trào theo đợt, chuyên đề mở đợt xét khen thưởng."))
    if locked.state not in ROUND_STATES:
        raise ConflictError(_("Phong trào chưa phát động hoặc đã kết thúc."))
    if locked.commendation_round_id is not None:
        raise ConflictError(_("Phong trào đã có đợt xét khen thưởng."))
    round_ = commendation_services.round_create(
        actor=actor,
        name=_("Khen thưởng chuyên đề phong trào “%(name)s”") % {"name": locked.name},
        kind=RoundKind.THEMATIC,
        year=locked.ends_on.year,
        accepted_codes=list(accepted_codes),
        unit_deadline=unit_deadline,
        description=_("Mở từ phong trào %(code)s.") % {"code": locked.code},
    )
    locked.commendation_round = round_
    bump(locked, "commendation_round")
    record(
        event_type=AuditEventType.MOVEMENT_ROUND_OPENED,
        actor=actor,
        obj=locked,
        changes={"round": [None, round_.name]},
    )
    return round_
