from typing import Any

from ._axes import AxesResetCommand


class Command(AxesResetCommand):
    help = "Reset all access attempts and lockouts for given usernames (audited)"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username", nargs="+", type=str)

    def handle(self, *args: Any, **options: Any) -> None:
        self.report(sum(self.remove(username=name) for name in options["username"]))
