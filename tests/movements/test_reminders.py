"""Reminders before deadlines, in working days, never on a day off, never twice."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import PermissionDeniedError
from tdkt.movements.constants import SheetState
from tdkt.movements.models import Reminder
from tdkt.movements.registration_workflow import sheet_transition
from tdkt.movements.services import (
    deadline_add,
    movement_acknowledge,
    reminders_send,
    sheet_start,
)
from tdkt.movements.services.reminders import threshold
from tdkt.movements.workflow import movement_transition
from tdkt.notifications.models import Notification

from .registration_helpers import open_year

pytestmark = pytest.mark.django_db

DUE_AFTER_TET = date(2025, 2, 5)  # Wednesday after Tết Ất Tỵ (days off 25/1–2/2/2025)


def test_thresholds():
    assert [threshold(n) for n in (7, 6, 5, 4, 2, 1, 0, -1)] == [None, None, 5, 5, 5, 1, 1, None]


def run_days(first: date, last: date) -> dict[date, int]:
    """Run the daily job on every day of the period; return the units reminded per day."""
    sent = {}
    day = first
    while day <= last:
        report = reminders_send(today=day)
        if report.total:
            sent[day] = report.total
        day += timedelta(days=1)
    return sent


@pytest.fixture
def due_after_tet(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        movement_transition(actor=w.r.officer, movement=w.movement, to_state="launched")
    deadline_add(
        actor=w.r.officer,
        movement=w.movement,
        kind="final_report",
        title="Gửi báo cáo tổng kết",
        due_on=DUE_AFTER_TET,
    )
    Notification.objects.all().delete()
    return w


def test_reminders_count_working_days_over_tet_and_skip_the_holiday(due_after_tet):
    """Five working days before 5/2/2025 is 22/1 (Tết does not count), one is 4/2; nothing is
    sent during Tết, and each unit gets each reminder once."""
    sent = run_days(date(2025, 1, 15), date(2025, 2, 10))
    assert sent == {date(2025, 1, 22): 2, date(2025, 2, 4): 2}
    titles = sorted(
        set(Notification.objects.filter(kind="movement.reminder").values_list("body", flat=True))
    )
    movement = "Phong trào “An toàn thực phẩm trong các KCN năm 2019”."
    assert titles == [
        f"{movement} Hạn 05/02/2025, còn 1 ngày làm việc.",
        f"{movement} Hạn 05/02/2025, còn 5 ngày làm việc.",
    ]
    assert Reminder.objects.count() == 4
    assert reminders_send(today=date(2025, 2, 4)).total == 0  # a second run sends nothing
    assert reminders_send(today=date(2025, 1, 29)).working_day is False  # Tết


def test_a_missed_day_is_caught_up_with_the_nearest_reminder_only(due_after_tet):
    """The job did not run until 4/2: it sends the one-day reminder, not both."""
    assert reminders_send(today=date(2025, 2, 4)).total == 2
    assert set(Reminder.objects.values_list("days_before", flat=True)) == {1}


def test_acknowledgement_deadlines_remind_only_units_that_have_not_acknowledged(
    due_after_tet,
):
    w = due_after_tet
    deadline_add(
        actor=w.r.officer,
        movement=w.movement,
        kind="acknowledgement",
        title="Xác nhận đã nhận phát động",
        due_on=date(2025, 1, 24),
    )
    movement_acknowledge(
        actor=w.r.investment_head,
        participant=w.movement.participants.get(organization=w.r.investment),
    )
    reminders_send(today=date(2025, 1, 23))
    reminded = set(
        Notification.objects.filter(title="Nhắc hạn: Xác nhận đã nhận phát động").values_list(
            "recipient__organization__name", flat=True
        )
    )
    assert reminded == {"Phòng Quy hoạch và Xây dựng"}


def test_registration_deadlines_remind_units_that_have_not_sent_their_sheet(registry):
    y = open_year(registry, 2025, with_team=False)  # deadline 14/02/2025 (a Friday)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=date(2025, 2, 3),
    )
    sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    Notification.objects.all().delete()
    report = reminders_send(today=date(2025, 2, 7))  # 5 working days before 14/2
    assert report.reminded == {"đăng ký năm 2025": 1}
    assert set(Notification.objects.values_list("recipient__organization__name", flat=True)) == {
        "Phòng Quy hoạch và Xây dựng"
    }
    event = AuditEvent.objects.filter(event_type=AuditEventType.REMINDERS_SENT).get()
    assert event.actor_label == "system"


def test_the_command_says_what_it_did(due_after_tet):
    out = io.StringIO()
    call_command("movements", "remind", "--date", "2025-01-22", stdout=out)
    assert out.getvalue().strip() == "22/01/2025: reminded 2 units (ATTP-2019 2)."
    out = io.StringIO()
    call_command("movements", "remind", "--date", "2025-01-30", stdout=out)
    assert "not a working day" in out.getvalue()
    out = io.StringIO()
    call_command("movements", "remind", "--date", "2025-01-22", stdout=out)
    assert "no reminders due" in out.getvalue()


def test_only_the_system_or_an_officer_sends_reminders(registry):
    with pytest.raises(PermissionDeniedError):
        reminders_send(actor=registry.investment_head, today=date(2025, 1, 22))
