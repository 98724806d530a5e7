"""Reads of the archive: award search and the history shown on a person's or a unit's page.

Scope: board-wide readers see the whole archive. Anyone else sees the awards of the
organisations in their scope and of the people who work there today (the same rule as the
people list, docs/decisions/0005), never the awards of people who have left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from tdkt.accounts.scopes import scope_for, scoped
from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.models import Award, Discipline, Initiative, YearlyRating
from tdkt.core.text import fold
from tdkt.organizations.models import Employment, Organization, Person
from tdkt.organizations.selectors.people import current_employment_q


def _awards_in_scope(qs: QuerySet[Award], actor: Any) -> QuerySet[Award]:
    scope = scope_for(actor)
    if scope.everything:
        return qs
    posts = scoped(
        Employment.objects.filter(
            current_employment_q(timezone.localdate()), person=OuterRef("person")
        ),
        actor,
        path_field="organization__path",
    )
    return qs.filter(
        (Q(organization__isnull=False) & scope.q("organization__path")) | Exists(posts)
    )


def award_list(
    *,
    actor: Any,
    search: str = "",
    organization: Organization | None = None,
    code: str = "",
    year: int | None = None,
    decision_number: str = "",
) -> QuerySet[Award]:
    """Return the awards of the archive the actor may see (granted and revoked), filtered.

    ``search`` matches the recipient's name without accents or case; ``organization`` keeps
    the awards of that unit's subtree and of the people who worked there at any time; ``year``
    matches the achievement year or any year of a period; ``decision_number`` a part of it.
    """
    qs = Award.objects.filter(status__in=[AwardStatus.GRANTED, AwardStatus.REVOKED])
    qs = _awards_in_scope(qs, actor)
    if search:
        qs = qs.filter(search_key__contains=fold(search))
    if organization is not None:
        worked_there = Employment.objects.filter(
            person=OuterRef("person"), organization__path__startswith=organization.path
        )
        qs = qs.filter(Q(organization__path__startswith=organization.path) | Exists(worked_there))
    if code:
        qs = qs.filter(code=code)
    if year is not None:
        qs = qs.filter(
            Q(year=year) | Q(year__lte=year, period_end_year__gte=year),
        )
    if decision_number:
        qs = qs.filter(decision_number__icontains=decision_number.strip())
    return qs.select_related("person", "organization", "decision").order_by(
        "-year", "search_key", "id"
    )


@dataclass(frozen=True)
class ArchiveHistory:
    """Everything the archive holds about one person or one collective, newest first."""

    awards: list[Award]
    ratings: list[YearlyRating]
    initiatives: list[Initiative]
    disciplines: list[Discipline]

    @property
    def is_empty(self) -> bool:
        """True when the archive holds nothing about the subject."""
        return not (self.awards or self.ratings or self.initiatives or self.disciplines)


def person_archive(*, actor: Any, person: Person) -> ArchiveHistory:
    """Return a person's awards (every status but draft), ratings, initiatives and disciplines.

    The caller has read ``person`` through ``organizations.selectors.person_get`` (scoped), so
    whoever may see the person sees their whole record.
    """
    return ArchiveHistory(
        awards=list(
            person.awards.exclude(status=AwardStatus.DRAFT)
            .select_related("decision")
            .order_by("-year", "code")
        ),
        ratings=list(person.ratings.order_by("-year")),
        initiatives=list(person.initiatives.select_related("used_for").order_by("-year", "title")),
        disciplines=list(person.disciplines.order_by("-year")),
    )


def organization_archive(*, actor: Any, organization: Organization) -> ArchiveHistory:
    """Return a collective's own awards and ratings (the caller read it through a scoped
    selector)."""
    return ArchiveHistory(
        awards=list(
            organization.awards.exclude(status=AwardStatus.DRAFT)
            .select_related("decision")
            .order_by("-year", "code")
        ),
        ratings=list(organization.ratings.order_by("-year")),
        initiatives=[],
        disciplines=[],
    )
