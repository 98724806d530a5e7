"""The daily reminders of petition deadlines: who is told, when, and only once."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from tdkt.notifications.models import Notification
from tdkt.petitions.reminders import OVERDUE, petition_reminders_send, reminder_threshold
from tdkt.petitions.services import petition_accept

pytestmark = pytest.mark.django_db


def test_thresholds_follow_the_warning_period():
    assert reminder_threshold(9, 5) is None
    assert reminder_threshold(5, 5) == 5
    assert reminder_threshold(3, 5) == 5
    assert reminder_threshold(1, 5) == 1
    assert reminder_threshold(0, 5) == 1
    assert reminder_threshold(-2, 5) == OVERDUE


def test_all_officers_are_reminded_once_when_nobody_is_assigned(registry, complaint):
    # Received 02/11/2026, to be accepted by Thursday 12/11/2026.
    monday = date(2026, 11, 9)  # 3 working days left: the 5-day warning
    report = petition_reminders_send(today=monday)
    assert report.reminded == 1
    notes = Notification.objects.filter(kind="petition.due")
    assert {n.recipient for n in notes} == {registry.officer}
    title = notes.get().title
    assert title.startswith("Đơn số 001/2026 (khiếu nại): hạn thụ lý là ngày 12/11/2026")
    # The same day again, and the next day (still inside the same threshold): nothing new.
    assert petition_reminders_send(today=monday).reminded == 0
    assert petition_reminders_send(today=date(2026, 11, 10)).reminded == 0
    # One working day left, then overdue: one reminder each.
    assert petition_reminders_send(today=date(2026, 11, 11)).reminded == 1
    assert petition_reminders_send(today=date(2026, 11, 13)).reminded == 1
    assert "Đã quá hạn thụ lý ngày 12/11/2026" in Notification.objects.latest("pk").title
    assert petition_reminders_send(today=date(2026, 11, 16)).reminded == 0


def test_the_assigned_officer_alone_is_reminded_of_the_resolution(registry, complaint):
    accepted = petition_accept(
        actor=registry.officer,
        petition=complaint,
        expected_version=complaint.version,
        accepted_on=date(2026, 11, 5),
        handler=registry.admin,
    )
    assert accepted.due_on == date(2026, 12, 7)
    petition_reminders_send(today=date(2026, 12, 4))
    note = Notification.objects.get(kind="petition.due")
    assert note.recipient == registry.admin
    assert "hạn giải quyết là ngày 07/12/2026" in note.title


def test_nothing_is_sent_on_a_day_off(registry, complaint):
    report = petition_reminders_send(today=date(2026, 11, 8))  # a Sunday
    assert not report.working_day
    assert not Notification.objects.filter(kind="petition.due").exists()


def test_the_command_reports_what_it_did(registry, complaint, capsys):
    call_command("petitions", "remind", "--date", "2026-11-11")
    assert "11/11/2026: reminded of 1 petitions." in capsys.readouterr().out
