"""The reward fund of each year: opening balance and the receipts, payments and recoveries.

Commitments (the money of signed decisions) and receivables (money of revoked awards) are
not typed in: they come from the decisions and the revocations themselves.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import DecisionState, FundEntryKind
from tdkt.commendations.decision_access import ensure_can_manage_fund
from tdkt.commendations.models import Decision, FundEntry, FundYear
from tdkt.core.errors import ApplicationError

# Movements an officer records by hand; receivables come from revocations only.
MANUAL_KINDS = (FundEntryKind.RECEIPT, FundEntryKind.PAYMENT, FundEntryKind.RECOVERY)
MAX_AMOUNT_VND = 10**15


@transaction.atomic
def fund_year_set(*, actor: Any, year: int, opening_balance_vnd: int, note: str = "") -> FundYear:
    """Set the fund's opening balance of a year, as the accounts office reports it."""
    ensure_can_manage_fund(actor)
    if not 2000 <= year <= 2100:
        raise ApplicationError(_("Năm không hợp lệ."), fields={"year": [_("Không hợp lệ.")]})
    if abs(opening_balance_vnd) >= MAX_AMOUNT_VND:
        message = _("Số tiền quá lớn.")
        raise ApplicationError(message, fields={"opening_balance_vnd": [message]})
    fund, created = FundYear.objects.select_for_update().get_or_create(year=year)
    before = None if created else fund.opening_balance_vnd
    fund.opening_balance_vnd = opening_balance_vnd
    fund.note = note.strip()[:300]
    fund.save(update_fields=["opening_balance_vnd", "note"])
    record(
        event_type=AuditEventType.FUND_YEAR_SET,
        actor=actor,
        obj=fund,
        changes={"opening_balance_vnd": [before, opening_balance_vnd], "note": [None, fund.note]},
    )
    return fund


@transaction.atomic
def fund_entry_add(
    *,
    actor: Any,
    kind: str,
    amount_vnd: int,
    on: date,
    description: str,
    decision: Decision | None = None,
) -> FundEntry:
    """Record a receipt, a payment (of a signed decision) or a recovery of revoked money."""
    ensure_can_manage_fund(actor)
    errors: dict[str, list[str]] = {}
    if kind not in MANUAL_KINDS:
        errors["kind"] = [_("Chọn thu vào quỹ, chi thưởng hoặc đã thu hồi.")]
    if not 0 < amount_vnd < MAX_AMOUNT_VND:
        errors["amount_vnd"] = [_("Số tiền phải lớn hơn 0.")]
    if not description.strip():
        errors["description"] = [_("Ghi nội dung thu, chi.")]
    if not 2000 <= on.year <= 2100:
        errors["on"] = [_("Ngày không hợp lệ.")]
    if decision is not None and decision.state != DecisionState.SIGNED:
        errors["decision"] = [_("Chỉ chi thưởng theo quyết định đã ký.")]
    if kind == FundEntryKind.PAYMENT and decision is None:
        errors["decision"] = [_("Chọn quyết định được chi thưởng.")]
    if errors:
        raise ApplicationError(_("Khoản thu, chi chưa hợp lệ."), fields=errors)
    fund, _created = FundYear.objects.get_or_create(year=on.year)
    entry = FundEntry.objects.create(
        fund=fund,
        kind=kind,
        amount_vnd=amount_vnd,
        on=on,
        description=description.strip()[:300],
        decision=decision,
        recorded_by=actor,
    )
    record(
        event_type=AuditEventType.FUND_ENTRY_ADDED,
        actor=actor,
        obj=fund,
        changes={
            "entry_kind": [None, str(FundEntryKind(kind).label)],
            "amount_vnd": [None, amount_vnd],
            "on": [None, on],
            "description": [None, entry.description],
            **({"decision": [None, decision.number_label]} if decision else {}),
        },
    )
    return entry
