"""Shared base of the ``axes_reset*`` commands: django-axes' commands deleted login records
without an audit event; these replace them (``tdkt.accounts`` is listed before ``axes``) and
delete through ``login_records_delete`` as the system (decision 0024)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tdkt.accounts.constants import LoginRecords
from tdkt.accounts.services import login_records_delete


class AxesResetCommand(BaseCommand):
    """Delete django-axes records of one kind and say how many went."""

    kind = LoginRecords.ATTEMPTS
    noun = "attempts"

    def remove(self, **filters: Any) -> int:
        return login_records_delete(actor=None, kind=self.kind, **filters)

    def report(self, count: int) -> None:
        if count:
            self.stdout.write(f"{count} {self.noun} removed (recorded in the audit trail).")
        else:
            self.stdout.write(f"No {self.noun} found.")


class AxesLogResetCommand(AxesResetCommand):
    """Delete django-axes log rows older than ``--age`` days (30 by default, as axes did)."""

    noun = "logs"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--age", type=int, default=30, help="Maximum age for records to keep in days"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.report(self.remove(older_than_days=options["age"]))
