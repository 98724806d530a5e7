"""Industrial zones (reference data): list, add, and edit in place in the list (htmx).

The edit endpoints answer an htmx request with one table row (the edit row, or the saved
read-only row) and any other request with a whole page, so "Sửa" is a plain link that also
works without JavaScript.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, StaleVersionError
from tdkt.organizations.forms import ZoneForm
from tdkt.organizations.models import IndustrialZone
from tdkt.organizations.permissions import (
    can_change_reference_data,
    ensure_can_change_reference_data,
)
from tdkt.organizations.selectors import zone_get, zone_list
from tdkt.organizations.services import zone_create, zone_update
from tdkt.organizations.services.zones import ZONE_FIELDS
from tdkt.organizations.versions import state_of
from tdkt.web.decorators import HtmxHttpRequest, web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.forms.versions import seen_initial, show_stale


def _wants_row(request: HtmxHttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def _row_response(
    request: HttpRequest, zone: IndustrialZone, *, saved: bool = False
) -> HttpResponse:
    """Render the read-only row of ``zone`` with its current enterprise count."""
    context = {
        "zone": zone_get(actor=request.user, uuid=zone.uuid, with_counts=True),
        "can_edit": can_change_reference_data(request.user),
        "saved": saved,
    }
    response = render(request, "organizations/_zone_row.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _values(zone: IndustrialZone) -> dict[str, object]:
    """Return the zone's fields as the edit form's initial data."""
    return {name: getattr(zone, name) for name in ZONE_FIELDS}


def _edit_form(request: HttpRequest, zone: IndustrialZone, *, row: bool) -> ZoneForm:
    initial = _values(zone) | seen_initial(state_of(zone))
    # Unique ids per row: several rows may be open for editing at once.
    auto_id = f"zone-{zone.uuid.hex[:12]}-%s" if row else "id_%s"
    form = ZoneForm(request.POST or None, initial=initial, auto_id=auto_id)
    if row:
        form.as_row_of(f"zone-form-{zone.uuid}")
    return form


@web_view
def zone_list_view(request: HttpRequest) -> HttpResponse:
    """List industrial zones with how many enterprises are registered in each."""
    search = request.GET.get("q", "").strip()
    zones = zone_list(actor=request.user, search=search, with_counts=True)
    return render(
        request,
        "organizations/zone_list.html",
        {"zones": zones, "q": search, "can_edit": can_change_reference_data(request.user)},
    )


@web_view
def zone_create_view(request: HttpRequest) -> HttpResponse:
    """Add an industrial zone through ``zone_create`` (board-wide writers)."""
    ensure_can_change_reference_data(request.user)
    form = ZoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            zone = zone_create(actor=request.user, **form.service_data())
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": zone.name})
            return redirect("organizations:zone-list")
    return render(request, "organizations/zone_form.html", {"form": form, "zone": None})


@web_view
def zone_update_view(request: HtmxHttpRequest, uuid: UUID) -> HttpResponse:
    """Change a zone through ``zone_update``: as an edit row (htmx) or a whole page."""
    zone = zone_get(actor=request.user, uuid=uuid)
    ensure_can_change_reference_data(request.user)
    row = _wants_row(request)
    form = _edit_form(request, zone, row=row)
    if request.method == "POST" and form.is_valid():
        try:
            zone = zone_update(
                actor=request.user,
                zone=zone,
                expected_version=form.expected_version(),
                **form.service_data(),
            )
        except StaleVersionError as exc:
            current = zone_get(actor=request.user, uuid=uuid)
            show_stale(form, exc, current_state=state_of(current), current_values=_values(current))
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            if row:
                return _row_response(request, zone, saved=True)
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("organizations:zone-list")
    if row:
        zone = zone_get(actor=request.user, uuid=zone.uuid, with_counts=True)
        template = "organizations/_zone_edit_row.html"
    else:
        template = "organizations/zone_form.html"
    response = render(request, template, {"form": form, "zone": zone})
    patch_vary_headers(response, ["HX-Request"])
    return response


@web_view
def zone_row_view(request: HtmxHttpRequest, uuid: UUID) -> HttpResponse:
    """Return a zone's read-only row ("Hủy" of the edit row); a page request goes to the list."""
    zone = zone_get(actor=request.user, uuid=uuid)
    if not _wants_row(request):
        return redirect("organizations:zone-list")
    return _row_response(request, zone)
