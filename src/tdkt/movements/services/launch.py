"""The launch's effect (notify the participating units, in the app and by e-mail) and the
units' acknowledgement."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.movements.constants import MovementState
from tdkt.movements.models import Movement, Participant
from tdkt.movements.permissions import ensure_can_acknowledge
from tdkt.movements.workflow import register_effect
from tdkt.notifications.services import notify_organizations
from tdkt.organizations.models import Organization

ACKNOWLEDGEABLE = frozenset({MovementState.LAUNCHED, MovementState.UNDER_REVIEW})


def movement_link(movement: Movement) -> str:
    """The movement's page, as a notification links to it."""
    return reverse("movements:movement-detail", kwargs={"uuid": movement.uuid})


def announce_to(actor: Any, movement: Movement, organizations: Sequence[Organization]) -> None:
    """Tell ``organizations`` that ``movement`` was launched and ask them to acknowledge.

    The texts are written in Vietnamese, the Board's working language, whatever language the
    officer's screen uses (the recipients read them later, in their own session or mailbox).
    """
    with translation.override("vi"):
        title = _("Phát động phong trào thi đua: %(name)s") % {"name": movement.name}
        parts = []
        if movement.plan_number:
            parts.append(
                _("Theo Kế hoạch số %(number)s%(date)s.")
                % {
                    "number": movement.plan_number,
                    "date": _(" ngày %(d)s") % {"d": f"{movement.plan_date:%d/%m/%Y}"}
                    if movement.plan_date
                    else "",
                }
            )
        if movement.slogan:
            parts.append(_("Khẩu hiệu: %(slogan)s.") % {"slogan": movement.slogan})
        parts.append(
            _("Thời gian: từ %(start)s đến %(end)s.")
            % {"start": f"{movement.starts_on:%d/%m/%Y}", "end": f"{movement.ends_on:%d/%m/%Y}"}
        )
        parts.append(_("Đề nghị đơn vị xác nhận đã nhận phát động trên hệ thống."))
        body = " ".join(parts)
    notify_organizations(
        actor=actor,
        organizations=organizations,
        kind="movement.launched",
        title=title,
        body=body,
        link=movement_link(movement),
    )


@register_effect("announce_launch")
def _announce_launch(actor: Any, movement: Movement) -> None:
    organizations = [p.organization for p in movement.participants.select_related("organization")]
    announce_to(actor, movement, organizations)


@transaction.atomic
def movement_acknowledge(*, actor: Any, participant: Participant, note: str = "") -> Participant:
    """Record that the unit received the launch (once)."""
    ensure_can_acknowledge(actor, participant)
    locked = (
        Participant.objects.select_for_update()
        .select_related("movement", "organization")
        .get(pk=participant.pk)
    )
    if locked.movement.state not in ACKNOWLEDGEABLE:
        raise ConflictError(_("Phong trào chưa được phát động hoặc đã kết thúc."))
    if locked.acknowledged_at is not None:
        raise ConflictError(_("Đơn vị đã xác nhận nhận phát động rồi."))
    note = " ".join(note.split())
    if len(note) > 300:
        raise ApplicationError(
            _("Ghi chú tối đa 300 ký tự."), fields={"note": [_("Ghi chú tối đa 300 ký tự.")]}
        )
    locked.acknowledged_at = timezone.now()
    locked.acknowledged_by = actor
    locked.acknowledgement_note = note
    locked.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledgement_note"])
    record(
        event_type=AuditEventType.MOVEMENT_ACKNOWLEDGED,
        actor=actor,
        obj=locked.movement,
        changes={
            "organization": [None, locked.organization_id],
            **({"note": [None, note]} if note else {}),
        },
    )
    return locked
