"""The eligibility list: every person and collective of a unit, in a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.commendations.selectors import eligibility
from tdkt.commendations.services import RatingEntry, ratings_record
from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.services import person_create
from tests.commendations.conftest import give_history

pytestmark = pytest.mark.django_db


def _staff(registry, count: int, start: int = 0) -> None:
    for i in range(start, start + count):
        person = person_create(
            actor=registry.officer,
            full_name=f"Nhân viên {i:03d}",
            category=PersonnelCategory.CIVIL_SERVANT,
            organization=registry.investment,
            start_date=date(2010, 1, 1),
        )
        ratings_record(
            actor=registry.officer,
            entries=[RatingEntry(person=person, year=2019, rating="good")],
        )


def _queries(registry, round_2019, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        view = eligibility(
            actor=registry.investment_head,
            round=round_2019,
            organization=registry.investment,
            **kwargs,
        )
        list(view.page.object_list)
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_unit(registry, round_2019):
    """Five people or forty: the same handful of queries (people, one history read, posts,
    the collectives), not one per person."""
    _staff(registry, 5)
    few = _queries(registry, round_2019)
    _staff(registry, 35, start=5)
    many = _queries(registry, round_2019)
    assert many == few <= 16


def test_only_the_rows_shown_are_explained_and_filters_apply_to_all(registry, round_2019):
    """The page explains its own rows; "only eligible" and the name search look at every
    row of the unit, and the counts are over the whole unit."""
    _staff(registry, 12)
    give_history(registry, registry.anh, years=(2019,), rating="complete", lđtt=False)
    view = eligibility(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        page_size=5,
    )
    assert view.total == 14 and view.page.paginator.num_pages == 3
    assert view.eligible_counts["advanced_worker"] == 12
    shown = [row for row in view.page.object_list if row.is_person]
    assert all(cell.reasons for row in shown for cell in row.cells if cell is not None)
    only = eligibility(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        only_eligible=True,
        page_size=50,
    )
    names = {row.name for row in only.page.object_list}
    assert "Nguyễn Văn Ánh" not in names and len(names) == 12
    found = eligibility(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        search="nhan vien 011",
    )
    assert [row.name for row in found.page.object_list] == ["Nhân viên 011"]


def test_a_line_already_proposed_is_marked(registry, proposal):
    """Ánh's LĐTT is on the draft: the cell says so and offers no box to tick again."""
    view = eligibility(
        actor=registry.investment_head, round=proposal.round, organization=registry.investment
    )
    anh = next(row for row in view.page.object_list if row.name == "Nguyễn Văn Ánh")
    cell = next(c for c in anh.cells if c is not None and c.code == "advanced_worker")
    assert cell.proposed
    assert view.proposal == proposal
