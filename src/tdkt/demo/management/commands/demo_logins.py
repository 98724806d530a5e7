"""``tdkt demo_logins [--port 8000]``: print the local URL and the demo accounts in a box."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tdkt.demo.logins import demo_login_rows, render_login_box


class Command(BaseCommand):
    help = "Print the development URL and the demo logins (username, role, unit, password)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Port of runserver.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render_login_box(port=options["port"], rows=demo_login_rows()))
