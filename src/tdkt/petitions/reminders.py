"""Daily reminders of petition deadlines to the officers who handle them (decision 0833).

``petition_reminders_send`` runs once a day from ``tdkt petitions remind`` (the same timer as
``tdkt movements remind``). On a working day each open petition whose current deadline is
within the warning period (the ``due_soon`` parameter, then 1 working day) or has passed is
reminded to its assigned officer, or to every emulation officer when nobody is assigned. A
``PetitionReminder`` row per petition, deadline and threshold makes a second run send nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.core.calendar import WorkingCalendar
from tdkt.core.selectors import working_calendar
from tdkt.notifications.services import notify

from .constants import PetitionKind, PetitionState
from .models import Petition, PetitionReminder
from .permissions import ensure_handle, may_handle
from .selectors import deadline_settings

OVERDUE = -1


@dataclass
class PetitionReminderReport:
    day: date
    working_day: bool
    reminded: int = 0


def reminder_threshold(remaining: int, due_soon: int) -> int | None:
    """The reminder due with ``remaining`` working days left (negative: overdue), if any."""
    if remaining < 0:
        return OVERDUE
    due = [n for n in sorted({due_soon, 1}) if remaining <= n]
    return due[0] if due else None


def _text(petition: Petition, due_on: date, threshold: int, remaining: int) -> str:
    if petition.kind == PetitionKind.FEEDBACK:
        what = _("hạn trả lời")
    elif petition.state == PetitionState.RECEIVED:
        what = _("hạn thụ lý")
    else:
        what = _("hạn giải quyết")
    values = {"what": what, "day": due_on.strftime("%d/%m/%Y"), "n": remaining}
    if threshold == OVERDUE:
        return _("Đã quá %(what)s ngày %(day)s.") % values
    if remaining == 0:
        return _("Hôm nay là %(what)s (%(day)s).") % values
    return _("%(what)s là ngày %(day)s, còn %(n)s ngày làm việc.") % values


@transaction.atomic
def petition_reminders_send(
    *, actor: Any = None, today: date | None = None, calendar: WorkingCalendar | None = None
) -> PetitionReminderReport:
    """Send today's reminders of petition deadlines."""
    ensure_handle(actor)
    today = today or timezone.localdate()
    calendar = calendar or working_calendar()
    report = PetitionReminderReport(day=today, working_day=calendar.is_working_day(today))
    if not report.working_day:
        return report
    due_soon = deadline_settings().period("due_soon").days
    officers = list(User.objects.filter(is_active=True, role=Role.EMULATION_OFFICER))
    open_ = Petition.objects.filter(
        state__in=[PetitionState.RECEIVED, PetitionState.ACCEPTED]
    ).select_related("handler")
    for petition in open_:
        due_on = petition.current_due_on
        if due_on is None:
            continue
        if due_on < today:
            remaining = -calendar.working_days_between(due_on, today) or -1
        else:
            remaining = calendar.working_days_between(today, due_on)
        threshold = reminder_threshold(remaining, due_soon)
        if threshold is None:
            continue
        _row, created = PetitionReminder.objects.get_or_create(
            petition=petition, due_on=due_on, threshold=threshold, defaults={"sent_on": today}
        )
        if not created:
            continue
        handler = petition.handler if petition.handler and may_handle(petition.handler) else None
        notify(
            actor=actor,
            recipients=[handler] if handler else officers,
            kind="petition.due",
            title=_("Đơn số %(ref)s (%(kind)s): %(text)s")
            % {
                "ref": petition.reference,
                "kind": petition.get_kind_display().lower(),
                "text": _text(petition, due_on, threshold, max(remaining, 0)),
            },
            body=petition.summary,
            link=reverse("petitions:petition-detail", kwargs={"uuid": petition.uuid}),
        )
        report.reminded += 1
    return report
