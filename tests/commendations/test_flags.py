"""Warnings on proposal lines: already granted, proposed twice, over a cap, not registered."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.commendations import flags
from tdkt.commendations.flags import line_flags, set_registration_check
from tdkt.commendations.services import (
    AwardEntry,
    LineInput,
    awards_record,
    proposal_lines_add,
)
from tdkt.organizations.services import employment_add
from tests.commendations.conftest import give_history, give_initiative

pytestmark = pytest.mark.django_db


def _flags(proposal):
    proposal.refresh_from_db()
    return {line.code: line_flags(proposal)[line.pk] for line in proposal.lines.all()}


def test_an_award_of_a_period_covering_the_year_is_already_granted(registry, proposal):
    """A CSTĐ-like period 2018–2020 covers 2019; an award of 2018 alone does not."""
    awards_record(
        actor=registry.officer,
        entries=[
            AwardEntry(
                person=registry.anh,
                code="advanced_worker",
                year=2018,
                decision_number="9/QĐ-BQL",
            )
        ],
    )
    assert _flags(proposal) == {"advanced_worker": []}
    awards_record(
        actor=registry.officer,
        entries=[
            AwardEntry(
                person=registry.anh,
                code="advanced_worker",
                year=2018,
                period_end_year=2020,
                decision_number="10/QĐ-BQL",
            )
        ],
    )
    assert _flags(proposal) == {"advanced_worker": ["already_granted"]}


def test_the_same_person_proposed_by_two_units_is_flagged_on_both(registry, proposal):
    """Ánh moves to planning, which proposes him too: both lines say "proposed twice"."""
    employment_add(
        actor=registry.officer,
        person=registry.anh,
        organization=registry.planning,
        start_date=date(2019, 11, 1),
    )
    other, _added = proposal_lines_add(
        actor=registry.planning_head,
        round=proposal.round,
        organization=registry.planning,
        lines=[LineInput(person=registry.anh, code="advanced_worker")],
    )
    assert _flags(proposal) == {"advanced_worker": ["duplicate"]}
    assert _flags(other) == {"advanced_worker": ["duplicate"]}


def test_grassroots_fighters_above_15_percent_of_advanced_workers_are_over_the_cap(
    registry, round_2019
):
    """Under R2013 CSTĐ cơ sở may be at most 15 % of LĐTT (NĐ 91/2017 Art 9.3): one eligible
    CSTĐCS for one LĐTT is over it, in the proposal and in the round."""
    give_history(registry, registry.anh)
    give_initiative(registry, registry.anh)
    proposal, _added = proposal_lines_add(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        lines=[
            LineInput(person=registry.anh, code="advanced_worker"),
            LineInput(person=registry.anh, code="grassroots_emulation_fighter"),
        ],
    )
    flags = _flags(proposal)
    assert flags["advanced_worker"] == []
    assert flags["grassroots_emulation_fighter"] == ["over_cap", "over_round_cap"]


def test_an_ineligible_line_does_not_count_against_the_cap(registry, round_2019):
    """Without the initiative Ánh is not eligible for CSTĐCS, so no cap is exceeded."""
    give_history(registry, registry.anh)
    proposal, _added = proposal_lines_add(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        lines=[
            LineInput(person=registry.anh, code="advanced_worker"),
            LineInput(person=registry.anh, code="grassroots_emulation_fighter"),
        ],
    )
    assert _flags(proposal)["grassroots_emulation_fighter"] == []


def test_a_registration_check_can_be_installed(registry, proposal):
    """The movements app installs its check at start-up; the flag follows what the installed
    check returns (no check: no flag)."""
    line = proposal.lines.get()
    installed = flags._registration_check
    try:
        set_registration_check(lambda round_, lines: {line.pk})
        assert _flags(proposal) == {"advanced_worker": ["not_registered"]}
        set_registration_check(None)
        assert _flags(proposal) == {"advanced_worker": []}
    finally:
        set_registration_check(installed)
