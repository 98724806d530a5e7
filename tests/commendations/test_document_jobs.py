"""Long renderings in the background: a decision past the inline size, a certificate batch
and the tờ trình to the City run as jobs with a progress bar; small ones stay downloads."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from tdkt.audit.models import AuditEvent
from tdkt.commendations.letters import LetterRequest
from tdkt.commendations.models import Decision
from tdkt.commendations.services import (
    certificate_batch_job_start,
    city_letter_job_start,
    decision_draft_create,
    decision_sign,
    document_jobs,
)
from tdkt.core.errors import PermissionDeniedError
from tdkt.core.jobs import job_file_path
from tdkt.core.models import BackgroundJob, JobStatus

from .voted import LineSpec, voted_round

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _signed(registry) -> Decision:
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    return decision_sign(
        actor=registry.leader, decision=draft, signer_title="head", signed_on=date(2020, 1, 10)
    )


@pytest.fixture
def signed(registry) -> Decision:
    return _signed(registry)


@pytest.fixture
def small_inline(monkeypatch):
    """Lower the inline sizes to one line so that the demo-sized decision counts as big."""
    monkeypatch.setattr(document_jobs, "INLINE_DECISION_LINES", 1)
    monkeypatch.setattr(document_jobs, "INLINE_CERTIFICATES", 1)


def _detail(decision: Decision) -> str:
    return reverse("commendations:decision-detail", kwargs={"uuid": decision.uuid})


def test_a_big_decision_is_made_by_a_job_the_leader_follows_and_downloads(
    registry, signed, small_inline, django_capture_on_commit_callbacks
):
    """Past the inline size the page offers "chạy nền" buttons instead of links; the button
    starts a job, the user lands on its progress page, and the finished job's file is the
    decision in Word with every line, in the specification's A4 page setup."""
    leader = client_of(registry.leader)
    page = leader.get(_detail(signed)).content.decode()
    assert "Lập tệp Word (chạy nền)" in page and "In giấy khen (chạy nền)" in page
    target = reverse("commendations:decision-file", kwargs={"uuid": signed.uuid, "fmt": "docx"})
    with django_capture_on_commit_callbacks(execute=True):
        response = leader.post(target)
    job = BackgroundJob.objects.get(kind="decisions.render")
    assert response.status_code == 302 and response["Location"].endswith(f"/jobs/{job.uuid}/")
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.owner == registry.leader
    assert job.result_path == "quyet-dinh-01-2020.docx"
    download = leader.get(reverse("web:job-download", kwargs={"uuid": job.uuid}))
    document = docx.Document(io.BytesIO(b"".join(download.streaming_content)))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    text = "\n".join(cell.text for t in document.tables for r in t.rows for cell in r.cells)
    for award in signed.awards.all():
        assert award.recipient_name in text
    # The same GET that downloads a small decision sends a big one back to its page.
    again = leader.get(target)
    assert again.status_code == 302 and again["Location"] == _detail(signed)


def test_the_certificate_batch_job_reports_progress_and_prints_a_page_per_line(
    registry, signed, django_capture_on_commit_callbacks
):
    """The batch job counts its pages as it goes and leaves one page per granted line."""
    with django_capture_on_commit_callbacks(execute=True):
        job = certificate_batch_job_start(actor=registry.officer, decision=signed)
    job.refresh_from_db()
    granted = signed.awards.filter(status="granted").count()
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, granted, granted)
    assert job.message == f"Đã in {granted} giấy khen."
    assert len(PdfReader(job_file_path(job)).pages) == granted
    events = AuditEvent.objects.filter(object_id=str(job.uuid)).values_list("event_type", flat=True)
    assert list(events.order_by("seq")) == ["job.started", "job.finished"]


def test_small_files_stay_downloads_and_start_no_job(registry, signed):
    """Under the inline sizes the page links straight to the files: no job, no queue."""
    leader = client_of(registry.leader)
    page = leader.get(_detail(signed)).content.decode()
    assert "chạy nền" not in page
    batch = leader.get(reverse("commendations:decision-certificates", kwargs={"uuid": signed.uuid}))
    assert batch.status_code == 200 and batch.content.startswith(b"%PDF")
    assert not BackgroundJob.objects.exists()


def test_only_board_readers_start_the_jobs_and_nothing_is_queued_otherwise(registry, signed):
    """A unit head may not make the full text (403 before anything is queued); a decision out
    of someone's sight answers like a missing one."""
    head = client_of(registry.investment_head)
    target = reverse("commendations:decision-certificates", kwargs={"uuid": signed.uuid})
    assert head.post(target).status_code == 403
    enterprise = client_of(registry.enterprise_rep)
    assert enterprise.post(target).status_code == 404
    with pytest.raises(PermissionDeniedError):
        certificate_batch_job_start(actor=registry.investment_head, decision=signed)
    assert not BackgroundJob.objects.exists()


def test_the_letter_to_the_city_as_a_job_lists_the_eligible_lines(
    registry, django_capture_on_commit_callbacks
):
    """The tờ trình job builds the same letter as the page, for the lines past appraisal."""
    round_ = voted_round(
        registry,
        specs={
            registry.investment: [
                LineSpec(registry.anh, code="provincial_certificate_of_commendation")
            ]
        },
    ).round
    with django_capture_on_commit_callbacks(execute=True):
        job = city_letter_job_start(
            actor=registry.officer,
            round=round_,
            request=LetterRequest(
                code="provincial_certificate_of_commendation",
                council_minutes="Biên bản số 01/BB-HĐTĐKT",
                signer_name="Trần Minh Đức",
            ),
        )
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.result_path.startswith(f"to-trinh-{round_.year}-bang-khen")
    text = "".join(page.extract_text() for page in PdfReader(job_file_path(job)).pages)
    assert "Nguyễn Văn Ánh" in text
    with pytest.raises(PermissionDeniedError):
        city_letter_job_start(
            actor=registry.leader,
            round=round_,
            request=LetterRequest(code="x", council_minutes="", signer_name=""),
        )


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
)
def test_the_batch_runs_in_a_real_worker_from_the_database_queue(registry):
    """As in production: the job is queued in the database when the request commits and a
    ``db_worker`` (one of several against PostgreSQL) runs it to the end."""
    signed = _signed(registry)
    job = certificate_batch_job_start(actor=registry.officer, decision=signed)
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["args"] == [str(job.uuid), str(signed.uuid)]
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert len(PdfReader(job_file_path(job)).pages) == signed.awards.count()


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
)
def test_several_workers_share_the_queue_and_run_each_batch_once(registry):
    """Two worker processes draining the queue at the same time against PostgreSQL: every
    batch runs exactly once (started and finished once each), none is lost."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("several workers share a queue on PostgreSQL (row locks, SKIP LOCKED)")
    signed = _signed(registry)
    jobs = [certificate_batch_job_start(actor=registry.officer, decision=signed) for _ in range(4)]
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.commendations.worker_settings",
        "TDKT_DATABASE_URL": (
            f"postgresql://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "TDKT_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    workers = [
        subprocess.Popen([*command, "--no-reload"], cwd=root, env=env)  # noqa: S603
        for _ in range(2)
    ]
    assert [worker.wait(timeout=300) for worker in workers] == [0, 0]
    assert {r.status for r in DBTaskResult.objects.all()} == {"SUCCESSFUL"}
    assert DBTaskResult.objects.count() == len(jobs)
    for job in jobs:
        job.refresh_from_db()
        assert job.status == JobStatus.SUCCEEDED
        events = AuditEvent.objects.filter(object_id=str(job.uuid)).values_list(
            "event_type", flat=True
        )
        assert sorted(events) == ["job.finished", "job.started"]
