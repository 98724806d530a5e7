"""The adapter reads history from the archive in one query and is the one door to the engine."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.commendations.adapters import (
    RoundTerms,
    continuous_service_starts,
    group_history,
    history_rows,
    judge,
    member_counts,
    person_case,
)
from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.models import Award
from tdkt.commendations.selectors.cases import Subjects, build_cases, terms_for
from tdkt.commendations.services import AwardEntry, awards_record
from tdkt.organizations.models import Person
from tdkt.organizations.services import employment_add
from tdkt.rules import AchievementRecord, UnitCase
from tests.commendations.conftest import give_history, give_initiative

pytestmark = pytest.mark.django_db


def test_history_of_many_people_is_one_query_of_granted_awards(registry, django_assert_num_queries):
    """Ratings, granted awards, initiatives and disciplines come back in a single statement;
    a revoked award is not history."""
    give_history(registry, registry.anh)
    give_initiative(registry, registry.anh)
    give_history(registry, registry.duc, years=(2018, 2019), rating="good")
    Award.objects.filter(person=registry.duc).update(status=AwardStatus.REVOKED)
    people = Person.objects.filter(pk__in=[registry.anh.pk, registry.duc.pk]).values("pk")
    with django_assert_num_queries(1):
        rows = history_rows(people=people)
    histories = group_history(rows)
    anh, duc = histories[registry.anh.pk], histories[registry.duc.pk]
    assert sorted(anh.ratings) == [(2017, "excellent"), (2018, "excellent"), (2019, "excellent")]
    assert sorted(a.year for a in anh.awards) == [2017, 2018]
    assert [i.scope for i in anh.initiatives] == ["grassroots"]
    assert duc.awards == [] and len(duc.ratings) == 2


def test_an_award_for_a_period_counts_for_its_last_year(registry):
    """A CSTĐ bộ/tỉnh of 2017–2019 is history of 2019, as the engine reads chains."""
    awards_record(
        actor=registry.officer,
        entries=[
            AwardEntry(
                person=registry.anh,
                code="provincial_emulation_fighter",
                year=2017,
                period_end_year=2019,
                decision_number="200/QĐ-UBND",
            )
        ],
    )
    rows = history_rows(people=Person.objects.filter(pk=registry.anh.pk).values("pk"))
    assert group_history(rows)[registry.anh.pk].awards == [
        AchievementRecord(2019, "provincial_emulation_fighter")
    ]


def test_continuous_service_starts_at_the_first_of_back_to_back_posts(registry):
    """A transfer the day after the old post ends keeps the start; a gap restarts it."""
    employment_add(
        actor=registry.officer,
        person=registry.anh,
        organization=registry.planning,
        start_date=date(2021, 1, 1),
    )
    people = Person.objects.filter(pk__in=[registry.anh.pk, registry.worker.pk]).values("pk")
    starts = continuous_service_starts(people)
    assert starts[registry.anh.pk] == date(2015, 3, 1)
    assert starts[registry.worker.pk] == date(2020, 1, 6)


def test_member_counts_read_the_year_of_each_member():
    """Members completing their tasks, LĐTT, CSTĐCS and disciplined members are counted for
    the year only, from each member's history rows."""
    good = [
        (1, 2019, "rating", "good", None, None),
        (1, 2019, "award", "advanced_worker", None, None),
    ]
    old = [
        (2, 2018, "rating", "excellent", None, None),
        (2, 2018, "award", "advanced_worker", None, None),
    ]
    warned = [
        (3, 2019, "rating", "complete", None, None),
        (3, 2019, "discipline", "warning", None, None),
    ]
    counts = member_counts([good, old, warned, []], 2019)
    assert (counts.members, counts.completing, counts.advanced, counts.disciplined) == (4, 2, 1, 1)


def test_judge_screens_and_explains_alike(registry):
    """Screened verdicts (no text) equal the explained ones for every person and code."""
    give_history(registry, registry.anh)
    give_initiative(registry, registry.anh)
    give_history(registry, registry.duc, years=(2019,), rating="complete", lđtt=False)
    terms = RoundTerms(
        year=2019,
        as_of=date(2019, 12, 10),
        rule_set="auto",
        codes=("advanced_worker", "grassroots_emulation_fighter", "certificate_of_merit"),
    )
    cases = build_cases(
        Subjects(people=[registry.anh.pk, registry.duc.pk, registry.worker.pk]), terms
    )
    unit = UnitCase(as_of=terms.as_of, year=2019, cases=tuple(cases))
    screened = judge(unit, explain=())
    explained = judge(unit)
    assert screened.rule_set == explained.rule_set == "R2013"
    for case in cases:
        fast = [(v.code, v.eligible, v.vote) for v in screened.verdicts[case.id]]
        slow = [(v.code, v.eligible, v.vote) for v in explained.verdicts[case.id]]
        assert fast == slow
        assert all(v.conditions is None for v in screened.verdicts[case.id])
        assert all(v.conditions for v in explained.verdicts[case.id])
    anh = {v.code: v.eligible for v in explained.verdicts[f"p{registry.anh.pk}"]}
    assert anh["advanced_worker"] and anh["grassroots_emulation_fighter"]
    assert not any(v.eligible for v in explained.verdicts[f"p{registry.duc.pk}"][:2])


def test_a_case_asks_only_the_codes_that_fit_the_subject(round_2019):
    """An individual's case leaves out collective codes of the round."""
    case = person_case(1, None, terms_for(round_2019))
    assert "advanced_collective" not in case.candidates
    assert case.candidates[0] == "advanced_worker"
