"""``tdkt certificates render NUMBER --year YYYY --output FILE.pdf`` (contract decisions.md).

One page per granted line of the decision, each with its verification QR code; a revoked
line has no certificate. Exit 2 with one line for an unknown number or a decision with no
granted line left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tdkt.commendations.management.commands.decisions import (
    UNKNOWN,
    add_number_arguments,
    find_decision,
)
from tdkt.commendations.selectors.decisions import shell_lines


class Command(BaseCommand):
    help = "Certificates (Bằng khen / Giấy khen) of a decision as one PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        render = commands.add_parser("render", help="one PDF, one page per granted line")
        add_number_arguments(render)
        render.add_argument("--output", required=True, help="PDF file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        from tdkt.commendations.official_documents import (  # loads WeasyPrint
            certificate_lines,
            render_certificates,
        )

        decision = find_decision(options["number"], options["year"])
        lines = shell_lines(decision)
        if not certificate_lines(lines):
            raise CommandError(
                f"Quyết định {decision.number_label} không còn dòng nào được khen thưởng.",
                returncode=UNKNOWN,
            )
        with Path(options["output"]).open("wb") as output:
            pages = render_certificates(decision, lines, output)
        self.stderr.write(f"{pages} trang → {options['output']}")
