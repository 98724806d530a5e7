"""Benchmark the Board's annual report of a year with 100,000 award rows (issue #10 §6).

Builds a throw-away database (SQLite in memory, or ``TDKT_BENCH_DATABASE_URL`` for
PostgreSQL): 20 units, N/10 people with their posts, N granted awards of the year (a tenth to
collectives), a movement and a registration campaign. The award rows are bulk-inserted: the
benchmark measures reading and writing the report, not the archive import. Then, best of
``--repeat``, interleaved:

* **baseline** — the reads the report needs, run bare (awards grouped by code and recipient
  kind, awards grouped by recipient, the posts of those people), plus the document writer
  alone on the already composed report;
* **report** — what a download costs: ``annual_report`` (every section, scoping, movements,
  registrations, texts) and the writer, for .docx and for PDF; the registration rates (the
  movements app's dashboard over 10,000 people's posts) are timed on their own too.

    .venv/bin/python bench/reports_bench.py                  # 100,000 awards
    .venv/bin/python bench/reports_bench.py --awards 20000 --repeat 3
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


YEAR = 2019
UNITS = 20


def _build(awards: int) -> object:
    """The officer, units, people with posts, ``awards`` granted awards of YEAR."""
    from tdkt.accounts.services import user_create
    from tdkt.commendations.models import Award
    from tdkt.movements.constants import MovementKind
    from tdkt.movements.services import (
        campaign_open,
        movement_create,
        movement_participants_set,
    )
    from tdkt.movements.workflow import movement_transition
    from tdkt.organizations.constants import OrganizationKind, PersonnelCategory
    from tdkt.organizations.models import Employment, Person
    from tdkt.organizations.services import organization_create
    from tdkt.organizations.services.people import set_derived_fields
    from tdkt.rules import codes

    rng = random.Random(YEAR)
    officer = user_create(
        actor=None,
        username="bench",
        password="Bench#2026-x",  # noqa: S106 - a throw-away benchmark database
        role="emulation_officer",
    )
    board = organization_create(actor=officer, name="Ban", kind=OrganizationKind.BOARD)
    units = [
        organization_create(
            actor=officer, name=f"Phòng {i:02d}", kind=OrganizationKind.DEPARTMENT, parent=board
        )
        for i in range(UNITS)
    ]
    people = [
        Person(full_name=f"Người số {i:06d}", category=PersonnelCategory.CIVIL_SERVANT)
        for i in range(max(awards // 10, 1))
    ]
    for person in people:
        set_derived_fields(person)  # the search and sort keys every writer sets
    Person.objects.bulk_create(people)
    staff = list(Person.objects.values_list("pk", flat=True))
    Employment.objects.bulk_create(
        Employment(
            person_id=pk,
            organization=units[i % UNITS],
            position="Chuyên viên",
            start_date=date(2010, 1, 1),
        )
        for i, pk in enumerate(staff)
    )
    individual = [c for c in codes.AWARD_CODES if codes.applies_to(c, codes.INDIVIDUAL)]
    collective = [c for c in codes.AWARD_CODES if codes.applies_to(c, codes.COLLECTIVE)]
    rows = []
    for i in range(awards):
        if i % 10 == 0:
            unit = units[rng.randrange(UNITS)]
            rows.append(
                Award(
                    organization=unit,
                    recipient_name=unit.name,
                    code=rng.choice(collective),
                    issuer_level="department",
                    year=YEAR,
                    decision_number=f"{i}/QĐ-BQL",
                    search_key=unit.name.lower(),
                )
            )
        else:
            rows.append(
                Award(
                    person_id=staff[rng.randrange(len(staff))],
                    recipient_name="Người",
                    unit_label="Chuyên viên",
                    code=rng.choice(individual),
                    issuer_level="department",
                    year=YEAR,
                    decision_number=f"{i}/QĐ-BQL",
                    search_key="nguoi",
                )
            )
    Award.objects.bulk_create(rows, batch_size=5000)
    movement = movement_create(
        actor=officer,
        code="BENCH-2019",
        name="Phong trào thi đua năm 2019",
        kind=MovementKind.REGULAR,
        starts_on=date(YEAR, 1, 1),
        ends_on=date(YEAR, 12, 31),
    )
    movement_participants_set(actor=officer, movement=movement, organizations=units)
    movement_transition(actor=officer, movement=movement, to_state="launched")
    campaign_open(
        actor=officer,
        year=YEAR,
        deadline=date(YEAR, 2, 28),
        organizations=units[:5],
        target_percent=100,
        note="",
    )
    return officer


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description="Annual report benchmark")
    parser.add_argument("--awards", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    return in_test_database(lambda: _run(args.awards, args.repeat))


def _run(awards: int, repeat: int) -> int:
    from django.db import connection
    from django.db.models import Count

    from tdkt.commendations.models import Award
    from tdkt.documents.official.annual import (
        render_annual_report_docx,
        render_annual_report_pdf,
    )
    from tdkt.organizations.models import Employment
    from tdkt.reports.selectors import annual_report
    from tdkt.reports.selectors.figures import registrations_of_year

    started = time.perf_counter()
    officer = _build(awards)
    built = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    composed = annual_report(actor=officer, year=YEAR, as_of=date(YEAR, 12, 31))

    def group_bys() -> object:
        granted = Award.objects.filter(status="granted", year=YEAR).order_by()
        by_code = list(
            granted.values("code").annotate(individuals=Count("person_id"), n=Count("id"))
        )
        by_recipient = list(granted.values("organization_id", "person_id").annotate(n=Count("id")))
        posts = list(
            Employment.objects.filter(person_id__in={r["person_id"] for r in by_recipient})
            .order_by("person_id", "-start_date")
            .values_list("person_id", "organization_id", "start_date", "end_date")
        )
        return by_code, by_recipient, posts

    def writer_docx() -> object:
        return render_annual_report_docx(composed)

    def writer_pdf() -> object:
        return render_annual_report_pdf(composed)

    def report_docx() -> object:
        return render_annual_report_docx(annual_report(actor=officer, year=YEAR))

    def registrations() -> object:
        return registrations_of_year(actor=officer, year=YEAR)

    def report_pdf() -> object:
        return render_annual_report_pdf(annual_report(actor=officer, year=YEAR))

    groups, w_docx, w_pdf, r_docx, r_pdf, regs = best_of(
        repeat, group_bys, writer_docx, writer_pdf, report_docx, report_pdf, registrations
    )
    print(
        f"Annual report of {YEAR} — {connection.vendor}, {awards:,} award rows, "
        f"{UNITS} units (built in {built:.0f} s), best of {repeat}"
    )
    print(f"{'measure':<52} {'seconds':>8} {'× baseline':>11}")
    print("-" * 73)
    print(f"{'the GROUP BYs alone (by code, by recipient, posts)':<52} {groups:>8.3f}")
    for name, writer, full in (("docx", w_docx, r_docx), ("PDF", w_pdf, r_pdf)):
        base = groups + writer
        print(f"{f'writer alone ({name})':<52} {writer:>8.3f}")
        print(f"{f'baseline: GROUP BYs + writer ({name})':<52} {base:>8.3f} {1:>10.2f}×")
        print(
            f"{f'report: annual_report + writer ({name})':<52} {full:>8.3f} {full / base:>10.2f}×"
        )
    print(f"{'of which: registration rates (movements app)':<52} {regs:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
