"""``tdkt audit verify``: check the hash chain and name the first broken link."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tdkt.audit.services import verify


class Command(BaseCommand):
    help = "Audit trail tools. 'verify' checks the hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify()
        if result.ok:
            self.stdout.write(f"OK: {result.checked} events, chain intact.")
            return
        self.stderr.write(
            f"BROKEN at event #{result.broken_seq}: {result.reason} "
            f"({result.checked} events verified before it)."
        )
        sys.exit(1)
