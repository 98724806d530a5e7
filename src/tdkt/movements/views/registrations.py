"""Registration screens: the year's dashboard, a unit's sheet, the Board's campaign, Excel."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError
from tdkt.movements.constants import CampaignState, SheetState
from tdkt.movements.exports import XLSX, render_sheet_xlsx, render_summary_xlsx
from tdkt.movements.forms.registrations import (
    CampaignForm,
    CampaignUpdateForm,
    LineForm,
    SheetTransitionForm,
)
from tdkt.movements.models import RegistrationSheet
from tdkt.movements.permissions import (
    can_manage_registration,
    can_prepare_sheet,
    ensure_can_manage_registration,
    ensure_can_prepare_sheet,
    ensure_can_review_sheet,
)
from tdkt.movements.registration_workflow import (
    EDITABLE,
    Who,
    moves_for,
    sheet_transition,
    who_moves_to,
)
from tdkt.movements.selectors import (
    campaign_get,
    campaign_list,
    eligible_people,
    registration_dashboard,
    sheet_for_unit,
    sheet_get,
    sheet_line_get,
    sheet_lines,
)
from tdkt.movements.selectors.registrations import reference_date
from tdkt.movements.services import (
    campaign_open,
    campaign_update,
    sheet_line_add,
    sheet_line_remove,
    sheet_start,
)
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.selectors import organization_get, organization_list
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.shortcuts import file_response

from .common import version_of

HISTORY_LIMIT = 30
# The units a new campaign proposes by default: the Board's own departments and units.
BOARD_UNIT_KINDS = {
    OrganizationKind.DEPARTMENT,
    OrganizationKind.PUBLIC_SERVICE_UNIT,
    OrganizationKind.REPRESENTATIVE_OFFICE,
}


@web_view
def registration_home(request: HttpRequest) -> HttpResponse:
    """Go to the latest year's registration, or offer to open one."""
    campaigns = list(campaign_list(actor=request.user)[:10])
    if campaigns and not request.GET.get("all"):
        return redirect("movements:registration-year", year=campaigns[0].year)
    return render(
        request,
        "movements/registration_home.html",
        {"campaigns": campaigns, "can_manage": can_manage_registration(request.user)},
    )


@web_view
def campaign_create_view(request: HttpRequest) -> HttpResponse:
    """Open the registration of a year for the chosen units (they are notified)."""
    ensure_can_manage_registration(request.user)
    units = organization_list(actor=request.user)
    year = timezone.localdate().year
    form = CampaignForm(
        request.POST or None,
        organizations=units,
        initial={
            "year": year,
            "organizations": [u for u in units if u.depth == 1 and u.kind in BOARD_UNIT_KINDS],
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = campaign_open(
                actor=request.user,
                year=data["year"],
                deadline=data["deadline"],
                organizations=data["organizations"],
                target_percent=data["target_percent"],
                note=data["note"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(
                request, _("Đã mở đăng ký thi đua năm %(year)s.") % {"year": campaign.year}
            )
            return redirect("movements:registration-year", year=campaign.year)
    return render(request, "movements/campaign_form.html", {"form": form, "campaign": None})


@web_view
def campaign_update_view(request: HttpRequest, year: int) -> HttpResponse:
    """Change the deadline or the target of a year's registration, or close it."""
    campaign = campaign_get(actor=request.user, year=year)
    ensure_can_manage_registration(request.user)
    form = CampaignUpdateForm(
        request.POST or None,
        initial={
            "deadline": campaign.deadline,
            "target_percent": campaign.target_percent,
            "state": campaign.state,
            "note": campaign.note,
            "version": campaign.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign_update(
                actor=request.user,
                campaign=campaign,
                expected_version=version_of(form),
                deadline=data["deadline"],
                target_percent=data["target_percent"],
                state=data["state"],
                note=data["note"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu đợt đăng ký."))
            return redirect("movements:registration-year", year=campaign.year)
    return render(request, "movements/campaign_form.html", {"form": form, "campaign": campaign})


@web_view
def registration_year_view(request: HttpRequest, year: int) -> HttpResponse:
    """The year's dashboard: rate per unit against the target, who has not registered."""
    campaign = campaign_get(actor=request.user, year=year)
    rows = registration_dashboard(actor=request.user, campaign=campaign)
    eligible = sum(r.eligible for r in rows)
    registered = sum(r.registered for r in rows)
    return render(
        request,
        "movements/registration_year.html",
        {
            "campaign": campaign,
            "campaigns": campaign_list(actor=request.user),
            "rows": [
                {
                    "unit": r,
                    "can_start": r.sheet is None
                    and campaign.state == CampaignState.OPEN
                    and can_prepare_sheet(request.user, r.organization),
                }
                for r in rows
            ],
            "eligible": eligible,
            "registered": registered,
            "rate": round(registered * 100 / eligible, 1) if eligible else 100,
            "can_manage": can_manage_registration(request.user),
        },
    )


@web_view
def summary_export(request: HttpRequest, year: int) -> HttpResponse:
    """The year's rates per unit (those the user may see) as Excel."""
    campaign = campaign_get(actor=request.user, year=year)
    rows = registration_dashboard(actor=request.user, campaign=campaign)
    return file_response(
        render_summary_xlsx(campaign.year, rows, campaign.target_percent),
        filename=f"tong-hop-dang-ky-thi-dua-{campaign.year}.xlsx",
        content_type=XLSX,
    )


@require_POST
@web_view
def sheet_start_view(request: HttpRequest, year: int, org_uuid: UUID) -> HttpResponse:
    """Start the unit's sheet, prefilled from last year."""
    campaign = campaign_get(actor=request.user, year=year)
    organization = organization_get(actor=request.user, uuid=org_uuid)
    ensure_can_prepare_sheet(request.user, organization)
    try:
        sheet = sheet_start(actor=request.user, campaign=campaign, organization=organization)
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
        existing = sheet_for_unit(campaign=campaign, organization=organization)
        if existing is not None:
            return redirect("movements:sheet-detail", uuid=existing.uuid)
        return redirect("movements:registration-year", year=campaign.year)
    messages.success(request, _("Đã lập bản đăng ký, điền sẵn theo năm trước."))
    return redirect("movements:sheet-detail", uuid=sheet.uuid)


def _line_form(request: HttpRequest, sheet: RegistrationSheet, *, bound: bool = False) -> LineForm:
    unit = sheet.organization
    on = reference_date(sheet.campaign.year)
    children = list(organization_list(actor=request.user, parent=unit))
    return LineForm(
        request.POST if bound else None,
        people=list(eligible_people(organization=unit, on=on)),
        collectives=[unit, *children],
        initial={"version": sheet.version},
    )


@web_view
def sheet_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """A unit's sheet: its lines, what to add, submit, approve or return, and its history."""
    sheet = sheet_get(actor=request.user, uuid=uuid)
    editable = (
        sheet.state in EDITABLE
        and sheet.campaign.state == CampaignState.OPEN
        and can_prepare_sheet(request.user, sheet.organization)
    )
    moves = [
        {
            "move": m,
            "label": _("Gửi bản đăng ký")
            if m.target == SheetState.SUBMITTED
            else (_("Duyệt") if m.target == SheetState.APPROVED else _("Trả lại để sửa")),
            "form": SheetTransitionForm(initial={"to_state": m.target, "version": sheet.version}),
        }
        for m in moves_for(request.user, sheet)
    ]
    return render(
        request,
        "movements/sheet_detail.html",
        {
            "sheet": sheet,
            "lines": sheet_lines(sheet),
            "editable": editable,
            "line_form": _line_form(request, sheet) if editable else None,
            "moves": moves,
            "timeline": timeline(history_for(sheet)[:HISTORY_LIMIT], actor=request.user),
        },
    )


@require_POST
@web_view
def sheet_line_add_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Add a line to a sheet being prepared."""
    sheet = sheet_get(actor=request.user, uuid=uuid)
    ensure_can_prepare_sheet(request.user, sheet.organization)
    form = _line_form(request, sheet, bound=True)
    if form.is_valid():
        try:
            sheet_line_add(
                actor=request.user,
                sheet=sheet,
                code=form.cleaned_data["code"],
                note=form.cleaned_data["note"],
                expected_version=version_of(form),
                **form.registrant_objects(),
            )
        except ApplicationError as exc:
            if exc.status not in (400, 409):
                raise
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã thêm dòng đăng ký."))
    else:
        messages.error(request, _("Chọn tập thể, cá nhân và danh hiệu, hình thức."))
    return redirect("movements:sheet-detail", uuid=sheet.uuid)


@require_POST
@web_view
def sheet_line_remove_view(request: HttpRequest, uuid: UUID, line_id: int) -> HttpResponse:
    """Remove a line from a sheet being prepared."""
    sheet = sheet_get(actor=request.user, uuid=uuid)
    ensure_can_prepare_sheet(request.user, sheet.organization)
    line = sheet_line_get(sheet=sheet, line_id=line_id)
    version = request.POST.get("version", "")
    try:
        sheet_line_remove(
            actor=request.user,
            line=line,
            expected_version=int(version) if version.isdecimal() else None,
        )
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bỏ dòng đăng ký."))
    return redirect("movements:sheet-detail", uuid=sheet.uuid)


@require_POST
@web_view
def sheet_transition_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Submit a sheet (its unit), or approve or return it (the level above)."""
    sheet = sheet_get(actor=request.user, uuid=uuid)
    target = request.POST.get("to_state", "")
    if who_moves_to(target) is Who.UNIT:
        ensure_can_prepare_sheet(request.user, sheet.organization)
    else:
        ensure_can_review_sheet(request.user, sheet)
    form = SheetTransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu không hợp lệ."))
        return redirect("movements:sheet-detail", uuid=sheet.uuid)
    try:
        moved = sheet_transition(
            actor=request.user,
            sheet=sheet,
            to_state=form.cleaned_data["to_state"],
            reason=form.cleaned_data["reason"],
            expected_version=version_of(form),
        )
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Bản đăng ký: %(state)s.") % {"state": SheetState(moved.state).label},
        )
    return redirect("movements:sheet-detail", uuid=sheet.uuid)


@web_view
def sheet_export(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The unit's registration list as Excel."""
    sheet = sheet_get(actor=request.user, uuid=uuid)
    return file_response(
        render_sheet_xlsx(sheet),
        filename=f"dang-ky-thi-dua-{sheet.campaign.year}-{sheet.organization.pk}.xlsx",
        content_type=XLSX,
    )
