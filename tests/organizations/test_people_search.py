"""Finding people by name or CCCD through the database's name index, on both databases."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.models import Person
from tdkt.organizations.selectors import person_list, person_page
from tdkt.organizations.selectors.people_search import NameQuery
from tdkt.organizations.services import person_create, person_update

pytestmark = pytest.mark.django_db

NAMES = [
    "Nguyễn Văn Ánh",
    "Nguyễn Văn Anh Tuấn",
    "Nguyễn Thị Vân Anh",
    "NGUYỄN   văn   Bình",
    "Đỗ Đức Anh",
    "Trần Minh Đức",
    "Lê Thị Hoa",
    "Tanaka Hiroshi",
]


@pytest.fixture
def people(registry):
    for name in NAMES:
        person_create(
            actor=registry.officer,
            full_name=name,
            category=PersonnelCategory.WORKER,
            organization=registry.centre,
            start_date=date(2021, 1, 4),
        )
    return registry


def _found(actor, query: str) -> list[str]:
    return sorted(p.full_name for p in person_list(actor=actor, search=query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van anh", ["Nguyễn Văn Anh Tuấn", "Nguyễn Văn Ánh", "Nguyễn Văn Ánh"]),
        ("NGUYEN VAN ANH", ["Nguyễn Văn Anh Tuấn", "Nguyễn Văn Ánh", "Nguyễn Văn Ánh"]),
        ("nguyễn văn ánh", ["Nguyễn Văn Anh Tuấn", "Nguyễn Văn Ánh", "Nguyễn Văn Ánh"]),
        ("duc", ["Trần Minh Đức", "Trần Minh Đức", "Đỗ Đức Anh"]),
        ("đức anh", ["Đỗ Đức Anh"]),
        ("van b", ["NGUYỄN văn Bình"]),
        ("hiro", ["Tanaka Hiroshi"]),
        ("  le   thi  ", ["Lê Thị Hoa", "Lê Thị Hoa"]),
    ],
)
def test_names_are_found_without_accents_case_or_extra_spaces(people, query, expected):
    """Words typed without accents find the Vietnamese name; the last word may be unfinished.

    The registry already holds an Ánh, a Đức and a Hoa; the fixture adds namesakes.
    """
    assert _found(people.officer, query) == sorted(expected)


@pytest.mark.parametrize("query", ["uyen", "anh van", "thi hoa le", "-", "n.g"])
def test_words_match_from_their_start_and_in_order(people, query):
    """A piece from inside a word, or words out of order, find nobody; so does punctuation."""
    assert _found(people.officer, query) == []


def test_the_citizen_id_matches_exactly(people):
    """A CCCD finds its owner; a part of it finds nobody (no prefix search on ids)."""
    assert _found(people.officer, "001085012345") == ["Nguyễn Văn Ánh"]
    assert _found(people.officer, "001085") == []


def test_a_renamed_person_is_found_by_the_new_name_only(people):
    """The name index follows a rename made through the service (a trigger on SQLite)."""
    person = Person.objects.get(full_name="Lê Thị Hoa", employments__organization=people.centre)
    person_update(actor=people.officer, person=person, full_name="Lê Thị Hồng")
    assert _found(people.officer, "le thi hong") == ["Lê Thị Hồng"]
    assert _found(people.officer, "le thi ho") == ["Lê Thị Hoa", "Lê Thị Hồng"]
    assert _found(people.officer, "thi hoa") == ["Lê Thị Hoa"]


def test_the_index_and_the_python_rule_agree(people):
    """The database's match (FTS5 or pg_trgm) and ``NameQuery.matches`` keep the same rows."""
    rows = list(Person.objects.values_list("search_key", "citizen_id", "full_name"))
    for query in ["nguyen van a", "anh", "duc anh", "thi", "van anh tuan", "hoa", "x"]:
        parsed = NameQuery.parse(query)
        in_python = sorted(name for key, cid, name in rows if parsed.matches(key, cid))
        assert _found(people.officer, query) == in_python, query


def test_search_stays_inside_the_scope(people):
    """The planning head searching for Ánh finds nobody: the Ánhs work elsewhere."""
    page = person_page(actor=people.planning_head, search="anh")
    assert page.people == [] and page.count == 0
