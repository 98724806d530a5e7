"""The job progress panel: polls while running, stops when done, offers the file to its owner."""

from __future__ import annotations

import re
from uuid import uuid4

from django.utils import timezone

from tdkt.core.jobs import job_fail, job_finish, job_progress, job_result_file, job_start
from tdkt.core.jobs.services import job_mark_running


def _without_tokens(response) -> str:
    """The page with its per-request CSRF tokens blanked out."""
    return re.sub(r'(X-CSRFToken": "|value=")[\w-]{30,}', r"\1", response.content.decode())


def _running(user, *, total: int, done: int):
    job = job_start(actor=user, kind="import.people", title="Nhập danh sách cá nhân", total=total)
    job_mark_running(job=job)
    return job_progress(job=job, done=done, message="Đang kiểm tra từng dòng")


def test_a_running_job_polls_and_shows_progress_in_vietnamese(registry, client_for):
    """The htmx partial asks again every 2 s and shows 1.234 of 4.936 rows (25 %)."""
    job = _running(registry.viewer, total=4936, done=1234)
    response = client_for("viewer").get(f"/jobs/{job.uuid}/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="every 2s"' in html
    assert "<html" not in html  # a partial, not a page
    assert 'value="25"' in html
    assert "1.234/4.936 mục" in html
    assert "Đang xử lý" in html
    assert "Đang kiểm tra từng dòng" in html


def test_a_finished_job_stops_polling_and_offers_its_file(registry, client_for):
    """Once done the panel has no trigger any more, and the owner downloads the report."""
    job = _running(registry.viewer, total=10, done=10)
    report = job_result_file(job, "kết quả.csv")
    report.write_text("ok\n", encoding="utf-8")
    job_finish(job=job, message="Đã nhập 10 cá nhân.", result_path=report.name)
    client = client_for("viewer")
    html = client.get(f"/jobs/{job.uuid}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in html
    assert "Đã xong" in html
    assert "Đã nhập 10 cá nhân." in html
    download = client.get(f"/jobs/{job.uuid}/download/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"ok\n"


def test_a_failed_job_shows_why(registry, client_for):
    """The user reads the failure in plain Vietnamese, without a download button."""
    job = _running(registry.viewer, total=10, done=3)
    job_fail(job=job, message="Dòng 4: ngày sinh không hợp lệ.")
    html = client_for("viewer").get(f"/jobs/{job.uuid}/").content.decode()
    assert "Không thành công" in html
    assert "Dòng 4: ngày sinh không hợp lệ." in html
    assert "Tải tệp kết quả" not in html
    assert "hx-trigger" not in html


def test_the_page_without_htmx_is_a_whole_page_and_the_list_shows_my_jobs(registry, client_for):
    """A link to a job opens a page; /jobs/ lists the user's jobs with dates as dd/mm/yyyy."""
    job = _running(registry.viewer, total=100, done=40)
    client = client_for("viewer")
    page = client.get(f"/jobs/{job.uuid}/").content.decode()
    assert "<html" in page
    assert 'hx-trigger="every 2s"' in page
    listing = client.get("/jobs/").content.decode()
    assert "Nhập danh sách cá nhân" in listing
    assert "(40%)" in listing
    assert timezone.localtime(job.created_at).strftime("%d/%m/%Y %H:%M") in listing


def test_another_users_job_is_exactly_like_a_missing_one(registry, client_for):
    """No existence oracle: someone else's job and its file answer like an unknown id."""
    job = _running(registry.officer, total=10, done=10)
    report = job_result_file(job, "r.csv")
    report.write_text("secret")
    job_finish(job=job, result_path=report.name)
    client = client_for("viewer")
    unknown = uuid4()
    foreign = client.get(f"/jobs/{job.uuid}/")
    missing = client.get(f"/jobs/{unknown}/")
    assert foreign.status_code == missing.status_code == 404
    assert _without_tokens(foreign).replace(str(job.uuid), "ID") == _without_tokens(
        missing
    ).replace(str(unknown), "ID")
    assert client.get(f"/jobs/{job.uuid}/download/").status_code == 404
    assert "Nhập danh sách cá nhân" not in client.get("/jobs/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(registry, client):
    """Jobs are personal: without a session the pages redirect to the sign-in page."""
    job = _running(registry.viewer, total=1, done=0)
    response = client.get(f"/jobs/{job.uuid}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
