"""Revocation of a granted award, and the reward fund that records its money."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from tdkt import rules
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import AwardOrigin, AwardStatus, FundEntryKind, IssuerLevel
from tdkt.commendations.models import Award, FundEntry
from tdkt.commendations.selectors.fund import fund_summary
from tdkt.commendations.services import (
    award_revoke,
    decision_draft_create,
    decision_sign,
    fund_entry_add,
    fund_year_set,
)
from tdkt.core.calendar import VN_TZ
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.organizations.models import Person

from .voted import LineSpec, voted_round

pytestmark = pytest.mark.django_db

SIGNED_ON = date(2020, 1, 10)


def _signed(registry, specs=None, *, signed_on=SIGNED_ON, year=2019):
    voted = voted_round(registry, specs=specs, year=year)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    return decision_sign(
        actor=registry.leader, decision=draft, signer_title="head", signed_on=signed_on
    )


def test_revoking_keeps_the_row_and_makes_the_money_receivable(registry):
    """The award stays in the archive as revoked, with reason and revoking decision; its
    prize becomes a receivable of the fund of the revocation year; the event is audited."""
    decision = _signed(registry)
    award = decision.awards.get(person=registry.anh)
    revoked = award_revoke(
        actor=registry.officer,
        award=award,
        reason="Kê khai thành tích không đúng sự thật",
        revoking_decision="15/QĐ-BQL ngày 02/03/2020",
        revoked_on=date(2020, 3, 2),
    )
    assert revoked.status == AwardStatus.REVOKED
    assert (revoked.revoked_on, revoked.revocation_decision) == (
        date(2020, 3, 2),
        "15/QĐ-BQL ngày 02/03/2020",
    )
    entry = FundEntry.objects.get(kind=FundEntryKind.RECEIVABLE)
    assert (entry.amount_vnd, entry.fund.year, entry.award) == (450_000, 2020, revoked)
    event = AuditEvent.objects.get(event_type=AuditEventType.AWARD_REVOKED)
    assert event.changes["receivable_vnd"] == [None, 450_000]


def test_revocation_needs_reason_and_decision_and_an_officer(registry):
    """A leader is refused before the input is read; an officer must give both texts; a
    revoked award cannot be revoked again."""
    decision = _signed(registry)
    award = decision.awards.get(person=registry.anh)
    with pytest.raises(PermissionDeniedError):
        award_revoke(actor=registry.leader, award=award, reason="", revoking_decision="")
    with pytest.raises(ApplicationError) as refused:
        award_revoke(actor=registry.officer, award=award, reason=" ", revoking_decision="")
    assert set(refused.value.fields) == {"reason", "revoking_decision"}
    award_revoke(actor=registry.officer, award=award, reason="Sai", revoking_decision="1/QĐ-BQL")
    with pytest.raises(ApplicationError, match="đang có hiệu lực"):
        award_revoke(
            actor=registry.officer, award=award, reason="Sai", revoking_decision="1/QĐ-BQL"
        )


def _granted_history(person: Person) -> tuple[rules.AchievementRecord, ...]:
    """The person's history as the rule engine gets it: granted awards only.

    The archive's adapter (proposals and eligibility, built beside this work) reads the same
    rows with the same filter; this stand-in keeps the test independent of it.
    """
    return tuple(
        rules.AchievementRecord(a.year, a.code)
        for a in Award.objects.filter(person=person, status=AwardStatus.GRANTED)
    )


def _fighter_verdict(person: Person) -> rules.Verdict:
    case = rules.Case(
        as_of=date(2026, 3, 2),
        year=2025,
        ratings=((2023, "excellent"), (2024, "excellent"), (2025, "excellent")),
        awards=_granted_history(person),
        initiatives=(rules.InitiativeRecord("SK-2025-01", 2025, "provincial"),),
        candidates=("provincial_emulation_fighter",),
    )
    return rules.evaluate(case).results[0]


def test_eligibility_that_relied_on_a_revoked_award_is_recomputed(registry):
    """CSTĐ TP 2025 rests on CSTĐCS 2023–2025; once the 2024 title is revoked the streak
    breaks and the verdict says what is missing."""
    for year in (2023, 2025):
        Award.objects.create(
            person=registry.anh,
            recipient_name="Nguyễn Văn Ánh",
            code="grassroots_emulation_fighter",
            issuer_level=IssuerLevel.DEPARTMENT,
            year=year,
            origin=AwardOrigin.IMPORTED,
        )
    decision = _signed(
        registry,
        specs={registry.investment: [LineSpec(registry.anh, code="grassroots_emulation_fighter")]},
        year=2024,
        signed_on=date(2025, 1, 10),
    )
    assert _fighter_verdict(registry.anh).eligible is True
    award_revoke(
        actor=registry.officer,
        award=decision.awards.get(),
        reason="Sáng kiến không được công nhận",
        revoking_decision="20/QĐ-BQL ngày 01/04/2026",
    )
    verdict = _fighter_verdict(registry.anh)
    assert verdict.eligible is False
    assert [c.message_key for c in verdict.missing] == ["streak.missing"]


def test_fund_of_a_year_adds_up(registry):
    """Opening balance, a receipt, the commitment of a signed decision, its payment, a
    revoked line's receivable and its recovery give the balance and what is left to pay."""
    decision = _signed(registry)  # 450.000 + 890.000 + 450.000 = 1.790.000, signed 10/01/2020
    fund_year_set(actor=registry.officer, year=2020, opening_balance_vnd=5_000_000)
    fund_entry_add(
        actor=registry.officer,
        kind=FundEntryKind.RECEIPT,
        amount_vnd=2_000_000,
        on=date(2020, 1, 2),
        description="Trích lập quỹ năm 2020",
    )
    fund_entry_add(
        actor=registry.officer,
        kind=FundEntryKind.PAYMENT,
        amount_vnd=1_790_000,
        on=date(2020, 1, 20),
        description="Chi thưởng theo quyết định 125",
        decision=decision,
    )
    award_revoke(
        actor=registry.officer,
        award=decision.awards.get(person=registry.duc),
        reason="Sai",
        revoking_decision="3/QĐ-BQL",
        revoked_on=date(2020, 3, 1),
    )
    fund_entry_add(
        actor=registry.officer,
        kind=FundEntryKind.RECOVERY,
        amount_vnd=450_000,
        on=date(2020, 3, 15),
        description="Thu hồi tiền thưởng",
    )
    summary = fund_summary(actor=registry.leader, year=2020)
    assert (summary.opening, summary.receipts, summary.payments) == (
        5_000_000,
        2_000_000,
        1_790_000,
    )
    assert (summary.receivables, summary.recoveries, summary.receivable_open) == (
        450_000,
        450_000,
        0,
    )
    assert summary.committed == 1_790_000 and summary.outstanding == 0
    assert summary.balance == 5_000_000 + 2_000_000 + 450_000 - 1_790_000
    assert summary.available == summary.balance
    assert AuditEvent.objects.filter(event_type=AuditEventType.FUND_ENTRY_ADDED).count() == 3


@time_machine.travel(datetime(2026, 7, 10, 9, tzinfo=VN_TZ), tick=False)
def test_fund_forecasts_the_open_lines_of_a_round(registry):
    """The undecided approved lines of a voted round are priced as if signed today
    (10/07/2026, base salary 2.530.000); failed lines and lines above the Board's
    authority are not counted."""
    specs = {
        registry.investment: [
            LineSpec(registry.anh, code="advanced_worker"),
            LineSpec(registry.investment, code="provincial_certificate_of_commendation"),
        ],
        registry.planning: [LineSpec(registry.duc, code="advanced_worker", passed=False)],
    }
    voted = voted_round(registry, specs=specs, year=2026)
    summary = fund_summary(actor=registry.officer, year=2026)
    [forecast] = summary.forecasts
    assert forecast.round == voted.round
    assert (forecast.lines, forecast.amount) == (1, 760_000)  # 0.3 × 2.530.000 = 759.000 ↑


def test_fund_rights(registry):
    """Units do not see the fund; leaders see it but cannot record; payments need a signed
    decision."""
    with pytest.raises(PermissionDeniedError):
        fund_summary(actor=registry.investment_head, year=2020)
    with pytest.raises(PermissionDeniedError):
        fund_year_set(actor=registry.leader, year=2020, opening_balance_vnd=1)
    with pytest.raises(ApplicationError) as refused:
        fund_entry_add(
            actor=registry.officer,
            kind=FundEntryKind.PAYMENT,
            amount_vnd=0,
            on=date(2020, 1, 1),
            description="",
        )
    assert set(refused.value.fields) == {"amount_vnd", "description", "decision"}
