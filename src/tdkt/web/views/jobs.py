"""Background jobs: the user's own jobs, a progress panel that polls (htmx), the result file.

The progress partial answers htmx polls; the same URL without htmx is a whole page, so a link
to a job works from anywhere (an import page, a bookmark, a phone).
"""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, NotFoundError
from tdkt.core.jobs import job_file_path, job_get_for, job_list_for
from tdkt.web.decorators import HtmxHttpRequest, error_response, web_view

#: Seconds between two polls of a job that is still queued or running.
POLL_SECONDS = 2


@web_view
def job_list_view(request: HtmxHttpRequest) -> HttpResponse:
    """The latest jobs the user started, with their state."""
    jobs = job_list_for(actor=request.user)[:50]
    return render(request, "web/jobs/job_list.html", {"jobs": jobs})


@web_view
def job_detail_view(request: HtmxHttpRequest, uuid: UUID) -> HttpResponse:
    """One job: the progress partial for an htmx poll, else a page around it."""
    job = job_get_for(actor=request.user, job_uuid=uuid)
    context = {"job": job, "poll_seconds": POLL_SECONDS}
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "web/partials/job_progress.html", context)
    else:
        response = render(request, "web/jobs/job_detail.html", context)
    patch_vary_headers(response, ["HX-Request"])
    response["Cache-Control"] = "no-store"
    return response


@login_required
def job_download_view(request: HttpRequest, uuid: UUID) -> HttpResponseBase:
    """The file a finished job left, to the user who started it only."""
    try:
        job = job_get_for(actor=request.user, job_uuid=uuid)
        path = job_file_path(job)
        if path is None:
            raise NotFoundError(_("Công việc này không có tệp kết quả."))
    except ApplicationError as exc:
        return error_response(request, exc)
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
