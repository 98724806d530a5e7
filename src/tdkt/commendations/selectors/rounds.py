"""Reads of rounds: board-wide calls for proposals, visible to every signed-in user with a scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for
from tdkt.commendations.models import Round
from tdkt.core.selectors import working_calendar


def round_list(*, actor: Any, state: str = "", year: int | None = None) -> QuerySet[Round]:
    """Return the rounds, newest first; none for a user who may see nothing."""
    if scope_for(actor).is_empty:
        return Round.objects.none()
    qs = Round.objects.all()
    if state:
        qs = qs.filter(state=state)
    if year is not None:
        qs = qs.filter(year=year)
    return qs.order_by("-year", "-created_at", "-id")


def round_get(*, actor: Any, uuid: UUID | str) -> Round:
    """Return one round (404 for a user who may see nothing)."""
    return get_visible(
        Round.objects.all(),
        uuid=uuid,
        visible=lambda _round: not scope_for(actor).is_empty,
        message=_("Không tìm thấy đợt xét."),
    )


@dataclass(frozen=True)
class Deadline:
    """The units' deadline as a person reads it: the date and the working days left.

    ``days_left`` counts the working days after today up to and including the deadline
    (0: due today; negative: that many working days late), with the official calendar of days
    off and make-up days (``tdkt.core.calendar``).
    """

    day: date
    days_left: int

    @property
    def overdue(self) -> bool:
        """True after the deadline."""
        return self.days_left < 0

    @property
    def days_late(self) -> int:
        """Working days since the deadline (0 when not overdue)."""
        return max(-self.days_left, 0)


def round_deadline(round_: Round, *, today: date | None = None) -> Deadline:
    """Return the deadline of a round with the working days left from ``today``."""
    today = today or timezone.localdate()
    day = round_.unit_deadline
    return Deadline(day, working_calendar().working_days_between(today, day))
