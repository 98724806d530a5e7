"""Benchmark the eligibility page of a unit of 2,000 people (issue #9 §6).

Builds a throw-away database (SQLite in memory, or ``TDKT_BENCH_DATABASE_URL`` for
PostgreSQL) with one unit of N people and about ten archive rows each (ratings, awards,
initiatives, a few disciplines) written through the archive services, then times, best of
``--repeat`` and interleaved:

* **baseline** — one read of the unit's history rows (``adapters.history_rows``: the UNION ALL
  of the four archive tables for the people working in the unit), nothing else;
* **page** — the whole eligibility selector the page and the API call: the people, their
  history rows, their posts, the collectives, the screening of everybody and the explained
  verdicts of the 50 rows shown (``selectors.eligibility``);
* **explain all** — for comparison, the same cases explained for everybody
  (``adapters.judge`` without screening), what the page would cost without the batch path.

    .venv/bin/python bench/eligibility_bench.py                 # 2,000 people
    .venv/bin/python bench/eligibility_bench.py --people 500 --repeat 3
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

from harness import best_of, in_test_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _build(people: int) -> tuple[object, object, object, int]:
    """Create the officer, a unit of ``people`` people with history, and a 2025 round."""
    from tdkt.accounts.services import user_create
    from tdkt.commendations.services import (
        AwardEntry,
        DisciplineEntry,
        InitiativeEntry,
        RatingEntry,
        awards_record,
        disciplines_record,
        initiatives_record,
        ratings_record,
        round_create,
    )
    from tdkt.organizations.constants import OrganizationKind, PersonnelCategory
    from tdkt.organizations.models import Person
    from tdkt.organizations.services import organization_create, person_create

    rng = random.Random(2000)
    officer = user_create(
        actor=None,
        username="bench",
        password="Bench#2026-x",  # noqa: S106 - a throw-away benchmark database
        role="emulation_officer",
    )
    board = organization_create(actor=officer, name="Ban", kind=OrganizationKind.BOARD)
    unit = organization_create(
        actor=officer, name="Phòng lớn", kind=OrganizationKind.DEPARTMENT, parent=board
    )
    for i in range(people):
        person_create(
            actor=officer,
            full_name=f"Người số {i:05d}",
            category=PersonnelCategory.CIVIL_SERVANT,
            organization=unit,
            start_date=date(2012, 1, 1),
        )
    staff = list(Person.objects.all())
    ratings, awards, initiatives, disciplines = [], [], [], []
    for person in staff:
        for year in range(2019, 2026):
            rating = rng.choice(("excellent", "good", "good", "complete"))
            ratings.append(RatingEntry(person=person, year=year, rating=rating))
            if rating != "complete" and year < 2025:
                awards.append(
                    AwardEntry(
                        person=person,
                        code="advanced_worker",
                        year=year,
                        decision_number=f"{year - 2000}/QĐ-BQL",
                    )
                )
        if rng.random() < 0.3:
            initiatives.append(
                InitiativeEntry(person=person, title="Sáng kiến", year=2025, scope="grassroots")
            )
        if rng.random() < 0.02:
            disciplines.append(DisciplineEntry(person=person, year=2025, level="reprimand"))
    ratings_record(actor=officer, entries=ratings)
    awards_record(actor=officer, entries=awards)
    initiatives_record(actor=officer, entries=initiatives)
    disciplines_record(actor=officer, entries=disciplines)
    round_ = round_create(
        actor=officer,
        name="Tổng kết 2025",
        kind="year_end",
        year=2025,
        accepted_codes=[
            "advanced_worker",
            "grassroots_emulation_fighter",
            "certificate_of_merit",
            "provincial_certificate_of_commendation",
            "advanced_collective",
        ],
        unit_deadline=date(2026, 1, 15),
    )
    rows = len(ratings) + len(awards) + len(initiatives) + len(disciplines)
    return officer, unit, round_, rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description="Eligibility page benchmark")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    return in_test_database(lambda: _run(args.people, args.repeat))


def _run(people: int, repeat: int) -> int:
    from django.db import connection

    from tdkt.commendations.adapters import history_rows, judge
    from tdkt.commendations.selectors import eligibility
    from tdkt.commendations.selectors.cases import Subjects, build_cases, terms_for
    from tdkt.organizations.selectors import person_list
    from tdkt.rules import UnitCase

    started = time.perf_counter()
    officer, unit, round_, rows = _build(people)
    built = time.perf_counter() - started
    unit_people = person_list(actor=officer, organization=unit).values("pk")

    def baseline() -> object:
        return history_rows(people=unit_people)

    def page() -> object:
        view = eligibility(actor=officer, round=round_, organization=unit)
        return list(view.page.object_list)

    def explain_all() -> object:
        terms = terms_for(round_)
        ids = person_list(actor=officer, organization=unit).order_by().values("pk")
        pks = [row["pk"] for row in ids]
        cases = build_cases(Subjects(people=pks, people_query=ids), terms)
        return judge(UnitCase(as_of=terms.as_of, year=terms.year, cases=tuple(cases)))

    base, full, slow = best_of(repeat, baseline, page, explain_all)
    view = eligibility(actor=officer, round=round_, organization=unit)
    print(
        f"Eligibility page of one unit — {connection.vendor}, {people:,} people, "
        f"{rows:,} archive rows (built in {built:.0f} s), best of {repeat}"
    )
    print(f"{'measure':<46} {'seconds':>8} {'× baseline':>11}")
    print("-" * 67)
    print(f"{'baseline: one read of their history rows':<46} {base:>8.3f} {1:>10.2f}×")
    print(
        f"{'page: eligibility selector (50 rows explained)':<46} {full:>8.3f} {full / base:>10.2f}×"
    )
    print(f"{'explain everybody (no screening)':<46} {slow:>8.3f} {slow / base:>10.2f}×")
    print("Eligible:", ", ".join(f"{c}={n:,}" for c, n in view.eligible_counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
