"""Put the prize money of ``tdkt.commendations.prize`` on a decision's award rows.

Drafts are priced as if signed today, so the officer and the leader see the money the
decision will pay; the signature prices them again on the signing date, which fixes the rule
set and the base salary for good (legal-rules §2).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.commendations.constants import DecisionState
from tdkt.commendations.models import Award, Decision
from tdkt.commendations.prize import PrizeLine, PrizeSheet, prize_sheet
from tdkt.commendations.selectors import rule_overrides
from tdkt.core.errors import ApplicationError
from tdkt.rules import RuleSetError

PRICED_FIELDS = ["prize_vnd", "prize_coefficient", "prize_note"]


def prize_line(award: Award) -> PrizeLine:
    """Describe an award row to the prize adapter."""
    if award.person_id is not None:
        recipient: tuple[str, int] = ("person", award.person_id)
        kind = "individual"
    else:
        recipient = ("organization", award.organization_id or 0)
        kind = "collective"
    return PrizeLine(
        key=award.pk,
        recipient=recipient,
        kind=kind,
        code=award.code,
        year=award.year,
        period_end_year=award.period_end_year,
    )


def price_awards(awards: Sequence[Award], *, on: date, rule_set: str = "auto") -> PrizeSheet:
    """Set the prize fields of ``awards`` (in memory) as a decision dated ``on`` pays them."""
    try:
        sheet = prize_sheet(
            [prize_line(a) for a in awards],
            decided_on=on,
            rule_set=rule_set,
            overrides=rule_overrides(),
        )
    except (LookupError, RuleSetError) as exc:
        raise ApplicationError(
            _no_rules_message(on), fields={"signed_on": [_no_rules_message(on)]}
        ) from exc
    for award in awards:
        prize = sheet.prizes[award.pk]
        award.prize_vnd = prize.amount
        award.prize_coefficient = prize.coefficient
        award.prize_note = prize.note
    return sheet


def _no_rules_message(on: date) -> str:
    return _("Chưa có bộ quy tắc hoặc mức lương cơ sở cho ngày %(day)s.") % {
        "day": on.strftime("%d/%m/%Y")
    }


def reprice_draft(decision: Decision) -> Decision:
    """Price a draft's lines as of today and note it on the draft (a new version)."""
    locked = Decision.objects.select_for_update().get(pk=decision.pk)
    if locked.state != DecisionState.DRAFT:
        return locked
    today = timezone.localdate()
    awards = list(locked.awards.order_by("list_position", "id"))
    sheet = price_awards(awards, on=today)
    Award.objects.bulk_update(awards, PRICED_FIELDS)
    locked.rule_set = sheet.rule_set
    locked.base_salary_vnd = sheet.base_salary_vnd
    locked.priced_on = today
    locked.version = F("version") + 1
    locked.save(update_fields=["rule_set", "base_salary_vnd", "priced_on", "version"])
    locked.refresh_from_db(fields=["version"])
    return locked
