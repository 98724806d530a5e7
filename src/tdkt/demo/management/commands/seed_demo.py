"""``tdkt seed_demo``: load the demo Board, registry, blocks and logins (idempotent)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tdkt.core.errors import ApplicationError
from tdkt.demo.services import demo_data_load


class Command(BaseCommand):
    help = (
        "Load the demo data (Hanoi IZ Board, zones, enterprises, people, emulation blocks and "
        "one login per role). Running it again adds only what is missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even with production settings (demo logins share a published password).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        module = str(getattr(settings, "SETTINGS_MODULE", "") or "")
        if module.endswith(".prod") and not options["allow_production"]:
            raise CommandError(
                "Refusing to load demo data with production settings: the demo accounts use a "
                "published password. Pass --allow-production to do it anyway."
            )
        try:
            report = demo_data_load(actor=None)
        except ApplicationError as exc:
            details = "; ".join(f"{k}: {', '.join(v)}" for k, v in exc.fields.items())
            raise CommandError(f"{exc.message} {details}".strip()) from exc
        if not report.loaded:
            self.stdout.write("Demo data already present: nothing to do.")
            return
        summary = ", ".join(f"{name} {count}" for name, count in sorted(report.created.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}."))
