"""Background jobs: a progress record users follow while a task runs in a worker.

Start one from a view or service with ``job_start`` (it enqueues the task once the transaction
commits); inside the task, ``run_job`` marks it running, and ``job_progress`` / ``job_finish`` /
``job_fail`` report. ``job_get_for`` / ``job_list_for`` read a user's own jobs. The how-to is
docs/background-tasks.md.
"""

from .files import job_file_path, job_result_file
from .running import run_job
from .selectors import job_get_for, job_list_for
from .services import job_fail, job_finish, job_progress, job_start

__all__ = [
    "job_fail",
    "job_file_path",
    "job_finish",
    "job_get_for",
    "job_list_for",
    "job_progress",
    "job_result_file",
    "job_start",
    "run_job",
]
