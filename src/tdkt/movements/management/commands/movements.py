"""``tdkt movements remind``: send today's reminders before deadlines (run daily by cron or a
systemd timer in production; see docs/movements.md and decision 0603)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tdkt.core.errors import ApplicationError
from tdkt.movements.services import reminders_send


class Command(BaseCommand):
    help = "Movements and registration: `remind` sends today's deadline reminders."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser(
            "remind",
            help=(
                "Remind units of deadlines 5 and 1 working days ahead (nothing on days off). "
                "Safe to run more than once a day."
            ),
        )
        remind.add_argument(
            "--date",
            dest="day",
            type=date.fromisoformat,
            default=None,
            help="Act as if today were this day (YYYY-MM-DD); default today in Hà Nội.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = reminders_send(actor=None, today=options["day"])
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        day = report.day.strftime("%d/%m/%Y")
        if not report.working_day:
            self.stdout.write(f"{day}: not a working day, no reminders sent.")
            return
        if not report.total:
            self.stdout.write(f"{day}: no reminders due.")
            return
        details = ", ".join(f"{key} {count}" for key, count in sorted(report.reminded.items()))
        self.stdout.write(f"{day}: reminded {report.total} units ({details}).")
