"""The versions of a contest and of an entry (decision 0038): what an edit was drawn from.

A form carries the version of the record it showed; the service refuses the save (412) when
the record has changed since, saying who changed it and when
(``organizations.versions.ensure_version``).
"""

from __future__ import annotations

from typing import Any

from tdkt.contests.models import Contest, Entry
from tdkt.core.versions import fingerprint, public_value

CONTEST_FIELDS = (
    "name",
    "year",
    "plan_number",
    "plan_date",
    "rules",
    "opens_on",
    "closes_on",
    "first_prizes",
    "first_amount",
    "second_prizes",
    "second_amount",
    "third_prizes",
    "third_amount",
    "consolation_prizes",
    "consolation_amount",
)
ENTRY_FIELDS = (
    "title",
    "subject_kind",
    "subject_name",
    "subject_person",
    "subject_organization",
    "authors",
    "text",
)


def contest_state(contest: Contest) -> dict[str, Any]:
    """Return what an editor of the contest sees: its fields, state and jury."""
    state = {name: public_value(getattr(contest, name)) for name in CONTEST_FIELDS}
    state["state"] = contest.state
    state["jurors"] = sorted(str(j.uuid) for j in contest.jurors.all())
    return state


def contest_version(contest: Contest) -> str:
    """Return the version of a contest."""
    return fingerprint(contest_state(contest))


def entry_state(entry: Entry) -> dict[str, Any]:
    """Return what an editor of the entry sees: its fields, its file and whether withdrawn."""
    state = {name: public_value(getattr(entry, name)) for name in ENTRY_FIELDS}
    state["file_sha256"] = entry.file_sha256
    state["withdrawn_at"] = public_value(entry.withdrawn_at)
    return state


def entry_version(entry: Entry) -> str:
    """Return the version of an entry."""
    return fingerprint(entry_state(entry))
