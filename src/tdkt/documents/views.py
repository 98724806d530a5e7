"""Import pages: the importers and the upload, one import's progress and result, a re-run.

An upload starts a background job and redirects to its page (docs/background-tasks.md); the
page polls itself with htmx while the job runs and then shows the counts or the errors, the
error report workbook, and a form to run the kept file again.
"""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.web.decorators import HtmxHttpRequest, web_view

from .forms import ImportForm, RetryForm
from .jobs import import_retry, import_start
from .selectors import (
    AUTO,
    import_jobs_recent,
    import_run_view,
    importer_get,
    importer_list,
    importers_or_denied,
)
from .template_builder import build_template, template_filename

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Seconds between two polls of an import that is still running.
POLL_SECONDS = 2


@require_http_methods(["GET", "POST"])
@web_view
def import_list(request: HttpRequest) -> HttpResponse:
    """Show the importers and the upload form; a valid upload starts the import's job."""
    importers = importers_or_denied(actor=request.user)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, importers=importers)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            job = import_start(
                actor=request.user,
                importer=form.cleaned_data["importer"],
                data=upload.read(),
                filename=upload.name,
                dry_run=form.cleaned_data["dry_run"],
            )
            return redirect("documents:import-run", uuid=job.uuid)
    else:
        form = ImportForm(
            importers=importers, initial={"importer": request.GET.get("importer") or AUTO}
        )
    context = {
        "form": form,
        "importers": importers,
        "recent": import_jobs_recent(actor=request.user),
    }
    return render(request, "documents/import_list.html", context)


@require_GET
@web_view
def import_run(request: HtmxHttpRequest, uuid: UUID) -> HttpResponse:
    """One import: its progress while it runs (an htmx poll gets the panel only), then its
    result, the error report and the form to run the kept file again."""
    view = import_run_view(actor=request.user, job_uuid=uuid)
    importers = importer_list(actor=request.user)  # none: the page without the re-run form
    initial = {"importer": view.importer.name if view.importer else AUTO}
    form = RetryForm(importers=importers, initial=initial) if importers else None
    context = {"run": view, "form": form, "poll_seconds": POLL_SECONDS}
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "documents/partials/import_run.html", context)
    else:
        response = render(request, "documents/import_result.html", context)
    patch_vary_headers(response, ["HX-Request"])
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@web_view
def import_rerun(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Run the file an earlier import kept again, as the kind and mode chosen."""
    importers = importers_or_denied(actor=request.user)
    view = import_run_view(actor=request.user, job_uuid=uuid)
    form = RetryForm(request.POST, importers=importers)
    if form.is_valid():
        job = import_retry(
            actor=request.user,
            job_uuid=view.job.uuid,
            importer=form.cleaned_data["importer"],
            dry_run=form.cleaned_data["dry_run"],
        )
        return redirect("documents:import-run", uuid=job.uuid)
    context = {"run": view, "form": form, "poll_seconds": POLL_SECONDS}
    return render(request, "documents/import_result.html", context, status=400)


@require_GET
@web_view
def import_template(request: HttpRequest, name: str) -> HttpResponse:
    """Download the XLSX template of one importer."""
    importer = importer_get(actor=request.user, name=name)
    response = HttpResponse(build_template(importer), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{template_filename(importer)}"'
    return response
