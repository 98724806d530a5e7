"""The rows of the people list, prepared in Python before the template draws them.

The list is the registry's busiest page and its rows were its largest cost: per cell, the
template engine resolved lookups, reversed a URL, rebuilt the category labels (hashing
every lazy label) and asked the privacy rule again. Here each of those is decided once per
page, and the template only writes out strings (issue #8: the page's cost at 16
connections is its throughput).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.accounts.privacy import birth_year, sees_personal_data
from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.models import Person
from tdkt.web.templatetags.vn_format import EMPTY, vn_date

_PLACEHOLDER = UUID(int=0)


@dataclass(frozen=True)
class PersonPost:
    """A post held today: where, and as what (may be empty)."""

    organization: str
    position: str


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list, every cell already text."""

    url: str
    full_name: str
    posts: list[PersonPost]
    category: str
    birth: str


def person_rows(people: Iterable[Person], *, viewer: Any) -> list[PersonRow]:
    """Return the rows of ``people`` (read with their ``current_posts``) as ``viewer`` sees them:
    the date of birth in full only for those who may see it (decision 0053)."""
    template = reverse("organizations:person-detail", kwargs={"uuid": _PLACEHOLDER})
    placeholder = str(_PLACEHOLDER)
    labels = {value: str(label) for value, label in PersonnelCategory.choices}
    everyone = sees_personal_data(viewer, person_id=None)
    rows = []
    for person in people:
        born = person.date_of_birth
        if born is None:
            birth = EMPTY
        elif everyone or sees_personal_data(viewer, person_id=person.pk):
            birth = vn_date(born)
        else:
            birth = _("sinh năm %(year)s") % {"year": birth_year(born)}
        rows.append(
            PersonRow(
                url=template.replace(placeholder, str(person.uuid)),
                full_name=person.full_name,
                posts=[
                    PersonPost(post.organization.name, post.position)
                    for post in person.current_posts  # type: ignore[attr-defined]
                ],
                category=labels.get(person.category, person.category),
                birth=birth,
            )
        )
    return rows
