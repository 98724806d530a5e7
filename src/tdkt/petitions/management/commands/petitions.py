"""``tdkt petitions remind``: remind officers of petition deadlines (run daily beside
``tdkt movements remind``; see docs/petitions.md and decision 0833)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tdkt.core.errors import ApplicationError
from tdkt.petitions.reminders import petition_reminders_send


class Command(BaseCommand):
    help = "Petitions: `remind` tells officers of deadlines coming or passed."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser(
            "remind",
            help=(
                "Remind the assigned officer (or all emulation officers) of petitions due within "
                "the warning period, due tomorrow or overdue. Safe to run more than once a day."
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
            report = petition_reminders_send(actor=None, today=options["day"])
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        day = report.day.strftime("%d/%m/%Y")
        if not report.working_day:
            self.stdout.write(f"{day}: not a working day, no reminders sent.")
            return
        self.stdout.write(f"{day}: reminded of {report.reminded} petitions.")
