from typing import Any

from ._axes import AxesResetCommand


class Command(AxesResetCommand):
    help = "Reset all access attempts and lockouts for a given IP address and username (audited)"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("ip", type=str)
        parser.add_argument("username", type=str)

    def handle(self, *args: Any, **options: Any) -> None:
        self.report(self.remove(ip_address=options["ip"], username=options["username"]))
