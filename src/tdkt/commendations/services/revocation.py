"""Revocation of a granted award (thu hồi, Law 2022 Chương VII; legal-rules §6).

The award keeps its row, now ``revoked`` with the reason and the revoking decision, so the
archive still shows it; the rule engine reads only ``granted`` awards, so every eligibility
that relied on it is recomputed the next time it is read. The prize money becomes a
receivable of the fund in the year of the revocation.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import AwardStatus, FundEntryKind
from tdkt.commendations.decision_access import ensure_can_manage_decisions
from tdkt.commendations.models import Award, FundEntry, FundYear
from tdkt.core.errors import ApplicationError, ErrorCode


@transaction.atomic
def award_revoke(
    *,
    actor: Any,
    award: Award,
    reason: str,
    revoking_decision: str,
    revoked_on: date | None = None,
) -> Award:
    """Revoke a granted award; its prize money becomes a receivable of the fund."""
    ensure_can_manage_decisions(actor)
    reason, revoking_decision = reason.strip(), revoking_decision.strip()
    today = timezone.localdate()
    revoked_on = revoked_on or today
    errors: dict[str, list[str]] = {}
    if not reason:
        errors["reason"] = [_("Cần ghi lý do thu hồi.")]
    if not revoking_decision:
        errors["revoking_decision"] = [_("Cần ghi số, ngày của quyết định thu hồi.")]
    if revoked_on > today:
        errors["revoked_on"] = [_("Ngày thu hồi không được ở tương lai.")]
    if errors:
        raise ApplicationError(_("Thông tin thu hồi chưa đầy đủ."), fields=errors)
    locked = (
        Award.objects.select_for_update(of=("self",)).select_related("decision").get(pk=award.pk)
    )
    if locked.status != AwardStatus.GRANTED:
        raise ApplicationError(
            _("Chỉ thu hồi được khen thưởng đang có hiệu lực."), code=ErrorCode.CONFLICT
        )
    if locked.decision_date is not None and revoked_on < locked.decision_date:
        message = _("Ngày thu hồi không được trước ngày quyết định khen thưởng.")
        raise ApplicationError(message, fields={"revoked_on": [message]})
    locked.status = AwardStatus.REVOKED
    locked.revoked_on = revoked_on
    locked.revocation_reason = reason
    locked.revocation_decision = revoking_decision
    locked.save(update_fields=["status", "revoked_on", "revocation_reason", "revocation_decision"])
    receivable = None
    if locked.prize_vnd:
        fund, _created = FundYear.objects.get_or_create(year=revoked_on.year)
        receivable = FundEntry.objects.create(
            fund=fund,
            kind=FundEntryKind.RECEIVABLE,
            amount_vnd=locked.prize_vnd,
            on=revoked_on,
            description=_("Thu hồi tiền thưởng của %(name)s (%(decision)s)")
            % {"name": locked.recipient_name, "decision": revoking_decision},
            decision=locked.decision,
            award=locked,
            recorded_by=actor,
        )
    record(
        event_type=AuditEventType.AWARD_REVOKED,
        actor=actor,
        obj=locked,
        changes={
            "status": [AwardStatus.GRANTED, AwardStatus.REVOKED],
            "revoked_on": [None, revoked_on],
            "revocation_reason": [None, reason],
            "revocation_decision": [None, revoking_decision],
            "receivable_vnd": [None, receivable.amount_vnd if receivable else 0],
        },
    )
    return locked
