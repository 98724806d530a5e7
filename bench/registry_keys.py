"""How the registry generator writes people in bulk, as the services would have written them.

The services compute every derived field of a person and their posts; a bulk writer must
produce the same rows, so this module is the one place the generator asks for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from tdkt.core.text import normalize_name
from tdkt.organizations.keys import person_keys
from tdkt.organizations.models import Employment


def person_fields(full_name: str, uuid: UUID) -> dict[str, Any]:
    """Return the id and name fields of a new person as ``person_create`` stores them."""
    name = normalize_name(full_name)
    return {"uuid": uuid, "full_name": name, **person_keys(name, uuid)}


def employment_rows(rows: Sequence[tuple[Any, Any, date, Any]]) -> None:
    """Write each person's current post, and a past one ending the day before when given."""
    posts = []
    for person, org, start, previous in rows:
        if previous is not None:
            posts.append(
                Employment(
                    person=person,
                    organization=previous,
                    start_date=start - timedelta(days=900),
                    end_date=start - timedelta(days=1),
                )
            )
        posts.append(Employment(person=person, organization=org, start_date=start))
    Employment.objects.bulk_create(posts, batch_size=1000)
