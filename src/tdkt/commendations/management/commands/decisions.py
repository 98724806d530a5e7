"""``tdkt decisions list|show|render``: decisions for scripts (shared/contracts/decisions.md).

Reads the database tdkt is configured with. Exit status: 0 done, 2 unknown number (one line
on standard error) or bad arguments.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tdkt.commendations.decision_json import decision_detail, decision_summary
from tdkt.commendations.selectors.decisions import (
    decision_for_shell,
    decisions_for_shell,
    shell_lines,
)

UNKNOWN = 2


def add_number_arguments(parser: CommandParser) -> None:
    """NUMBER and --year, as every command about one decision takes them."""
    parser.add_argument("number", help='decision number, "125" or "125/QĐ-BQL"')
    parser.add_argument("--year", type=int, required=True, help="year of the decision date")


def find_decision(number: str, year: int) -> Any:
    """Return the signed decision or raise the contract's exit 2 with one line."""
    decision = decision_for_shell(year=year, number=number)
    if decision is None:
        raise CommandError(f"Không có quyết định số {number} năm {year}.", returncode=UNKNOWN)
    return decision


class Command(BaseCommand):
    help = "Commendation decisions: list a year, show one with its lines, render .docx/PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        listing = commands.add_parser("list", help="every decision dated in a year")
        listing.add_argument("--year", type=int, required=True)
        listing.add_argument("--format", choices=["json"], default="json")
        show = commands.add_parser("show", help="one decision and its attached list")
        add_number_arguments(show)
        show.add_argument("--format", choices=["json"], default="json")
        render = commands.add_parser("render", help="write the decision as .docx or PDF")
        add_number_arguments(render)
        render.add_argument("--format", choices=["docx", "pdf"], required=True)
        render.add_argument("--output", required=True, help="file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["command"]
        if command == "list":
            data: Any = [decision_summary(d) for d in decisions_for_shell(year=options["year"])]
            self._json(data)
            return
        decision = find_decision(options["number"], options["year"])
        lines = shell_lines(decision)
        if command == "show":
            self._json(decision_detail(decision, lines))
            return
        from tdkt.commendations.official_documents import render_decision  # loads WeasyPrint

        Path(options["output"]).write_bytes(render_decision(decision, lines, options["format"]))

    def _json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
