"""``tdkt dev [addr:port]``: the development server in one start (what ``make run`` runs).

It used to take four Django starts (migrate, seed_demo, demo_logins, runserver): now one process
migrates, loads the demo data if missing, prints the logins and serves; the server process runs
one background-task worker in a thread, which reloads with the code and stops with the server.
Production runs ``gunicorn`` and separate ``tdkt db_worker`` processes (docs/deployment.md).
"""

from __future__ import annotations

import os
import threading
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticRunserverCommand,
)
from django.core.management import call_command
from django.core.management.base import CommandError, CommandParser
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from tdkt.demo.logins import demo_login_rows, render_login_box


def start_task_worker() -> threading.Thread | None:
    """Run one database task worker in a daemon thread; None when tasks are not queued in the DB.

    A thread rather than a process: it dies with the server (no orphan when the terminal is
    closed), restarts with it when the code changes, and costs no extra Django start.
    """
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.management.commands.db_worker import Worker

    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    worker = Worker(
        queue_names=["*"],
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"dev-{os.getpid()}",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, name="tdkt-task-worker", daemon=True)
    thread.start()
    return thread


class Command(StaticRunserverCommand):
    help = (
        "Development server in one start: migrate, load the demo data if missing, print the "
        "demo logins, then serve on 127.0.0.1:$TDKT_PORT (8000) with one background-task worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo data.")
        parser.add_argument("--no-worker", action="store_true", help="Do not run background tasks.")

    def handle(self, *args: Any, **options: Any) -> None:
        module = str(getattr(settings, "SETTINGS_MODULE", "") or "")
        if module.endswith(".prod"):
            raise CommandError(
                "tdkt dev is the development server; production runs gunicorn and "
                "tdkt db_worker (docs/deployment.md)."
            )
        if not options["addrport"]:
            options["addrport"] = f"127.0.0.1:{os.environ.get('TDKT_PORT', '8000')}"
        # The autoreloader runs this command again in a child process that serves; the
        # preparation belongs to the first process only.
        if os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            self.prepare(options)
        super().handle(*args, **options)

    def prepare(self, options: dict[str, Any]) -> None:
        """Migrate, load the demo data when missing, and print the URL and the logins."""
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_demo"]:
            call_command("seed_demo", stdout=self.stdout)
        port = int(str(options["addrport"]).rsplit(":", 1)[-1])
        self.stdout.write(render_login_box(port=port, rows=demo_login_rows()))

    def inner_run(self, *args: Any, **options: Any) -> None:
        if not options["no_worker"] and start_task_worker() is not None:
            self.stdout.write("Background tasks: one worker runs beside this server.\n")
        super().inner_run(*args, **options)
