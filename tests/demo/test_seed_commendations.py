"""The demo archive (2017–2019, 2023–2025), the open 2025 round and its proposals."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.commendations.constants import ProposalState, RoundState
from tdkt.commendations.models import Award, Initiative, Proposal, Round, YearlyRating
from tdkt.commendations.selectors import eligibility
from tdkt.demo.commendations import ROUND_NAME
from tdkt.organizations.models import Organization


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Run ``seed_demo`` once for the module; everything is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Award, YearlyRating, Initiative, Round, Proposal))


@pytest.mark.django_db
def test_the_board_has_a_history_of_ratings_and_awards(seeded):
    """Ratings of 2017–2019, LĐTT and CSTĐCS awards of those years, department titles."""
    for year in (2017, 2018, 2019):
        assert YearlyRating.objects.filter(year=year, person__isnull=False).count() >= 40
        assert Award.objects.filter(year=year, code="advanced_worker").count() >= 30
    assert Award.objects.filter(code="grassroots_emulation_fighter").exists()
    assert Award.objects.filter(organization__isnull=False, code="advanced_collective").exists()
    assert Initiative.objects.filter(year=2025).exists()


@pytest.mark.django_db
def test_a_2025_round_is_open_with_something_for_each_role(seeded):
    """The round takes proposals until a date after today: the investment head's draft to
    finish, the labour department's submitted list for the officer to appraise, and the
    office's list appraised and at the council, each written by the unit's own login."""
    round_ = Round.objects.get(name=ROUND_NAME)
    assert round_.state == RoundState.OPEN and round_.year == 2025
    assert round_.unit_deadline > timezone.localdate()
    proposals = {
        p.organization.name: p for p in Proposal.objects.filter(round=round_).select_related()
    }
    assert {name: p.state for name, p in proposals.items()} == {
        "Phòng Quản lý Đầu tư": ProposalState.DRAFT,
        "Phòng Quản lý Lao động": ProposalState.SUBMITTED,
        "Văn phòng": ProposalState.AT_COUNCIL,
    }
    assert proposals["Phòng Quản lý Đầu tư"].lines.count() == 5
    assert proposals["Phòng Quản lý Đầu tư"].created_by.username == "truongphong.dautu"
    assert proposals["Phòng Quản lý Lao động"].created_by.username == "phophong.laodong"
    assert proposals["Văn phòng"].created_by.username == "phochanh.vanphong"
    assert {line.appraisal for line in proposals["Văn phòng"].lines.all()} == {"eligible"}


@pytest.mark.django_db
def test_the_eligibility_page_has_real_verdicts(seeded):
    """In the 2025 round the unit head's department has people eligible for LĐTT."""
    head = User.objects.get(username="truongphong.dautu")
    unit = Organization.objects.get(name="Phòng Quản lý Đầu tư")
    view = eligibility(actor=head, round=Round.objects.get(name=ROUND_NAME), organization=unit)
    assert view.eligible_counts["advanced_worker"] >= 3
    assert view.rule_set == "R2022b"


@pytest.mark.django_db
def test_a_second_run_adds_nothing_to_the_archive(seeded):
    """Seeding again leaves the archive, rounds and proposals as they are."""
    before = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == before


def test_the_planner_knows_the_loaded_tables(seeded):
    """On PostgreSQL the load ends with ANALYZE: statistics still describing empty tables made
    the eligibility page take minutes (the planner chose nested loops over thousands of rows)."""
    from django.db import connection

    from tdkt.organizations.models import Person

    if connection.vendor != "postgresql":
        pytest.skip("SQLite plans from its indexes; there are no statistics to refresh")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Person._meta.db_table])
        (estimated,) = cursor.fetchone()
    assert estimated >= Person.objects.count() * 0.9
