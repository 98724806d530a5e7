"""Imports run as background jobs: start one from an upload, run it again from its kept file.

The web upload only checks the user's permission, keeps the file in the job's own folder with
what was asked (``yeu-cau.json``: file name, importer, dry run) and starts a job
(``BackgroundJob``, docs/background-tasks.md); a worker runs the import (``tasks.run_import``)
and leaves beside the file the result (``ket-qua.json``) and, for a rejected file, the error
report workbook. The file stays there, so the user can run the same
file again — as another kind, or for real after a dry run — without uploading it again. Only
the owner of a job reaches any of it (``job_get_for``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.errors import NotFoundError
from tdkt.core.jobs import job_result_file, job_start
from tdkt.core.models import BackgroundJob

from .importing import Importer
from .selectors import (
    AUTO,
    KIND_PREFIX,
    REQUEST_NAME,
    SOURCE_NAME,
    ImportRequest,
    import_job_get,
    import_request,
    importer_get,
    importers_or_denied,
    source_path,
)
from .tasks import run_import


def _title(filename: str, importer: Importer | None, dry_run: bool) -> str:
    if importer is None:
        title = _("Nhập dữ liệu từ %(file)s") % {"file": filename}
    else:
        title = _("Nhập %(kind)s từ %(file)s") % {
            "kind": str(importer.title).lower(),
            "file": filename,
        }
    return f"{title} ({_('chạy thử')})" if dry_run else title


@transaction.atomic
def import_start(
    *, actor: Any, importer: str, data: bytes, filename: str, dry_run: bool
) -> BackgroundJob:
    """Keep ``data`` and start its import as a background job owned by ``actor``.

    ``importer`` is a registered name or ``AUTO`` (recognised from the header row when the job
    runs). The actor must be allowed to import (403 otherwise, before anything is kept); each
    row is checked against their scope when the job runs.
    """
    chosen = None if importer == AUTO else importer_get(actor=actor, name=importer)
    if chosen is None:
        importers_or_denied(actor=actor)
    name = filename.replace("\\", "/").rsplit("/", 1)[-1][:200] or "tep"
    request = ImportRequest(
        importer=chosen.name if chosen else AUTO, filename=name, dry_run=dry_run
    )
    job = job_start(
        actor=actor,
        kind=KIND_PREFIX + request.importer,
        title=_title(name, chosen, dry_run),
        task=run_import,
    )
    job_result_file(job, SOURCE_NAME).write_bytes(data)
    job_result_file(job, REQUEST_NAME).write_text(json.dumps(asdict(request)), encoding="utf-8")
    return job


def import_retry(*, actor: Any, job_uuid: Any, importer: str, dry_run: bool) -> BackgroundJob:
    """Start the import of the file kept by one of the actor's earlier import jobs again."""
    earlier = import_job_get(actor=actor, job_uuid=job_uuid)
    source = source_path(earlier)
    if source is None:
        raise NotFoundError(_("Tệp của lần nhập này không còn được lưu; hãy tải tệp lên lại."))
    return import_start(
        actor=actor,
        importer=importer,
        data=source.read_bytes(),
        filename=import_request(earlier).filename,
        dry_run=dry_run,
    )


def import_files_prune(*, older_than: timedelta) -> int:
    """Delete the uploads kept by import jobs that ended more than ``older_than`` ago.

    A kept upload holds personal data (names, CCCD numbers); it is there only so that its
    owner can run it again soon after (production runs ``tdkt prune_import_files`` daily). The
    job, its result and its error report stay. Returns how many files were deleted.
    """
    cutoff = timezone.now() - older_than
    ended = BackgroundJob.objects.filter(kind__startswith=KIND_PREFIX, finished_at__lt=cutoff).only(
        "uuid"
    )
    deleted = 0
    for job in ended.iterator():
        if (source := source_path(job)) is not None:
            source.unlink(missing_ok=True)
            deleted += 1
    return deleted
