"""Movement screens: list, create, detail, edit, participants, moves, acknowledgement, files."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.accounts.scopes import scope_for
from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError, NotFoundError
from tdkt.movements.constants import MovementKind, MovementState, ReviewKind
from tdkt.movements.forms.movements import (
    AcknowledgeForm,
    MovementForm,
    ParticipantsForm,
    RoundForm,
    TransitionForm,
)
from tdkt.movements.permissions import (
    can_manage_movements,
    ensure_can_acknowledge,
    ensure_can_manage_movements,
)
from tdkt.movements.selectors import (
    movement_get,
    movement_list,
    movement_score_table,
    participant_for,
    participant_organizations,
    participant_unit_get,
)
from tdkt.movements.services import (
    can_open_round,
    movement_acknowledge,
    movement_create,
    movement_participants_set,
    movement_round_open,
    movement_update,
)
from tdkt.movements.workflow import EDITABLE, movement_transition, moves_from
from tdkt.organizations.selectors import organization_list
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.shortcuts import file_response

from .common import version_of

HISTORY_LIMIT = 50
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@web_view
def movement_list_view(request: HttpRequest) -> HttpResponse:
    """List the movements the user may see, filtered by state and year."""
    state = request.GET.get("state", "")
    state = state if state in MovementState.values else ""
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdecimal() and 2000 <= int(year_text) <= 2100 else None
    return render(
        request,
        "movements/movement_list.html",
        {
            "movements": movement_list(actor=request.user, state=state, year=year),
            "states": MovementState.choices,
            "state": state,
            "year": year or "",
            "can_manage": can_manage_movements(request.user),
        },
    )


def _movement_form(request: HttpRequest, **kwargs: Any) -> MovementForm:
    return MovementForm(
        request.POST or None,
        request.FILES or None,
        movements=movement_list(actor=request.user),
        **kwargs,
    )


def _upload(form: MovementForm) -> tuple[str, bytes] | None:
    upload = form.cleaned_data.get("plan_file")
    return (upload.name, upload.read()) if upload else None


@web_view
def movement_create_view(request: HttpRequest) -> HttpResponse:
    """Create a movement in draft (with its plan file, if one is given)."""
    ensure_can_manage_movements(request.user)
    form = _movement_form(request, initial={"kind": MovementKind.THEMATIC})
    if request.method == "POST" and form.is_valid():
        try:
            movement = movement_create(
                actor=request.user, **form.service_data(), plan_file=_upload(form)
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm phong trào."))
            return redirect("movements:movement-detail", uuid=movement.uuid)
    return render(request, "movements/movement_form.html", {"form": form, "movement": None})


@web_view
def movement_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Edit a movement that is not closed, and replace its plan file."""
    movement = movement_get(actor=request.user, uuid=uuid)
    ensure_can_manage_movements(request.user)
    initial = {name: getattr(movement, name) for name in MovementForm.FIELDS}
    form = _movement_form(request, initial={**initial, "version": movement.version})
    if request.method == "POST" and form.is_valid():
        try:
            movement_update(
                actor=request.user,
                movement=movement,
                expected_version=version_of(form),
                **form.service_data(),
                plan_file=_upload(form),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu phong trào."))
            return redirect("movements:movement-detail", uuid=movement.uuid)
    return render(request, "movements/movement_form.html", {"form": form, "movement": movement})


def _moves(actor: Any, movement: Any) -> list[dict[str, Any]]:
    if not can_manage_movements(actor):
        return []
    return [
        {
            "target": move.target,
            "label": MovementState(move.target).label,
            "needs_reason": move.needs_reason,
            "form": TransitionForm(initial={"to_state": move.target, "version": movement.version}),
        }
        for move in moves_from(movement.state)
    ]


@web_view
def movement_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show a movement: plan, participants and acknowledgements, criteria, deadlines, scores,
    the actions the user may take, and its history."""
    movement = movement_get(actor=request.user, uuid=uuid)
    manage = can_manage_movements(request.user)
    scope = scope_for(request.user)
    table = movement_score_table(actor=request.user, movement=movement)
    return render(
        request,
        "movements/movement_detail.html",
        {
            "movement": movement,
            "participants": participant_organizations(movement),
            "mine": [
                {"participant": p, "form": AcknowledgeForm()}
                for p in participant_for(actor=request.user, movement=movement)
                if p.acknowledged_at is None
                and movement.state in EDITABLE
                and movement.state != MovementState.DRAFT
            ],
            "criteria": table.criteria,
            "score_rows": table.rows,
            "deadlines": sorted(movement.deadlines.all(), key=lambda d: (d.due_on, d.pk)),
            "can_manage": manage,
            "editable": manage and movement.state in EDITABLE,
            "moves": _moves(request.user, movement),
            "can_review": scope.everything,
            "review_kinds": ReviewKind.choices,
            "can_open_round": manage and can_open_round(movement),
            "timeline": timeline(history_for(movement)[:HISTORY_LIMIT], actor=request.user)
            if scope.everything
            else [],
        },
    )


@web_view
def movement_participants_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Choose the participating units (only additions once launched)."""
    movement = movement_get(actor=request.user, uuid=uuid)
    ensure_can_manage_movements(request.user)
    current = [p.organization for p in participant_organizations(movement)]
    form = ParticipantsForm(
        request.POST or None,
        organizations=organization_list(actor=request.user),
        initial={"organizations": current, "version": movement.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            movement_participants_set(
                actor=request.user,
                movement=movement,
                organizations=form.cleaned_data["organizations"],
                expected_version=version_of(form),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã cập nhật đơn vị tham gia."))
            return redirect("movements:movement-detail", uuid=movement.uuid)
    return render(request, "movements/participants_form.html", {"form": form, "movement": movement})


@require_POST
@web_view
def movement_transition_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Launch, start the final review, reopen or close a movement."""
    movement = movement_get(actor=request.user, uuid=uuid)
    ensure_can_manage_movements(request.user)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu không hợp lệ."))
        return redirect("movements:movement-detail", uuid=movement.uuid)
    target = form.cleaned_data["to_state"]
    try:
        movement_transition(
            actor=request.user,
            movement=movement,
            to_state=target,
            reason=form.cleaned_data["reason"],
            expected_version=version_of(form),
        )
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        label = MovementState(target).label if target in MovementState.values else target
        messages.success(request, _("Phong trào đã chuyển sang “%(state)s”.") % {"state": label})
    return redirect("movements:movement-detail", uuid=movement.uuid)


@require_POST
@web_view
def movement_acknowledge_view(request: HttpRequest, uuid: UUID, org_uuid: UUID) -> HttpResponse:
    """Record that the user's unit received the launch."""
    movement = movement_get(actor=request.user, uuid=uuid)
    participant = participant_unit_get(
        actor=request.user, movement=movement, organization_uuid=org_uuid
    )
    ensure_can_acknowledge(request.user, participant)
    form = AcknowledgeForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        movement_acknowledge(actor=request.user, participant=participant, note=note)
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã xác nhận nhận phát động."))
    return redirect("movements:movement-detail", uuid=movement.uuid)


@web_view
def plan_file_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Serve the plan document to a user who may see the movement."""
    movement = movement_get(actor=request.user, uuid=uuid)
    if not movement.plan_file:
        raise NotFoundError(_("Phong trào chưa có tệp kế hoạch."))
    with movement.plan_file.open("rb") as stored:
        data = stored.read()
    return file_response(
        data,
        filename=movement.plan_file_name or "ke-hoach",
        content_type=movement.plan_file_type or "application/octet-stream",
    )


@web_view
def review_file_view(request: HttpRequest, uuid: UUID, kind: str) -> HttpResponse:
    """Draft the interim or final review report as .docx (board-wide readers)."""
    movement = movement_get(actor=request.user, uuid=uuid)
    if not scope_for(request.user).everything:
        raise NotFoundError(_("Không tìm thấy báo cáo."))
    if kind not in ReviewKind.values:
        raise NotFoundError(_("Không tìm thấy báo cáo."))
    from tdkt.documents.official.review import render_review_docx
    from tdkt.movements.review import review_report

    report = review_report(actor=request.user, movement=movement, kind=kind)
    prefix = "so-ket" if kind == ReviewKind.INTERIM else "tong-ket"
    return file_response(
        render_review_docx(report),
        filename=f"bao-cao-{prefix}-{movement.code.lower()}.docx",
        content_type=DOCX,
    )


@web_view
def round_open_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Open the commendation round of a thematic movement."""
    movement = movement_get(actor=request.user, uuid=uuid)
    ensure_can_manage_movements(request.user)
    if not can_open_round(movement):
        raise NotFoundError(_("Phong trào này không mở được đợt xét khen thưởng."))
    form = RoundForm(
        request.POST or None,
        initial={"version": movement.version, "unit_deadline": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            movement_round_open(
                actor=request.user,
                movement=movement,
                unit_deadline=form.cleaned_data["unit_deadline"],
                accepted_codes=form.cleaned_data["accepted_codes"],
                expected_version=version_of(form),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã mở đợt xét khen thưởng chuyên đề."))
            return redirect("movements:movement-detail", uuid=movement.uuid)
    return render(request, "movements/round_form.html", {"form": form, "movement": movement})
