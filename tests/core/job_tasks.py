"""Tasks the background-job tests enqueue: module-level, so a database worker can import them."""

from __future__ import annotations

from django_tasks import task

from tdkt.core.errors import ApplicationError
from tdkt.core.jobs import job_finish, job_progress, job_result_file, run_job


@task()
def count_rows(job_id: str, rows: int, *, reject_at: int = 0, crash_at: int = 0) -> int:
    """Go through ``rows`` rows in steps of 10, reporting progress, and write a small report.

    ``reject_at`` ends the job with a user-facing error at that row (a rejected import);
    ``crash_at`` raises an unexpected exception there (a bug).
    """
    with run_job(job_id) as job:
        for start in range(0, rows, 10):
            done = min(rows, start + 10)
            if reject_at and done >= reject_at:
                raise ApplicationError(f"Dòng {reject_at}: thiếu họ tên.")
            if crash_at and done >= crash_at:
                raise RuntimeError("unexpected bug")
            job_progress(job=job, done=done, total=rows, message=f"Đã đọc {done} dòng")
        report = job_result_file(job, "báo cáo.csv")
        report.write_text(f"rows,{rows}\n", encoding="utf-8")
        job_finish(job=job, message=f"Đã kiểm tra {rows} dòng.", result_path=report.name)
    return rows
