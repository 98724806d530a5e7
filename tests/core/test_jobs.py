"""Background jobs: a real task through the database backend and its worker, and the services."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from tdkt.core.jobs import (
    job_fail,
    job_file_path,
    job_finish,
    job_get_for,
    job_list_for,
    job_progress,
    job_start,
)
from tdkt.core.jobs.services import job_mark_running
from tdkt.core.models import BackgroundJob, JobStatus

from .job_tasks import count_rows

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def real_queue(test):
    """Queue in the database and commit for real, as in production: the worker checks its
    connection between tasks (which a test wrapped in a transaction would lose), and
    ``job_start`` enqueues only once the transaction commits."""
    return pytest.mark.django_db(transaction=True)(override_settings(TASKS=DATABASE_TASKS)(test))


def _events(job: BackgroundJob) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_id=str(job.uuid))
        .order_by("seq")
        .values_list("event_type", flat=True)
    )


def _start(user, rows: int, **kwargs) -> BackgroundJob:
    return job_start(
        actor=user,
        kind="test.count_rows",
        title=f"Kiểm tra {rows} dòng",
        task=count_rows,
        task_args=(rows,),
        task_kwargs=kwargs,
    )


def _run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@real_queue
def test_a_task_queued_in_the_database_runs_in_the_worker_and_reports(registry):
    """The job is queued when the request commits, the worker runs the task, and the job ends
    with every row counted, its message, its file, and start and end in the audit trail."""
    job = _start(registry.officer, 125)
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["args"] == [str(job.uuid), 125]
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED

    _run_worker()

    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 125, 125)
    assert job.message == "Đã kiểm tra 125 dòng."
    assert job.started_at <= job.finished_at
    path = job_file_path(job)
    assert path is not None
    assert path.read_text(encoding="utf-8") == "rows,125\n"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert _events(job) == ["job.started", "job.finished"]


@real_queue
def test_the_task_is_not_queued_when_the_starting_transaction_rolls_back(registry):
    """No orphan task: a job whose creating transaction fails never reaches the queue."""
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        _start(registry.officer, 10)
        raise RuntimeError("the import failed after starting the job")
    assert not DBTaskResult.objects.exists()
    assert not BackgroundJob.objects.exists()


@real_queue
def test_a_rejected_job_fails_with_its_message_and_the_task_still_succeeds(registry):
    """An ApplicationError is the job's expected end: the user reads why; no file is offered."""
    job = _start(registry.officer, 50, reject_at=30)
    _run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message == "Dòng 30: thiếu họ tên."
    assert job.done == 20  # the last progress it reported
    assert job_file_path(job) is None
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert _events(job) == ["job.started", "job.failed"]


@real_queue
def test_a_crashing_task_fails_the_job_without_leaking_the_error(registry):
    """A bug shows the user a generic message; the task result keeps the exception for us."""
    job = _start(registry.officer, 50, crash_at=10)
    _run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "unexpected" not in job.message
    assert job.message.startswith("Có lỗi khi xử lý")
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED"
    assert "unexpected bug" in result.traceback


def test_tests_run_tasks_at_once_with_the_immediate_backend(
    registry, django_capture_on_commit_callbacks
):
    """With the test settings a started job has finished by the time the request returns."""
    with django_capture_on_commit_callbacks(execute=True):
        job = _start(registry.viewer, 7)
    job.refresh_from_db()
    assert (job.status, job.done) == (JobStatus.SUCCEEDED, 7)


def test_only_signed_in_users_own_jobs_and_inputs_are_checked(registry):
    """Anonymous callers are refused; a malformed kind or an empty title is invalid input."""
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDeniedError):
        job_start(actor=AnonymousUser(), kind="x", title="Việc")
    with pytest.raises(ApplicationError) as bad_kind:
        job_start(actor=registry.viewer, kind="Import People!", title="Việc")
    assert "kind" in bad_kind.value.fields
    with pytest.raises(ApplicationError) as no_title:
        job_start(actor=registry.viewer, kind="import.people", title="   ")
    assert "title" in no_title.value.fields


def test_progress_is_bounded_not_audited_and_ends_once(registry):
    """Progress stays within the total and adds no audit event; a finished job cannot be
    finished or failed again (conflict), so a late worker cannot overwrite the outcome."""
    job = job_start(actor=registry.viewer, kind="import.people", title="Nhập", total=10)
    with pytest.raises(ApplicationError):
        job_progress(job=job, done=1)  # still queued
    job_mark_running(job=job)
    job_progress(job=job, done=4, message="Đang đọc")
    with pytest.raises(ApplicationError) as beyond:
        job_progress(job=job, done=11)
    assert "done" in beyond.value.fields
    assert _events(job) == ["job.started"]
    assert job.percent == 40
    with pytest.raises(ApplicationError) as escape:
        job_finish(job=job, result_path="../../settings.py")
    assert "result_path" in escape.value.fields
    job_finish(job=job)
    assert job.done == 10
    for end in (lambda: job_finish(job=job), lambda: job_fail(job=job, message="x")):
        with pytest.raises(ApplicationError) as late:
            end()
        assert late.value.code == "conflict"


def test_users_see_only_their_own_jobs(registry):
    """Another user's job is "not found", exactly like a job that does not exist."""
    mine = job_start(actor=registry.viewer, kind="import.people", title="Của tôi")
    theirs = job_start(actor=registry.officer, kind="import.people", title="Của người khác")
    assert list(job_list_for(actor=registry.viewer)) == [mine]
    assert job_get_for(actor=registry.viewer, job_uuid=mine.uuid) == mine
    with pytest.raises(NotFoundError) as foreign:
        job_get_for(actor=registry.viewer, job_uuid=theirs.uuid)
    with pytest.raises(NotFoundError) as missing:
        job_get_for(actor=registry.viewer, job_uuid="00000000-0000-0000-0000-000000000000")
    assert foreign.value.message == missing.value.message


def test_a_tampered_result_path_never_serves_a_file_outside_the_jobs_folder(registry, settings):
    """Even a row edited by hand cannot make the download read another file."""
    job = job_start(actor=registry.viewer, kind="import.people", title="Nhập")
    job_mark_running(job=job)
    job_finish(job=job)
    (settings.MEDIA_ROOT / "secret.txt").write_text("x")
    BackgroundJob.objects.filter(pk=job.pk).update(result_path="../../secret.txt")
    job.refresh_from_db()
    assert job_file_path(job) is None
