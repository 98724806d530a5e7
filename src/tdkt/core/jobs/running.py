"""Run a task's body as a background job: running, then finished or failed, whatever happens."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError
from tdkt.core.models import BackgroundJob

from .services import job_fail, job_finish, job_mark_running

logger = logging.getLogger(__name__)


@contextmanager
def run_job(job_id: str) -> Iterator[BackgroundJob]:
    """Mark the job running, yield it, and make sure it ends finished or failed.

    A task body that returns without calling ``job_finish`` finishes the job; an
    ``ApplicationError`` fails it with its (Vietnamese) message, which is the expected end of,
    say, a rejected import, so the task itself succeeds. Any other exception fails the job with
    a generic message, is logged, and propagates so the task backend records it too.
    """
    job = job_mark_running(job=BackgroundJob.objects.select_related("owner").get(uuid=job_id))
    try:
        yield job
    except ApplicationError as exc:
        job_fail(job=job, message=exc.message)
    except Exception:
        logger.exception("Background job %s (%s) failed", job.uuid, job.kind)
        job_fail(job=job, message=_("Có lỗi khi xử lý; lỗi đã được ghi lại để kiểm tra."))
        raise
    else:
        if not job.is_finished:
            job_finish(job=job)
