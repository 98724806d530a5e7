from typing import Any

from ._axes import AxesResetCommand


class Command(AxesResetCommand):
    help = "Reset all access attempts and lockouts for given IP addresses (audited)"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("ip", nargs="+", type=str)

    def handle(self, *args: Any, **options: Any) -> None:
        self.report(sum(self.remove(ip_address=ip) for ip in options["ip"]))
