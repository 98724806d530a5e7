"""The demo's 2019 round carried to a signed Giấy khen decision, for the contract's commands."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from tdkt.commendations.constants import DecisionState, ProposalState, PublicationState
from tdkt.commendations.models import (
    Award,
    Decision,
    FundEntry,
    Proposal,
    ProposalLine,
    Publication,
)
from tdkt.commendations.selectors.fund import fund_summary

from .test_seed_demo import seeded  # noqa: F401 (the module's seeded database)

pytestmark = pytest.mark.django_db


def test_the_2019_decision_is_signed_with_collectives_and_individuals(seeded):  # noqa: F811
    """125/QĐ-BQL of 10/01/2020: at least 20 lines, both kinds, R2013 money, all granted."""
    out = io.StringIO()
    call_command("decisions", "list", "--year", "2020", "--format", "json", stdout=out)
    [listed] = json.loads(out.getvalue())
    assert (listed["number"], listed["date"], listed["status"]) == (
        "125/QĐ-BQL",
        "2020-01-10",
        "signed",
    )
    assert listed["collectives"] >= 5 and listed["individuals"] >= 15
    assert listed["collectives"] + listed["individuals"] >= 20
    out = io.StringIO()
    call_command("decisions", "show", "125", "--year", "2020", stdout=out)
    shown = json.loads(out.getvalue())
    assert shown["rule_set"] == "R2013" and shown["base_salary_vnd"] == 1_490_000
    amounts = {(line["recipient_kind"], line["prize_vnd"]) for line in shown["lines"]}
    assert amounts == {("collective", 890_000), ("individual", 450_000)}
    assert shown["total_prize_vnd"] == listed["total_prize_vnd"]


def test_the_city_lines_wait_for_a_proposal_letter(seeded):  # noqa: F811
    """The City's Bằng khen lines are in no decision of the Board (they go to the City with
    a tờ trình); every proposal with a granted line is decided; the publication is closed."""
    decision = Decision.objects.get(state=DecisionState.SIGNED)
    assert decision.signer.username == "lanhdao"
    states = set(Proposal.objects.filter(round__year=2019).values_list("state", flat=True))
    assert states == {ProposalState.DECIDED}
    city = ProposalLine.objects.filter(code="provincial_certificate_of_commendation")
    assert city.count() == 3 and not Award.objects.filter(proposal_line__in=city).exists()
    assert Publication.objects.get().state == PublicationState.CLOSED


def test_the_fund_paid_the_decision(seeded):  # noqa: F811
    """The 2020 fund shows the decision paid in full."""
    from tdkt.accounts.models import User

    summary = fund_summary(actor=User.objects.get(username="lanhdao"), year=2020)
    assert summary.committed > 0 and summary.outstanding == 0
    assert FundEntry.objects.count() == 2


def test_certificate_batch_prints_one_page_per_line(seeded, tmp_path):  # noqa: F811
    """The contract's certificates command prints the demo decision's batch."""
    from pypdf import PdfReader

    target = tmp_path / "gk.pdf"
    call_command("certificates", "render", "125", "--year", "2020", "--output", str(target))
    lines = Decision.objects.get(state=DecisionState.SIGNED).awards.count()
    assert len(PdfReader(target).pages) == lines
