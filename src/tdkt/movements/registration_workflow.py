"""The states of a registration sheet as data, and the one function that moves a sheet.

A unit submits its sheet; the level above approves it or returns it with a reason (and may
return an approved sheet to have it corrected). ``sheet_transition`` locks the sheet, checks
the move, the actor, the expected version and the guard, writes, records the timeline step
and the audit event, and notifies the unit of the outcome, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.movements.constants import CampaignState, SheetState
from tdkt.movements.models import RegistrationSheet, SheetTransition
from tdkt.movements.permissions import (
    can_prepare_sheet,
    can_review_sheet,
    ensure_can_prepare_sheet,
    ensure_can_review_sheet,
)
from tdkt.notifications.services import notify_organizations

S = SheetState


class Who(StrEnum):
    """Who makes a move: the unit's own writers, or the level above."""

    UNIT = "unit"
    REVIEWER = "reviewer"


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    who: Who
    needs_reason: bool = False


MOVES: tuple[Move, ...] = (
    Move(S.DRAFT, S.SUBMITTED, Who.UNIT),
    Move(S.RETURNED, S.SUBMITTED, Who.UNIT),
    Move(S.SUBMITTED, S.APPROVED, Who.REVIEWER),
    Move(S.SUBMITTED, S.RETURNED, Who.REVIEWER, needs_reason=True),
    Move(S.APPROVED, S.RETURNED, Who.REVIEWER, needs_reason=True),
)

# States in which the unit may still change its lines.
EDITABLE = frozenset({S.DRAFT, S.RETURNED})


def who_moves_to(state: str) -> Who:
    """The unit submits; every other move is the level above's."""
    return Who.UNIT if state == S.SUBMITTED else Who.REVIEWER


def moves_for(actor: Any, sheet: RegistrationSheet) -> list[Move]:
    """Return the moves ``actor`` may make on ``sheet`` now (to show only those buttons)."""
    unit_open = sheet.campaign.state == CampaignState.OPEN
    return [
        m
        for m in MOVES
        if m.source == sheet.state
        and (
            (m.who is Who.UNIT and unit_open and can_prepare_sheet(actor, sheet.organization))
            or (m.who is Who.REVIEWER and can_review_sheet(actor, sheet))
        )
    ]


@transaction.atomic
def sheet_transition(
    *,
    actor: Any,
    sheet: RegistrationSheet,
    to_state: str,
    reason: str = "",
    expected_version: int | None = None,
) -> RegistrationSheet:
    """Move ``sheet`` to ``to_state`` if the actor may, then tell the unit the outcome."""
    locked = (
        RegistrationSheet.objects.select_for_update()
        .select_related("campaign", "organization")
        .get(pk=sheet.pk)
    )
    # The permission first, so that a refusal never depends on the state or the input.
    if who_moves_to(to_state) is Who.UNIT:
        ensure_can_prepare_sheet(actor, locked.organization)
    else:
        ensure_can_review_sheet(actor, locked)
    move = next((m for m in MOVES if m.source == locked.state and m.target == to_state), None)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            _(
                "Bản đăng ký vừa được người khác thay đổi (hiện ở trạng thái “%(state)s”). "
                "Hãy tải lại trang để xem thay đổi."
            )
            % {"state": S(locked.state).label}
        )
    if move is None:
        raise ConflictError(
            _("Không thực hiện được bước này với bản đăng ký ở trạng thái hiện tại.")
        )
    if move.who is Who.UNIT:
        if locked.campaign.state != CampaignState.OPEN:
            raise ConflictError(_("Đợt đăng ký thi đua đã kết thúc."))
        if not locked.lines.exists():
            raise ApplicationError(_("Bản đăng ký chưa có dòng nào."))
    reason = reason.strip()
    if move.needs_reason and not reason:
        raise ApplicationError(_("Cần ghi lý do."), fields={"reason": [_("Cần ghi lý do.")]})
    source = locked.state
    locked.state = to_state
    fields = ["state", "version"]
    now = timezone.now()
    if to_state == S.SUBMITTED:
        locked.submitted_at, locked.return_reason = now, ""
        fields += ["submitted_at", "return_reason"]
    else:
        locked.reviewed_at = now
        locked.return_reason = reason if to_state == S.RETURNED else ""
        fields += ["reviewed_at", "return_reason"]
    locked.version = F("version") + 1
    locked.save(update_fields=fields)
    locked.refresh_from_db(fields=["version"])
    SheetTransition.objects.create(
        sheet=locked, from_state=source, to_state=to_state, reason=reason, actor=actor
    )
    record(
        event_type=AuditEventType.REGISTRATION_SHEET_TRANSITIONED,
        actor=actor,
        obj=locked,
        changes={"state": [source, to_state], **({"reason": [None, reason]} if reason else {})},
    )
    if move.who is Who.REVIEWER:
        _tell_unit(actor, locked, reason)
    return locked


def _tell_unit(actor: Any, sheet: RegistrationSheet, reason: str) -> None:
    with translation.override("vi"):
        values = {"year": sheet.campaign.year}
        if sheet.state == S.APPROVED:
            title = _("Bản đăng ký thi đua năm %(year)s đã được duyệt") % values
            body = ""
        else:
            title = _("Bản đăng ký thi đua năm %(year)s bị trả lại để sửa") % values
            body = _("Lý do: %(reason)s") % {"reason": reason}
    notify_organizations(
        actor=actor,
        organizations=[sheet.organization],
        kind=f"registration.{sheet.state}",
        title=title,
        body=body,
        link=reverse("movements:sheet-detail", kwargs={"uuid": sheet.uuid}),
    )
