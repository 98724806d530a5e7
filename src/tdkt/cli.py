"""The ``tdkt`` console command: ``manage.py`` with tdkt's default settings.

``tdkt rules evaluate case.json``, ``tdkt audit verify``, ``tdkt seed_demo`` … are Django
management commands; this wrapper only chooses the settings module.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command (defaults to the dev settings)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tdkt", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
