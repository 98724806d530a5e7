"""The reward fund of a year, derived from its rows: nothing but the opening balance is stored.

* receipts, payments, recoveries: the entries officers record;
* receivables: the prize money of awards revoked that year (written by the revocation);
* commitments: the money of the decisions signed that year, as signed;
* balance = opening + receipts + recoveries − payments;
* still to pay = commitments − payments of those decisions;
* forecast: what the open lines of each round would cost if signed today, through the same
  prize adapter as decisions (only the Board's own titles and forms: the City pays for its
  awards, Law 2022 Art 11.4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, Sum
from django.utils import timezone

from tdkt.commendations.constants import (
    AppraisalVerdict,
    DecisionState,
    FundEntryKind,
    IssuerLevel,
    ProposalState,
)
from tdkt.commendations.decision_access import ensure_can_read_fund
from tdkt.commendations.decision_texts import ISSUER_LEVEL_OF_CODE
from tdkt.commendations.models import (
    Award,
    Decision,
    FundEntry,
    FundYear,
    ProposalLine,
    Round,
    SessionItem,
)
from tdkt.commendations.prize import PrizeLine, prize_sheet
from tdkt.commendations.selectors import rule_overrides

# Proposals whose lines may still cost money: sent, in appraisal, at council, voted, public,
# or decided with lines left over.
OPEN_STATES = (
    ProposalState.SUBMITTED,
    ProposalState.UNDER_APPRAISAL,
    ProposalState.AT_COUNCIL,
    ProposalState.VOTED,
    ProposalState.PUBLISHED,
    ProposalState.DECIDED,
)


@dataclass(frozen=True)
class DecisionCommitment:
    """A decision signed in the year, with its money and what was paid of it."""

    decision: Decision
    total: int
    paid: int

    @property
    def outstanding(self) -> int:
        """Money of the decision not paid yet."""
        return max(self.total - self.paid, 0)


@dataclass(frozen=True)
class RoundForecast:
    """What the undecided lines of a round would cost if decided today."""

    round: Round
    lines: int
    amount: int
    unknown: int


@dataclass(frozen=True)
class FundSummary:
    """The fund of one year, every figure derived from its rows."""

    year: int
    fund: FundYear | None
    opening: int
    receipts: int
    payments: int
    recoveries: int
    receivables: int
    commitments: list[DecisionCommitment] = field(default_factory=list)
    entries: list[FundEntry] = field(default_factory=list)
    forecasts: list[RoundForecast] = field(default_factory=list)

    @property
    def committed(self) -> int:
        """Money of the decisions signed in the year."""
        return sum(c.total for c in self.commitments)

    @property
    def outstanding(self) -> int:
        """Money of those decisions not paid yet."""
        return sum(c.outstanding for c in self.commitments)

    @property
    def balance(self) -> int:
        """Cash in the fund: opening + receipts + recoveries − payments."""
        return self.opening + self.receipts + self.recoveries - self.payments

    @property
    def available(self) -> int:
        """Cash left once the signed decisions are paid."""
        return self.balance - self.outstanding

    @property
    def receivable_open(self) -> int:
        """Revoked money not recovered yet."""
        return max(self.receivables - self.recoveries, 0)

    @property
    def forecast(self) -> int:
        """Money the open rounds would add."""
        return sum(f.amount for f in self.forecasts)


def _sum(kind: str, fund: FundYear | None) -> int:
    if fund is None:
        return 0
    total = fund.entries.filter(kind=kind).aggregate(total=Sum("amount_vnd"))["total"]
    return int(total or 0)


def fund_summary(*, actor: Any, year: int) -> FundSummary:
    """Return the fund of ``year`` (board-wide readers only: 403 for others)."""
    ensure_can_read_fund(actor)
    fund = FundYear.objects.filter(year=year).first()
    decisions = list(
        Decision.objects.filter(state=DecisionState.SIGNED, decided_on__year=year)
        .annotate(
            total=Sum("awards__prize_vnd"),
        )
        .order_by("decided_on", "number")
    )
    paid = {
        row["decision"]: int(row["paid"] or 0)
        for row in FundEntry.objects.filter(
            kind=FundEntryKind.PAYMENT, decision__in=[d.pk for d in decisions]
        )
        .values("decision")
        .annotate(paid=Sum("amount_vnd"))
    }
    commitments = [
        DecisionCommitment(d, int(getattr(d, "total", 0) or 0), paid.get(d.pk, 0))
        for d in decisions
    ]
    entries = list(fund.entries.select_related("decision").order_by("on", "id")) if fund else []
    return FundSummary(
        year=year,
        fund=fund,
        opening=fund.opening_balance_vnd if fund else 0,
        receipts=_sum(FundEntryKind.RECEIPT, fund),
        payments=_sum(FundEntryKind.PAYMENT, fund),
        recoveries=_sum(FundEntryKind.RECOVERY, fund),
        receivables=_sum(FundEntryKind.RECEIVABLE, fund),
        commitments=commitments,
        entries=entries,
        forecasts=round_forecasts(),
    )


def round_forecasts() -> list[RoundForecast]:
    """Price the open lines of every round that still has some, as if decided today."""
    failed = SessionItem.objects.filter(line=OuterRef("pk"), passed=False)
    has_award = Award.objects.filter(proposal_line=OuterRef("pk"))
    department = [c for c, level in ISSUER_LEVEL_OF_CODE.items() if level == IssuerLevel.DEPARTMENT]
    lines = list(
        ProposalLine.objects.filter(
            proposal__state__in=OPEN_STATES, withdrawn=False, code__in=department
        )
        .exclude(appraisal=AppraisalVerdict.INELIGIBLE)
        .exclude(Exists(failed))
        .exclude(Exists(has_award))
        .filter(Q(person__isnull=False) | Q(organization__isnull=False))
        .select_related("proposal__round")
        .order_by("proposal__round_id", "id")
    )
    if not lines:
        return []
    sheet = prize_sheet(
        [
            PrizeLine(
                key=line.pk,
                recipient=("person", line.person_id)
                if line.person_id
                else ("organization", line.organization_id),
                kind="individual" if line.person_id else "collective",
                code=line.code,
                year=line.proposal.round.year,
            )
            for line in lines
        ],
        decided_on=timezone.localdate(),
        overrides=rule_overrides(),
    )
    by_round: dict[int, list[ProposalLine]] = {}
    for line in lines:
        by_round.setdefault(line.proposal.round_id, []).append(line)
    return [
        RoundForecast(
            round=group[0].proposal.round,
            lines=len(group),
            amount=sum(sheet.prizes[line.pk].amount or 0 for line in group),
            unknown=sum(1 for line in group if sheet.prizes[line.pk].amount is None),
        )
        for group in by_round.values()
    ]
