"""The background task that runs an import started from the web (``jobs.import_start``)."""

from __future__ import annotations

import json

from django.utils.translation import gettext as _
from django_tasks import task

from tdkt.core.jobs import job_fail, job_finish, job_progress, job_result_file, run_job
from tdkt.core.models import BackgroundJob

from .importing import Importer, ImportResult, guess_importer
from .report import build_error_report, report_filename
from .selectors import (
    AUTO,
    RESULT_NAME,
    import_request,
    importer_get,
    importer_list,
    source_path,
)
from .services import import_run
from .xlsx import FileRejectedError, read_headers


@task()
def run_import(job_id: str) -> None:
    """Import the file kept for job ``job_id`` as its owner, reporting progress on the job.

    The owner's permission is checked again here (an account disabled meanwhile imports
    nothing). A rejected file fails the job with the error count and leaves the error report
    workbook as the job's file; the full result is kept for the import's page.
    """
    with run_job(job_id) as job:
        request = import_request(job)
        source = source_path(job)
        if source is None:
            job_fail(job=job, message=_("Tệp của lần nhập này không còn được lưu."))
            return
        data = source.read_bytes()
        actor = job.owner
        if request.importer == AUTO:
            try:
                headers = read_headers(data, filename=request.filename)
            except FileRejectedError as exc:
                headers = []
                message = exc.message
            else:
                message = _(
                    "Không nhận ra loại dữ liệu từ dòng tiêu đề của tệp; hãy chọn loại dữ liệu "
                    "rồi chạy lại."
                )
            importer = guess_importer(headers, importer_list(actor=actor))
            if importer is None:
                job_fail(job=job, message=message)
                return
        else:
            importer = importer_get(actor=actor, name=request.importer)

        def progress(done: int, total: int | None, message: str) -> None:
            job_progress(job=job, done=done, total=total, message=message)

        result = import_run(
            actor=actor,
            importer=importer,
            data=data,
            filename=request.filename,
            dry_run=request.dry_run,
            progress=progress,
        )
        store_result(job, result)
        _end(job, result, data, importer)


def store_result(job: BackgroundJob, result: ImportResult) -> None:
    """Keep ``result`` beside the file, for the job's page."""
    path = job_result_file(job, RESULT_NAME)
    path.write_text(json.dumps(result.as_dict(), ensure_ascii=False), encoding="utf-8")


def _end(job: BackgroundJob, result: ImportResult, data: bytes, importer: Importer) -> None:
    if result.ok:
        counts = {"c": result.created, "u": result.updated, "n": result.unchanged}
        if result.dry_run:
            message = _(
                "Chạy thử: tệp hợp lệ, chưa ghi gì (sẽ thêm mới %(c)s, cập nhật %(u)s, "
                "không đổi %(n)s)."
            )
        else:
            message = _("Đã nhập xong: thêm mới %(c)s, cập nhật %(u)s, không đổi %(n)s.")
        job_finish(job=job, message=message % counts)
        if not result.dry_run and (source := source_path(job)) is not None:
            source.unlink(missing_ok=True)  # imported: nothing to run again, no data to keep
        return
    report = job_result_file(job, report_filename(importer))
    report.write_bytes(
        build_error_report(data=data, filename=result.filename, importer=importer, result=result)
    )
    job_fail(
        job=job,
        message=_("Tệp bị từ chối: %(n)s lỗi. Không có dữ liệu nào được ghi.")
        % {"n": len(result.errors)},
        result_path=report.name,
    )
