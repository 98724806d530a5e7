"""Settings of a ``db_worker`` process started by a test: the test settings with the database
queue, the test's database and media folder (given by the test through the environment)."""

import os
from pathlib import Path

from tdkt.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
MEDIA_ROOT = Path(os.environ["TDKT_TEST_MEDIA_ROOT"])
