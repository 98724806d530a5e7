from typing import Any

from ._axes import AxesResetCommand


class Command(AxesResetCommand):
    help = "Reset all access attempts and lockouts (audited)"

    def handle(self, *args: Any, **options: Any) -> None:
        self.report(self.remove())
