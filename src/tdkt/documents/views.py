"""Import pages: the list of importers with templates, the upload, and the result."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.web.decorators import web_view

from .forms import ImportForm
from .selectors import importer_get, importers_or_denied
from .services import import_run
from .template_builder import build_template, template_filename

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_http_methods(["GET", "POST"])
@web_view
def import_list(request: HttpRequest) -> HttpResponse:
    """Show the importers and the upload form; on POST run the import and show its result."""
    importers = importers_or_denied(actor=request.user)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, importers=importers)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            result = import_run(
                actor=request.user,
                importer=form.cleaned_data["importer"],
                data=upload.read(),
                filename=upload.name,
                dry_run=form.cleaned_data["dry_run"],
            )
            return render(request, "documents/import_result.html", {"result": result})
    else:
        form = ImportForm(importers=importers, initial={"importer": request.GET.get("importer")})
    return render(request, "documents/import_list.html", {"form": form, "importers": importers})


@require_GET
@web_view
def import_template(request: HttpRequest, name: str) -> HttpResponse:
    """Download the XLSX template of one importer."""
    importer = importer_get(actor=request.user, name=name)
    response = HttpResponse(build_template(importer), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{template_filename(importer)}"'
    return response
