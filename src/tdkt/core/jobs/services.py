"""Writes of background jobs: start (audited), progress (not audited), finish and fail (audited).

Progress ticks are not audit events: they change no record anyone relies on, a long import
would add thousands of links to the chain, and every link takes the chain's lock. The audit
trail keeps who started what, and how it ended; the work a job does is audited by the domain
services it calls (an import records ``import.completed``).

``job_progress`` commits with the caller's transaction: called inside one long transaction (an
all-or-nothing import) the ticks only become visible at its end. Tasks therefore report progress
while they read and check, outside the final write transaction (docs/background-tasks.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import Task

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ErrorCode, PermissionDeniedError
from tdkt.core.models import BackgroundJob, JobStatus

KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_ACTIVE = (JobStatus.QUEUED, JobStatus.RUNNING)


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(_("Dữ liệu không hợp lệ."), fields={field: [message]})


def _conflict(job: BackgroundJob) -> ApplicationError:
    return ApplicationError(
        _("Công việc này đã kết thúc (%(status)s).") % {"status": job.get_status_display()},
        code=ErrorCode.CONFLICT,
    )


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def job_start(
    *,
    actor: Any,
    kind: str,
    title: str,
    total: int | None = None,
    task: Task[Any, Any] | None = None,
    task_args: Sequence[Any] = (),
    task_kwargs: Mapping[str, Any] | None = None,
) -> BackgroundJob:
    """Create a queued job owned by ``actor``; enqueue ``task(job_id, *task_args)`` on commit.

    The caller checks that ``actor`` may do the work itself (an import checks its own
    permission first); here only a signed-in, active user may own a job. The task is enqueued
    after the commit so that a worker never picks it up before the job row exists.
    """
    if actor is None or not actor.is_authenticated or not actor.is_active:
        raise PermissionDeniedError(_("Bạn cần đăng nhập để chạy công việc này."))
    if not KIND_PATTERN.match(kind) or len(kind) > 50:
        raise _invalid("kind", _("Mã loại công việc không hợp lệ."))
    title = _clip(title, 200)
    if not title:
        raise _invalid("title", _("Cần đặt tên công việc."))
    if total is not None and total < 0:
        raise _invalid("total", _("Tổng số không được âm."))
    job = BackgroundJob(owner=actor, kind=kind, title=title, total=total)
    job.save()
    record(
        event_type=AuditEventType.JOB_STARTED,
        actor=actor,
        obj=job,
        changes={"kind": [None, kind], "title": [None, title], "total": [None, total]},
    )
    if task is not None:
        job_id = str(job.uuid)
        args, kwargs = tuple(task_args), dict(task_kwargs or {})
        transaction.on_commit(lambda: task.enqueue(job_id, *args, **kwargs))
    return job


@transaction.atomic
def job_mark_running(*, job: BackgroundJob) -> BackgroundJob:
    """Move a queued job to running (``run_job`` does it as the task begins; not audited)."""
    if job.status != JobStatus.QUEUED:
        raise _conflict(job)
    job.status, job.started_at = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    return job


@transaction.atomic
def job_progress(
    *,
    job: BackgroundJob,
    done: int,
    total: int | None = None,
    message: str | None = None,
) -> BackgroundJob:
    """Record that ``done`` of ``total`` items are processed (``total`` kept when omitted).

    Report every few hundred rows or every second or so, not per row: each call is one UPDATE.
    """
    if job.status != JobStatus.RUNNING:
        raise _conflict(job)
    total = job.total if total is None else total
    if done < 0 or (total is not None and not 0 <= done <= total):
        raise _invalid("done", _("Số đã xử lý phải từ 0 đến tổng số."))
    job.done, job.total = done, total
    fields = ["done", "total"]
    if message is not None:
        job.message = _clip(message, 500)
        fields.append("message")
    job.save(update_fields=fields)
    return job


@transaction.atomic
def job_finish(*, job: BackgroundJob, message: str = "", result_path: str = "") -> BackgroundJob:
    """Mark ``job`` done, with a closing message and the name of the file it wrote, if any.

    ``result_path`` is relative to the job's own folder (``job_result_file(job, name).name``).
    """
    if job.status not in _ACTIVE:
        raise _conflict(job)
    _check_result_path(result_path)
    before = job.status
    job.status, job.finished_at = JobStatus.SUCCEEDED, timezone.now()
    if job.total is not None:
        job.done = job.total
    job.message, job.result_path = _clip(message, 500), result_path
    job.save(update_fields=["status", "finished_at", "done", "message", "result_path"])
    record(
        event_type=AuditEventType.JOB_FINISHED,
        actor=job.owner,
        obj=job,
        changes={"status": [before, job.status], "done": [None, job.done]},
    )
    return job


def _check_result_path(result_path: str) -> None:
    path = PurePosixPath(result_path)
    if result_path and (path.is_absolute() or ".." in path.parts or len(result_path) > 300):
        raise _invalid("result_path", _("Tệp kết quả phải nằm trong thư mục của công việc."))


@transaction.atomic
def job_fail(*, job: BackgroundJob, message: str, result_path: str = "") -> BackgroundJob:
    """Mark ``job`` failed with a message the user can act on (never a traceback).

    ``result_path`` names a file that explains the failure (a rejected import's error report),
    relative to the job's own folder, as for ``job_finish``.
    """
    if job.status not in _ACTIVE:
        raise _conflict(job)
    _check_result_path(result_path)
    before = job.status
    job.status, job.finished_at = JobStatus.FAILED, timezone.now()
    job.message = _clip(message, 500) or _("Công việc không thành công.")
    job.result_path = result_path
    job.save(update_fields=["status", "finished_at", "message", "result_path"])
    record(
        event_type=AuditEventType.JOB_FAILED,
        actor=job.owner,
        obj=job,
        changes={"status": [before, job.status], "message": [None, job.message]},
    )
    return job
