"""Pages of people: keyset positions, the two roads (few matches, many), counts and scope."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.selectors import people_pages, person_list, person_page
from tdkt.organizations.services import person_create

pytestmark = pytest.mark.django_db

GIVEN = ["An", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hà", "Khánh", "Linh", "Minh", "Nam"]


@pytest.fixture
def crowd(registry):
    """36 more people: 24 in the centre, 12 in the enterprise, two categories."""
    for i in range(36):
        person_create(
            actor=registry.officer,
            full_name=f"{['Nguyễn', 'Trần', 'Phạm'][i % 3]} Văn {GIVEN[i % len(GIVEN)]}",
            category=PersonnelCategory.WORKER if i % 4 else PersonnelCategory.CADRE,
            organization=registry.centre if i < 24 else registry.enterprise,
            start_date=date(2020, 1, 1),
        )
    return registry


def _walk(actor, size=5, **filters) -> list[str]:
    """Follow "next" from the first page to the last; return the uuids in the order shown."""
    seen, after = [], None
    while True:
        page = person_page(actor=actor, after=after, size=size, **filters)
        seen += [str(p.uuid) for p in page.people]
        if page.next_after is None:
            return seen
        after = page.next_after


def _expected(actor, **filters) -> list[str]:
    return [str(p.uuid) for p in person_list(actor=actor, **filters)]


FILTERS = [
    {},
    {"search": "van"},
    {"search": "nguyen van"},
    {"category": PersonnelCategory.WORKER},
    {"search": "van", "category": PersonnelCategory.CADRE},
    # Every word is in every "Nguyễn Văn …" name, but not in this order: the database's word
    # test lets them all through and the exact rule must drop them.
    {"search": "van nguyen"},
]


@pytest.mark.parametrize("filters", FILTERS)
# 20: a name matching many people searched in a scope of few (the enterprise's 12).
@pytest.mark.parametrize("few", [5000, 20, 1])
def test_pages_walk_the_whole_list_once_in_order(crowd, monkeypatch, filters, few):
    """Page after page gives each person once, in the list's order, by either road."""
    monkeypatch.setattr(people_pages, "FEW", few)
    monkeypatch.setattr(people_pages, "CHUNK", 4)  # PostgreSQL's walk through a scope
    monkeypatch.setattr(people_pages, "WALK_PAGES", 1)  # SQLite's name walk: steps a page
    for actor in (crowd.officer, crowd.enterprise_rep, crowd.investment_head):
        assert _walk(actor, **filters) == _expected(actor, **filters)


@pytest.mark.parametrize("max_chunks", [1, 40])
def test_a_name_walked_in_steps_keeps_exact_matches_only(crowd, monkeypatch, max_chunks):
    """SQLite's walk for a common name takes a few rows a step, the database keeping those
    holding every word; "van a" is in every "Nguyễn Văn …" name, but only "Văn An" matches.
    With one step allowed, the database's own plan finds the rest of each page."""
    monkeypatch.setattr(people_pages, "FEW", 1)
    monkeypatch.setattr(people_pages, "CHUNK", 2)
    monkeypatch.setattr(people_pages, "WALK_PAGES", 1)
    monkeypatch.setattr(people_pages, "MAX_CHUNKS", max_chunks)
    for actor in (crowd.officer, crowd.enterprise_rep):
        expected = _expected(actor, search="van a")
        assert expected and len(expected) < len(_expected(actor, search="van"))
        assert _walk(actor, size=1, search="van a") == expected
        backward, page = [], person_page(actor=actor, size=1, search="van a", before="f" * 64)
        while page.people:
            backward[:0] = [str(p.uuid) for p in page.people]
            if page.previous_before is None:
                break
            page = person_page(actor=actor, size=1, search="van a", before=page.previous_before)
        assert backward == expected


@pytest.mark.parametrize("few", [5000, 1])
def test_organization_filter_pages_alike_by_both_roads(crowd, monkeypatch, few):
    """The people of one organisation page the same whether they are few or many."""
    monkeypatch.setattr(people_pages, "FEW", few)
    monkeypatch.setattr(people_pages, "CHUNK", 3)
    monkeypatch.setattr(people_pages, "WALK_PAGES", 1)
    monkeypatch.setattr(people_pages, "MAX_CHUNKS", 2)  # PostgreSQL: its own plan finds the rest
    walked = _walk(crowd.officer, size=4, organization=crowd.centre, search="van")
    assert walked == _expected(crowd.officer, organization=crowd.centre, search="van")
    assert len(walked) == 24


@pytest.mark.parametrize(
    ("who", "filters", "few"),
    [
        ("officer", {}, 1000),
        ("officer", {"search": "van"}, 1),  # a common name, many people
        ("enterprise_rep", {"search": "van"}, 20),  # a common name in a scope of few
    ],
)
def test_previous_pages_lead_back_to_the_first(crowd, monkeypatch, who, filters, few):
    """From the last page, "previous" links walk back through the same pages."""
    monkeypatch.setattr(people_pages, "FEW", few)
    actor = getattr(crowd, who)
    forward = []
    page = person_page(actor=actor, size=3, **filters)
    while True:
        forward.append([p.pk for p in page.people])
        if page.next_after is None:
            break
        page = person_page(actor=actor, size=3, after=page.next_after, **filters)
    backward = [[p.pk for p in page.people]]
    while page.previous_before is not None:
        page = person_page(actor=actor, size=3, before=page.previous_before, **filters)
        backward.append([p.pk for p in page.people])
    assert len(forward) > 2
    assert backward[::-1] == forward
    assert person_page(actor=actor, size=3, **filters).previous_before is None


def test_people_added_while_paging_are_neither_repeated_nor_skip_anyone(crowd):
    """Rows added before and after the current position move no one across a page edge."""
    before = _expected(crowd.officer)
    first = person_page(actor=crowd.officer, size=10)
    for name in ("Âu Văn A", "Bùi Thị Yến", "Vũ Văn Xuân"):  # at the start, the end, in between
        person_create(
            actor=crowd.officer,
            full_name=name,
            category=PersonnelCategory.WORKER,
            organization=crowd.centre,
            start_date=date(2020, 1, 1),
        )
    seen = [str(p.uuid) for p in first.people]
    after = first.next_after
    while after:
        page = person_page(actor=crowd.officer, size=10, after=after)
        seen += [str(p.uuid) for p in page.people]
        after = page.next_after
    assert len(seen) == len(set(seen))
    assert set(before) <= set(seen)
    assert [u for u in seen if u in before] == before


def test_counts_are_exact_when_cheap_and_a_floor_otherwise(crowd, monkeypatch):
    """Few matches are counted; a board-wide list counts from the kept counts; many filtered
    matches read "more than FEW"."""
    assert person_page(actor=crowd.officer).count == 39
    cadres = person_page(actor=crowd.officer, category=PersonnelCategory.CADRE)
    assert cadres.count == 9
    assert person_page(actor=crowd.enterprise_rep).count == 13
    monkeypatch.setattr(people_pages, "FEW", 3)
    crowded = person_page(actor=crowd.officer, search="van")
    assert crowded.count is None and crowded.more_than == 3
    # A common name in a scope of few people is counted exactly.
    monkeypatch.setattr(people_pages, "FEW", 20)
    in_enterprise = person_page(actor=crowd.enterprise_rep, search="van")
    assert in_enterprise.count == len(_expected(crowd.enterprise_rep, search="van")) == 12
    monkeypatch.setattr(people_pages, "FEW", 3)
    assert person_page(actor=crowd.officer).count == 39


def test_a_scope_pages_only_its_people(crowd, monkeypatch):
    """The enterprise representative and the unit heads page through their own people only."""
    monkeypatch.setattr(people_pages, "FEW", 2)
    rep = _walk(crowd.enterprise_rep, size=4)
    assert len(rep) == 13
    assert _walk(crowd.planning_head, size=4) == [str(crowd.duc.uuid)]
    assert _walk(crowd.viewer, size=4) == [str(crowd.anh.uuid)]


def test_a_malformed_position_is_not_a_position():
    """Only sort keys (digits and hex) are positions; anything else reads the first page."""
    assert people_pages.valid_cursor("3251441120abc") == "3251441120abc"
    for bad in ("", None, "1' OR 1=1", "x" * 5, "1" * 700):
        assert people_pages.valid_cursor(bad) is None
