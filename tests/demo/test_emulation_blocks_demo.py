"""The demo block's 2019 pledge, ranking and election (legal-rules §7), idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tdkt.demo.groups import RED_RIVER_DELTA_BLOCK
from tdkt.demo.services import demo_data_load
from tdkt.emulation_groups.constants import ElectionState, PledgeState
from tdkt.emulation_groups.models import Election, Pledge
from tdkt.emulation_groups.selectors import pledge_board, rotation
from tdkt.organizations.models import EmulationGroup, GroupLeadership

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _group() -> EmulationGroup:
    return EmulationGroup.objects.get(name=RED_RIVER_DELTA_BLOCK.name)


def test_2019_pledge_is_signed_scored_and_ranked_with_a_declared_tie_break(seeded) -> None:
    pledge = Pledge.objects.get(group=_group(), year=2019)
    assert pledge.state == PledgeState.PUBLISHED
    board = pledge_board(pledge)
    assert board.unsigned == 0 and len(board.rows) == 11
    names = [row.organization.name for row in board.rows]
    assert names[0] == "Ban Quản lý các KCN Bắc Ninh"
    # Hải Dương and Hưng Yên tie on total; the second declared rule (fewer penalties) decides.
    above = names.index("Ban Quản lý các KCN Hải Dương")
    assert names[above + 1] == "Ban Quản lý các KCN Hưng Yên"
    assert "quy tắc phụ 2 (ít điểm trừ hơn)" in board.rows[above].explanation


def test_2019_election_made_bac_ninh_leader_and_the_board_deputy_for_2020(seeded) -> None:
    election = Election.objects.get(group=_group(), year=2020)
    assert election.state == ElectionState.CLOSED
    assert election.votes.count() == 11
    leadership = GroupLeadership.objects.get(group=_group(), year=2020)
    assert leadership.leader.name == "Ban Quản lý các KCN Bắc Ninh"
    assert leadership.deputy is not None
    assert leadership.deputy.name.startswith("Ban Quản lý các khu công nghiệp và chế xuất Hà Nội")
    years = {row.year: row for row in rotation(_group())}
    assert years[2020].elected and not years[2019].elected


def test_current_year_has_the_members_and_a_second_load_writes_nothing(seeded) -> None:
    year = timezone.localdate().year
    assert _group().memberships.filter(year=year).count() == 11
    assert not demo_data_load().loaded
