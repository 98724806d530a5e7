"""Where jobs leave their result files: ``MEDIA_ROOT/<TDKT_JOB_FILES_DIR>/<job uuid>/``.

A job stores only a path relative to that folder; the download view resolves it back with
:func:`job_file_path`, which refuses anything that would lead outside the job's own folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from tdkt.core.models import BackgroundJob

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def jobs_root() -> Path:
    """Return the folder that holds every job's files."""
    return Path(settings.MEDIA_ROOT) / str(settings.TDKT_JOB_FILES_DIR)


def job_result_file(job: BackgroundJob, filename: str) -> Path:
    """Return where ``job`` should write ``filename`` (folder created, name made safe).

    Pass the returned path's ``name`` to ``job_finish(result_path=…)``.
    """
    safe = _UNSAFE.sub("_", Path(filename).name).strip(" .") or "ket-qua"
    folder = jobs_root() / str(job.uuid)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / safe


def job_file_path(job: BackgroundJob) -> Path | None:
    """Return the existing result file of ``job``, or None (no file, or a path that escapes)."""
    if not job.result_path:
        return None
    folder = (jobs_root() / str(job.uuid)).resolve()
    candidate = (folder / job.result_path).resolve()
    if folder not in candidate.parents or not candidate.is_file():
        return None
    return candidate
