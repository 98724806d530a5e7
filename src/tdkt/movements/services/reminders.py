"""Reminders before deadlines, counted in working days (decision 0603).

``reminders_send`` is run once a day by ``tdkt movements remind`` (cron or a systemd timer in
production). On a working day it reminds each unit that still has something due: five working
days before a deadline, then one working day before (or on the day itself). Days off — weekends,
Tết and the other holidays of ``tdkt.core.calendar`` with the officers' announced changes — are
neither counted nor used to send. Each reminder is recorded once per deadline, unit and
threshold, so running the command twice, or after a missed day, never repeats one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.calendar import WorkingCalendar
from tdkt.core.selectors import working_calendar
from tdkt.movements.constants import (
    REMINDER_WORKING_DAYS,
    CampaignState,
    DeadlineKind,
    MovementState,
    SheetState,
)
from tdkt.movements.models import Deadline, RegistrationCampaign, Reminder
from tdkt.movements.permissions import ensure_can_manage_movements
from tdkt.notifications.services import notify_organizations
from tdkt.organizations.models import Organization


@dataclass
class ReminderReport:
    """What one run did: units reminded per subject, or why it sent nothing."""

    day: date
    working_day: bool
    reminded: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many units were reminded of something."""
        return sum(self.reminded.values())


def threshold(remaining: int) -> int | None:
    """Return the reminder due when ``remaining`` working days are left, if any: the smallest
    threshold that is at least ``remaining``."""
    due = [n for n in REMINDER_WORKING_DAYS if 0 <= remaining <= n]
    return min(due) if due else None


def _remaining(calendar: WorkingCalendar, today: date, due_on: date) -> int:
    return calendar.working_days_between(today, due_on) if due_on > today else 0


def _when(remaining: int, due_on: date) -> str:
    if remaining == 0:
        return _("Hạn là hôm nay, %(date)s.") % {"date": f"{due_on:%d/%m/%Y}"}
    return _("Hạn %(date)s, còn %(n)s ngày làm việc.") % {
        "date": f"{due_on:%d/%m/%Y}",
        "n": remaining,
    }


@transaction.atomic
def reminders_send(
    *, actor: Any = None, today: date | None = None, calendar: WorkingCalendar | None = None
) -> ReminderReport:
    """Send today's reminders of movement deadlines and registration deadlines."""
    ensure_can_manage_movements(actor)
    today = today or timezone.localdate()
    calendar = calendar or working_calendar()
    report = ReminderReport(day=today, working_day=calendar.is_working_day(today))
    if not report.working_day:
        return report
    with translation.override("vi"):
        for deadline in _open_deadlines(today):
            _remind_deadline(actor, deadline, today, calendar, report)
        for campaign in RegistrationCampaign.objects.filter(
            state=CampaignState.OPEN, deadline__gte=today
        ).order_by("year"):
            _remind_campaign(actor, campaign, today, calendar, report)
    if report.total:
        record(
            event_type=AuditEventType.REMINDERS_SENT,
            actor=actor,
            object_repr=_("Nhắc hạn ngày %(date)s") % {"date": f"{today:%d/%m/%Y}"},
            changes={"day": [None, today], "reminded": [None, report.reminded]},
        )
    return report


def _open_deadlines(today: date) -> list[Deadline]:
    return list(
        Deadline.objects.filter(
            due_on__gte=today,
            movement__state__in=[MovementState.LAUNCHED, MovementState.UNDER_REVIEW],
        )
        .select_related("movement")
        .order_by("due_on", "id")
    )


def _unsent(
    units: list[Organization], sent: set[int], build: Callable[[Organization], Reminder]
) -> list[Organization]:
    """Record a reminder for each unit not reminded yet at this threshold; return them."""
    todo = [u for u in units if u.pk not in sent]
    Reminder.objects.bulk_create(build(u) for u in todo)
    return todo


def _remind_deadline(
    actor: Any, deadline: Deadline, today: date, calendar: WorkingCalendar, report: ReminderReport
) -> None:
    remaining = _remaining(calendar, today, deadline.due_on)
    n = threshold(remaining)
    if n is None:
        return
    participants = deadline.movement.participants.select_related("organization")
    if deadline.kind == DeadlineKind.ACKNOWLEDGEMENT:
        participants = participants.filter(acknowledged_at__isnull=True)
    units = [p.organization for p in participants]
    sent = set(
        Reminder.objects.filter(deadline=deadline, days_before=n).values_list(
            "organization_id", flat=True
        )
    )
    todo = _unsent(
        units,
        sent,
        lambda u: Reminder(deadline=deadline, organization=u, days_before=n, sent_on=today),
    )
    if not todo:
        return
    movement = deadline.movement
    notify_organizations(
        actor=actor,
        organizations=todo,
        kind="movement.reminder",
        title=_("Nhắc hạn: %(title)s") % {"title": deadline.title},
        body=_("Phong trào “%(name)s”. %(when)s")
        % {"name": movement.name, "when": _when(remaining, deadline.due_on)},
        link=reverse("movements:movement-detail", kwargs={"uuid": movement.uuid}),
    )
    report.reminded[movement.code] = report.reminded.get(movement.code, 0) + len(todo)


def _remind_campaign(
    actor: Any,
    campaign: RegistrationCampaign,
    today: date,
    calendar: WorkingCalendar,
    report: ReminderReport,
) -> None:
    remaining = _remaining(calendar, today, campaign.deadline)
    n = threshold(remaining)
    if n is None:
        return
    done = set(
        campaign.sheets.filter(state__in=[SheetState.SUBMITTED, SheetState.APPROVED]).values_list(
            "organization_id", flat=True
        )
    )
    units = [u for u in campaign.organizations.filter(is_active=True) if u.pk not in done]
    sent = set(
        Reminder.objects.filter(campaign=campaign, days_before=n).values_list(
            "organization_id", flat=True
        )
    )
    todo = _unsent(
        units,
        sent,
        lambda u: Reminder(campaign=campaign, organization=u, days_before=n, sent_on=today),
    )
    if not todo:
        return
    notify_organizations(
        actor=actor,
        organizations=todo,
        kind="registration.reminder",
        title=_("Nhắc hạn đăng ký thi đua năm %(year)s") % {"year": campaign.year},
        body=_("Đơn vị chưa gửi bản đăng ký thi đua. %(when)s")
        % {"when": _when(remaining, campaign.deadline)},
        link=reverse("movements:registration-year", kwargs={"year": campaign.year}),
    )
    key = _("đăng ký năm %(year)s") % {"year": campaign.year}
    report.reminded[key] = report.reminded.get(key, 0) + len(todo)
