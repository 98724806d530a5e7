"""Who hears about an application's step: its filer and authors, or the session's members."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from tdkt.accounts.models import User
from tdkt.initiatives import permissions as perms
from tdkt.initiatives.models import CouncilSeat, InitiativeApplication
from tdkt.notifications.services import notify


def _link(application: InitiativeApplication) -> str:
    return reverse("initiatives:application-detail", kwargs={"uuid": application.uuid})


def people_of(application: InitiativeApplication) -> list[User]:
    """Return the filer and the accounts of the authors (those linked to a person)."""
    authors = User.objects.filter(person__initiative_authorships__application=application)
    return [application.filed_by, *authors]


def tell_people(
    *, actor: Any, application: InitiativeApplication, kind: str, title: str, body: str = ""
) -> None:
    """Notify the filer and the authors of ``application`` (not the actor)."""
    recipients = [u for u in people_of(application) if actor is None or u.pk != actor.pk]
    notify(
        actor=actor,
        recipients=recipients,
        kind=kind,
        title=title,
        body=body,
        link=_link(application),
    )


def tell_members(
    *, actor: Any, application: InitiativeApplication, seats: Iterable[CouncilSeat], title: str
) -> None:
    """Notify the members who score ``application`` (its authors and filer are left out)."""
    recipients = [seat.user for seat in seats if not perms.is_party_user(seat.user, application)]
    notify(
        actor=actor,
        recipients=recipients,
        kind="initiative.to_score",
        title=title,
        link=_link(application),
    )
