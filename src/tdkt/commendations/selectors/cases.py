"""Build the rule engine's cases of many people and collectives from the archive, in a few queries.

The callers (eligibility, proposal flags) pass subjects they have already read through an
actor-scoped selector; this module only gathers their history:

* one query for the history rows of the people (``adapters.history_rows``),
* one for their posts (continuous service),
* for collectives, one for the organisations' own rows, one for their current members (the
  member counts of Law 2022 Art 27–28, from the rows already read) and the block leaderships.

People to screen stay as their rows (``screened``); cases, which the explaining path needs,
are built only for the people explained (``person_cases``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from tdkt.commendations.adapters import (
    HistoryRow,
    RoundTerms,
    Screened,
    collective_case,
    continuous_service_starts,
    group_history,
    history_rows,
    member_counts,
    person_case,
)
from tdkt.commendations.models import Round
from tdkt.organizations.models import Employment, GroupLeadership, Organization, Person
from tdkt.organizations.selectors.people import current_employment_q
from tdkt.rules import Case


def terms_for(round_: Round, codes: Sequence[str] | None = None) -> RoundTerms:
    """Return what a round fixes for its cases.

    The decision date the engine reads (``as_of``: rule set and base salary) is the units'
    deadline: dossiers are lodged by then, and the law in force that day applies
    (docs/decisions/0504). ``rule_set`` pins a regime when the officer chose one.
    """
    return RoundTerms(
        year=round_.year,
        as_of=round_.unit_deadline,
        rule_set=round_.rule_set or "auto",
        codes=tuple(round_.accepted_codes if codes is None else codes),
    )


@dataclass(frozen=True)
class Subjects:
    """The people and collectives to build cases for, with the codes asked for each (None:
    the round's codes)."""

    people: Sequence[int]
    organizations: Sequence[Organization] = ()
    person_codes: Mapping[int, Sequence[str]] | None = None
    organization_codes: Mapping[int, Sequence[str]] | None = None
    people_query: QuerySet[Any] | None = None
    """The same people as a query of ids (``.values("pk")``), so that thousands of them are a
    subquery rather than a list of parameters."""


@dataclass
class PeopleHistory:
    """The history rows of many people, by person id, and the start of their service."""

    rows: dict[int, list[HistoryRow]]
    starts: dict[int, date]


def read_people(people: QuerySet[Any]) -> PeopleHistory:
    """Read the history rows (one query) and posts (one query) of ``people`` (a query of ids)."""
    rows: dict[int, list[HistoryRow]] = defaultdict(list)
    for row in history_rows(people=people):
        rows[row[0]].append(row)
    return PeopleHistory(dict(rows), continuous_service_starts(people))


def person_cases(
    pks: Iterable[int],
    history: PeopleHistory,
    terms: RoundTerms,
    codes: Mapping[int, Sequence[str]] | None = None,
) -> list[Case]:
    """Return the explained-path cases of some of the people read."""
    pks = list(pks)
    grouped = group_history(row for pk in pks for row in history.rows.get(pk, ()))
    codes = codes or {}
    return [
        person_case(
            pk,
            grouped.get(pk),
            terms,
            recruited_on=history.starts.get(pk),
            candidates=codes.get(pk),
        )
        for pk in pks
    ]


def screened(pks: Iterable[int], history: PeopleHistory) -> list[Screened]:
    """Return the people to screen from their rows (no case objects), ids ``p<pk>``."""
    empty: list[HistoryRow] = []
    return [Screened(f"p{pk}", history.rows.get(pk, empty), history.starts.get(pk)) for pk in pks]


def build_cases(subjects: Subjects, terms: RoundTerms) -> list[Case]:
    """Return one case per subject (people first), ids ``p<pk>`` and ``o<pk>``."""
    person_ids = list(subjects.people)
    people_qs = (
        subjects.people_query
        if subjects.people_query is not None
        else Person.objects.filter(pk__in=person_ids).values("pk")
    )
    history = read_people(people_qs) if person_ids else PeopleHistory({}, {})
    cases = person_cases(person_ids, history, terms, subjects.person_codes)
    if subjects.organizations:
        cases += collective_cases(
            subjects.organizations, terms, history, subjects.organization_codes
        )
    return cases


def collective_cases(
    organizations: Sequence[Organization],
    terms: RoundTerms,
    known: PeopleHistory,
    codes: Mapping[int, Sequence[str]] | None = None,
) -> list[Case]:
    """Cases of the collectives with their member counts; the rows of members already read
    (``known``) are not read again."""
    orgs = list(organizations)
    org_qs = Organization.objects.filter(pk__in=[o.pk for o in orgs]).values("pk")
    own = group_history(history_rows(organizations=org_qs))
    members = _members(orgs)
    rows: dict[int, list[HistoryRow]] = dict(known.rows)
    missing = {pid for ids in members.values() for pid in ids} - rows.keys() - known.starts.keys()
    if missing:
        for row in history_rows(people=Person.objects.filter(pk__in=missing).values("pk")):
            rows.setdefault(row[0], []).append(row)
    leaders = set(
        GroupLeadership.objects.filter(year=terms.year, leader__in=org_qs).values_list(
            "leader_id", flat=True
        )
    )
    codes = codes or {}
    empty: list[HistoryRow] = []
    return [
        collective_case(
            org.pk,
            own.get(org.pk),
            terms,
            counts=member_counts(
                (rows.get(pid, empty) for pid in members.get(org.pk, ())), terms.year
            ),
            leads_block=True if org.pk in leaders else None,
            candidates=codes.get(org.pk),
        )
        for org in orgs
    ]


def _members(orgs: Iterable[Organization]) -> dict[int, set[int]]:
    """Return the ids of the people working today in each organisation's subtree."""
    by_path = {org.path: org.pk for org in orgs}
    condition = Q(pk__in=[])
    for prefix in by_path:
        condition |= Q(organization__path__startswith=prefix)
    posts = Employment.objects.filter(
        current_employment_q(timezone.localdate()), condition
    ).values_list("person_id", "organization__path")
    out: dict[int, set[int]] = defaultdict(set)
    for person_id, path in posts:
        for prefix, org_id in by_path.items():
            if path.startswith(prefix):
                out[org_id].add(person_id)
    return out
