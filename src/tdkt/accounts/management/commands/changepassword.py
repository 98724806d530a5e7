"""``manage.py changepassword``, through ``user_set_password`` so that it is audited and
ends the user's sessions and API tokens. Django's version saved the user directly."""

from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tdkt.accounts.selectors import user_get_by_username
from tdkt.accounts.services import user_set_password
from tdkt.core.errors import ApplicationError, NotFoundError

MAX_TRIES = 3


class Command(BaseCommand):
    help = "Change a user's password (audited; ends the user's sessions and API tokens)."
    requires_migrations_checks = True
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username", nargs="?", help="Username to change the password for.")

    def _get_pass(self, prompt: str) -> str:
        password = getpass.getpass(prompt=prompt)
        if not password:
            raise CommandError("aborted")
        return password

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"] or getpass.getuser()
        try:
            user = user_get_by_username(actor=None, username=username)
        except NotFoundError:
            raise CommandError(f"user '{username}' does not exist") from None
        self.stdout.write(f"Changing password for user '{user.username}'")
        for _attempt in range(MAX_TRIES):
            first = self._get_pass("Password: ")
            if first != self._get_pass("Password (again): "):
                self.stdout.write("Passwords do not match. Please try again.")
                continue
            try:
                user_set_password(actor=None, user=user, password=first)
            except ApplicationError as exc:
                messages = [m for msgs in exc.fields.values() for m in msgs]
                self.stderr.write("\n".join([exc.message, *messages]))
                continue
            self.stdout.write(f"Password changed successfully for user '{user.username}'")
            return
        raise CommandError(
            f"Aborting password change for user '{user.username}' after {MAX_TRIES} attempts"
        )
