"""`tdkt rules …`: the rule engine's command line inside the Django project.

A thin wrapper: every argument goes unchanged to `tdkt.rules.cli.main`, whose exit code
becomes the command's (0 evaluated, 2 malformed case), so `tdkt rules evaluate case.json
--lang en` behaves exactly like the engine's own command line. The parameters officers set
in the database (`RuleParameterOverride`) are layered under any `--param` given here.
"""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tdkt.commendations.selectors import rule_overrides
from tdkt.rules.cli import main


class Command(BaseCommand):
    help = "Legal rule engine: evaluate CASE.json | explain CODE | list-parameters"
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "args",
            nargs=argparse.REMAINDER,
            help="arguments for the rule engine (see `tdkt rules -- --help`)",
        )

    def run_from_argv(self, argv: list[str]) -> None:
        """Pass everything after `rules` through, so engine options are not Django's."""
        code = main(list(argv[2:]), overrides=rule_overrides())
        if code:
            raise SystemExit(code)

    def handle(self, *args: str, **options: Any) -> None:
        code = main(list(args), stdout=self.stdout, stderr=self.stderr, overrides=rule_overrides())
        if code:
            raise SystemExit(code)
