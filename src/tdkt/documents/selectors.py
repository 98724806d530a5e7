"""Reads of the import framework, scoped to what the actor may do and see."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from tdkt.core.errors import NotFoundError, PermissionDeniedError
from tdkt.core.jobs import job_get_for, job_list_for, job_result_file
from tdkt.core.models import BackgroundJob

from .importing import Importer, ImportResult, RowError, all_importers, get_importer

#: Errors shown on the page; the error report workbook has all of them.
ERRORS_ON_PAGE = 200
#: What a job keeps in its folder: the upload, the request, the result.
SOURCE_NAME = "tep-tai-len"
REQUEST_NAME = "yeu-cau.json"
RESULT_NAME = "ket-qua.json"
KIND_PREFIX = "import."
#: The importer of a job whose kind is recognised from the file's header row.
AUTO = "auto"


@dataclass(frozen=True)
class ImportRequest:
    """What the user asked: which importer (or ``AUTO``), the file's name, a dry run or not."""

    importer: str
    filename: str
    dry_run: bool


def importer_list(*, actor: Any) -> list[Importer]:
    """Return the importers the actor may run (all or none today: writers may import)."""
    allowed = []
    for importer in all_importers():
        try:
            importer.check_permission(actor)
        except PermissionDeniedError:
            continue
        allowed.append(importer)
    return allowed


def importer_get(*, actor: Any, name: str) -> Importer:
    """Return one importer by name, refusing actors who may not run it (403)."""
    importer = get_importer(name)
    importer.check_permission(actor)
    return importer


def importers_or_denied(*, actor: Any) -> list[Importer]:
    """Return the importers the actor may run, or refuse when there is none (403)."""
    importers = importer_list(actor=actor)
    if not importers:
        raise PermissionDeniedError(_("Bạn không có quyền nhập dữ liệu."))
    return importers


def import_jobs_recent(*, actor: Any, limit: int = 10) -> list[BackgroundJob]:
    """Return the actor's latest import jobs, newest first."""
    return list(job_list_for(actor=actor).filter(kind__startswith="import.")[:limit])


@dataclass(frozen=True)
class ImportRunView:
    """What the page of one import job shows."""

    job: BackgroundJob
    filename: str
    dry_run: bool
    importer: Importer | None
    result: ImportResult | None
    errors: list[RowError]
    more_errors: int
    file_kept: bool


def import_run_view(*, actor: Any, job_uuid: Any) -> ImportRunView:
    """Return one of the actor's import jobs with its stored result (404 for anyone else)."""
    job = import_job_get(actor=actor, job_uuid=job_uuid)
    request = import_request(job)
    result = stored_result(job)
    errors = result.sorted_errors() if result else []
    return ImportRunView(
        job=job,
        filename=request.filename,
        dry_run=request.dry_run,
        importer=job_importer(job),
        result=result,
        errors=errors[:ERRORS_ON_PAGE],
        more_errors=max(0, len(errors) - ERRORS_ON_PAGE),
        file_kept=source_path(job) is not None,
    )


def import_job_get(*, actor: Any, job_uuid: Any) -> BackgroundJob:
    """Return one of the actor's import jobs; anything else is "not found"."""
    job = job_get_for(actor=actor, job_uuid=job_uuid)
    if not job.kind.startswith(KIND_PREFIX):
        raise NotFoundError(_("Không tìm thấy công việc này."))
    return job


def source_path(job: BackgroundJob) -> Path | None:
    """Return the file kept for ``job``, or None once it is gone."""
    path = job_result_file(job, SOURCE_NAME)
    return path if path.is_file() else None


def import_request(job: BackgroundJob) -> ImportRequest:
    """Return what the user asked of ``job`` (file name, importer, dry run)."""
    path = job_result_file(job, REQUEST_NAME)
    if not path.is_file():
        raise NotFoundError(_("Tệp của lần nhập này không còn được lưu; hãy tải tệp lên lại."))
    data = json.loads(path.read_text(encoding="utf-8"))
    return ImportRequest(
        importer=str(data["importer"]),
        filename=str(data["filename"]),
        dry_run=bool(data["dry_run"]),
    )


def stored_result(job: BackgroundJob) -> ImportResult | None:
    """Return the result the job left, or None while it runs (or if it crashed)."""
    path = job_result_file(job, RESULT_NAME)
    if not path.is_file():
        return None
    return ImportResult.from_dict(json.loads(path.read_text(encoding="utf-8")))


def job_importer(job: BackgroundJob) -> Importer | None:
    """Return the importer a job ran (or was asked to run), None for a not yet recognised one."""
    result = stored_result(job)
    name = result.importer if result and result.importer else job.kind.removeprefix(KIND_PREFIX)
    if name == AUTO or not name:
        return None
    try:
        return get_importer(name)
    except NotFoundError:
        return None
