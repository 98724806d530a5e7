"""What the database keeps in step with the person table: the counts and the name index."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest
from django.db import connection

from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.derived import ensure_derived
from tdkt.organizations.keys import person_keys
from tdkt.organizations.models import Person, PersonCount
from tdkt.organizations.selectors import people_by_category, person_list
from tdkt.organizations.services import person_create, person_update

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {c.category: c.count for c in PersonCount.objects.all() if c.count}


def _live() -> dict[str, int]:
    counts: dict[str, int] = {}
    for category in Person.objects.values_list("category", flat=True):
        counts[category] = counts.get(category, 0) + 1
    return counts


def test_counts_follow_creates_and_category_changes(registry):
    """The registry's three people are counted; a new cadre and a re-categorised one move."""
    assert _counts() == _live() == {"civil_servant": 2, "enterprise_worker": 1}
    person_create(
        actor=registry.officer,
        full_name="Vũ Văn Cán",
        category=PersonnelCategory.CADRE,
        organization=registry.centre,
        start_date=date(2022, 1, 1),
    )
    person_update(actor=registry.officer, person=registry.duc, category=PersonnelCategory.CADRE)
    person_update(actor=registry.officer, person=registry.anh, phone="0912345678")
    assert _counts() == _live() == {"civil_servant": 1, "enterprise_worker": 1, "cadre": 2}


def test_counts_follow_bulk_writes_too(registry):
    """Rows written in bulk (as an import may) and deleted in bulk are counted alike."""
    people = []
    for i in range(5):
        keys = person_keys(f"Người Số {i}", uuid4())
        people.append(Person(full_name=f"Người Số {i}", category="worker", **keys))
    Person.objects.bulk_create(people)
    assert _counts()["worker"] == 5
    Person.objects.filter(category="worker").exclude(full_name="Người Số 0").delete()
    assert _counts() == _live()
    assert _counts()["worker"] == 1


def test_the_dashboard_counts_board_wide_from_the_kept_counts(registry, django_assert_num_queries):
    """A board-wide reader's people per category is one small query, whatever the registry."""
    with django_assert_num_queries(1):
        tallies = people_by_category(actor=registry.officer)
    assert {t.value: t.count for t in tallies if t.count} == _live()


def _drop(name: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TRIGGER {name}")
        else:
            cursor.execute(f"DROP TRIGGER {name} ON organizations_person")


def test_a_lost_trigger_is_recreated_and_what_it_missed_rebuilt(registry):
    """After a table rebuild drops the triggers (SQLite does so to alter a table), the next
    ``migrate`` recreates them and brings the counts (and the name index) up to date."""
    _drop("organizations_person_count_insert")
    if connection.vendor == "sqlite":
        _drop("organizations_person_search_insert")
    person = person_create(
        actor=registry.officer,
        full_name="Hoàng Thị Mất Dấu",
        category=PersonnelCategory.CADRE,
        organization=registry.centre,
        start_date=date(2022, 1, 1),
    )
    assert "cadre" not in _counts()
    missing = ensure_derived()
    assert "organizations_person_count_insert" in missing
    assert _counts() == _live()
    assert [p.pk for p in person_list(actor=registry.officer, search="mat dau")] == [person.pk]
    assert ensure_derived() == []
