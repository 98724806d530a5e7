"""``tdkt audit verify|checkpoint|flush``: check the chain, publish its head, close counters."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tdkt.audit.security import flush_anonymous_events
from tdkt.audit.verification import Checkpoint, VerifyResult, parse_checkpoints, verify


class Command(BaseCommand):
    help = (
        "Audit trail tools. 'verify' checks the keyed hash chain (and, with --checkpoint FILE, "
        "that it still reaches every checkpoint line in FILE); 'checkpoint' verifies, then "
        "prints one line naming the head, to keep outside the database; 'flush' chains the "
        "summaries of closed counting windows of anonymous security events."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "checkpoint", "flush"])
        parser.add_argument(
            "--checkpoint",
            metavar="FILE",
            type=Path,
            help="verify: file of lines printed by 'tdkt audit checkpoint' that must be reached",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "flush":
            count = flush_anonymous_events()
            self.stdout.write(f"OK: {count} summary event(s) of anonymous security events.")
            return
        checkpoints = self._checkpoints(options["checkpoint"]) if options["checkpoint"] else []
        if action == "checkpoint" and checkpoints:
            raise CommandError("--checkpoint is for 'verify'.")
        result = verify(checkpoints=checkpoints)
        if not result.ok:
            self._broken(result)
        if action == "checkpoint":
            self.stdout.write(Checkpoint(result.head_seq, result.head_hash).line())
            return
        reached = f" Reaches {len(checkpoints)} checkpoint line(s)." if checkpoints else ""
        self.stdout.write(f"OK: {result.checked} events, chain intact.{reached}")

    def _checkpoints(self, path: Path) -> list[Checkpoint]:
        try:
            found = parse_checkpoints(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise CommandError(f"Cannot read checkpoints from {path}: {exc}") from exc
        if not found:
            raise CommandError(f"{path} holds no checkpoint line.")
        return found

    def _broken(self, result: VerifyResult) -> None:
        self.stderr.write(
            f"BROKEN at event #{result.broken_seq}: {result.reason} "
            f"({result.checked} events verified before it)."
        )
        sys.exit(1)
