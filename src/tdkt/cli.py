"""The ``tdkt`` console command: ``manage.py`` with tdkt's settings chosen explicitly.

``tdkt rules evaluate case.json``, ``tdkt audit verify``, ``tdkt dev`` … are Django management
commands; this wrapper only chooses the settings module and reports a refused configuration in
one line instead of a traceback.

Settings (docs/decisions/0030-settings-and-the-console-command.md): ``DJANGO_SETTINGS_MODULE``
when it is set (servers set ``tdkt.settings.prod``), else the development settings, so the
commands of ``shared/contracts`` work in a checkout without any set-up. A person at a terminal
who did not choose is told, on standard error, which settings run; scripts reading the output
(not a terminal) are not, so the contracts' one-line-per-problem errors stay exact.
"""

from __future__ import annotations

import os
import sys

DEV_SETTINGS = "tdkt.settings.dev"
PROD_SETTINGS = "tdkt.settings.prod"


DEFAULT_NOTICE = (
    f"tdkt: settings {DEV_SETTINGS} (development: DEBUG on, SQLite in var/ unless "
    f"TDKT_DATABASE_URL is set); on a server set DJANGO_SETTINGS_MODULE={PROD_SETTINGS}"
)


def main(argv: list[str] | None = None) -> None:
    """Run a management command with the chosen settings."""
    args = sys.argv[1:] if argv is None else argv
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        os.environ["DJANGO_SETTINGS_MODULE"] = DEV_SETTINGS
        if sys.stderr.isatty():
            print(DEFAULT_NOTICE, file=sys.stderr)

    from django.conf import settings
    from django.core.management import execute_from_command_line

    from tdkt.settings.guards import SettingsRefused

    try:
        settings.INSTALLED_APPS  # noqa: B018 - load the settings now, to report a refusal
    except SettingsRefused as exc:
        sys.exit(f"tdkt: {exc}")
    execute_from_command_line(["tdkt", *args])


if __name__ == "__main__":
    main()
