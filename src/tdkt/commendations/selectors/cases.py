"""Build the rule engine's cases of many people and collectives from the archive, in a few queries.

The callers (eligibility, proposal flags) pass subjects they have already read through an
actor-scoped selector; this module only gathers their history:

* one query for the history rows of the people (``adapters.history_rows``),
* one for their posts (continuous service),
* for collectives, one for the organisations' own rows and one for the history rows of their
  current members (the member counts of Law 2022 Art 27–28), plus the block leaderships.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from tdkt.commendations.adapters import (
    History,
    RoundTerms,
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

    people: Sequence[Person]
    organizations: Sequence[Organization] = ()
    person_codes: Mapping[int, Sequence[str]] | None = None
    organization_codes: Mapping[int, Sequence[str]] | None = None


def build_cases(subjects: Subjects, terms: RoundTerms) -> list[Case]:
    """Return one case per subject (people first), ids ``p<pk>`` and ``o<pk>``."""
    person_ids = [p.pk for p in subjects.people]
    people_qs = Person.objects.filter(pk__in=person_ids).values("pk")
    histories = group_history(history_rows(people=people_qs)) if person_ids else {}
    starts = continuous_service_starts(people_qs) if person_ids else {}
    codes = subjects.person_codes or {}
    cases = [
        person_case(
            p.pk,
            histories.get(p.pk),
            terms,
            recruited_on=starts.get(p.pk),
            candidates=codes.get(p.pk),
        )
        for p in subjects.people
    ]
    if subjects.organizations:
        cases += _collective_cases(subjects, terms)
    return cases


def _collective_cases(subjects: Subjects, terms: RoundTerms) -> list[Case]:
    orgs = list(subjects.organizations)
    org_qs = Organization.objects.filter(pk__in=[o.pk for o in orgs]).values("pk")
    own = group_history(history_rows(organizations=org_qs))
    members = _members(orgs)
    member_ids = {pid for ids in members.values() for pid in ids}
    member_history = (
        group_history(history_rows(people=Person.objects.filter(pk__in=member_ids).values("pk")))
        if member_ids
        else {}
    )
    leaders = set(
        GroupLeadership.objects.filter(year=terms.year, leader__in=org_qs).values_list(
            "leader_id", flat=True
        )
    )
    codes = subjects.organization_codes or {}
    return [
        collective_case(
            org.pk,
            own.get(org.pk),
            terms,
            counts=member_counts(
                (member_history.get(pid) for pid in members.get(org.pk, ())), terms.year
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


def person_history(person: Person) -> History:
    """Return one person's history as the engine reads it."""
    rows = history_rows(people=Person.objects.filter(pk=person.pk).values("pk"))
    return group_history(rows).get(person.pk) or History.empty()
