"""What the contest services share: locking, version checks, text clean-up."""

from __future__ import annotations

from typing import Any

from tdkt.contests.models import Contest, Entry
from tdkt.contests.versions import contest_version, entry_version
from tdkt.core.errors import ApplicationError
from tdkt.core.text import clean_text
from tdkt.organizations.versions import ensure_version


def lock_contest(contest: Contest, expected_version: str | None = None) -> Contest:
    """Lock the contest's row; refuse (412) when it changed since the caller's version."""
    locked = Contest.objects.select_for_update().get(pk=contest.pk)
    ensure_version(contest_version(locked), expected_version, audited=locked)
    return locked


def lock_entry(entry: Entry, expected_version: str | None = None) -> Entry:
    """Lock the entry's row; refuse (412) when it changed since the caller's version."""
    locked = (
        Entry.objects.select_for_update().select_related("contest", "organization").get(pk=entry.pk)
    )
    ensure_version(entry_version(locked), expected_version, audited=locked)
    return locked


def one_line(value: Any) -> str:
    """Return ``value`` as one line of clean text (no control characters, single spaces)."""
    return clean_text(str(value or ""))


def long_text(value: Any) -> str:
    """Return ``value`` as clean multi-line text, line breaks kept."""
    return clean_text(str(value or ""), multiline=True)


def refuse(errors: dict[str, list[str]]) -> None:
    """Raise the first of ``errors`` with every field's messages, when there are any."""
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)


def field_error(name: str, message: str) -> ApplicationError:
    """Return an error of one field."""
    return ApplicationError(message, fields={name: [message]})
