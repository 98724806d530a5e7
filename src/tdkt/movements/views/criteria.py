"""Screens of a movement's criteria and deadlines (officers only)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.core.errors import ApplicationError
from tdkt.movements.forms.movements import CriterionForm, DeadlineForm, TransitionForm
from tdkt.movements.permissions import ensure_can_manage_movements
from tdkt.movements.selectors import criterion_get, deadline_get, movement_get
from tdkt.movements.services import (
    criterion_add,
    criterion_remove,
    criterion_update,
    deadline_add,
    deadline_remove,
)
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error

from .common import version_of


@web_view
def criterion_create_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Add a criterion with its scale and data source."""
    movement = movement_get(actor=request.user, uuid=uuid)
    ensure_can_manage_movements(request.user)
    form = CriterionForm(
        request.POST or None,
        initial={
            "version": movement.version,
            "weight": 1,
            "bonus_max": 0,
            "penalty_max": 0,
            "max_points": 10,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            criterion_add(
                actor=request.user,
                movement=movement,
                expected_version=version_of(form),
                **form.service_data(),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm tiêu chí."))
            return redirect("movements:movement-detail", uuid=movement.uuid)
    return render(
        request,
        "movements/criterion_form.html",
        {"form": form, "movement": movement, "criterion": None},
    )


@web_view
def criterion_update_view(request: HttpRequest, uuid: UUID, criterion_id: int) -> HttpResponse:
    """Edit a criterion; its removal is offered on the same page."""
    movement = movement_get(actor=request.user, uuid=uuid)
    criterion = criterion_get(movement=movement, criterion_id=criterion_id)
    ensure_can_manage_movements(request.user)
    form = CriterionForm(
        request.POST or None, initial=CriterionForm.initial_for(criterion, movement.version)
    )
    if request.method == "POST" and form.is_valid():
        try:
            criterion_update(
                actor=request.user,
                criterion=criterion,
                expected_version=version_of(form),
                **form.service_data(),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu tiêu chí."))
            return redirect("movements:movement-detail", uuid=movement.uuid)
    return render(
        request,
        "movements/criterion_form.html",
        {
            "form": form,
            "movement": movement,
            "criterion": criterion,
            "remove_form": TransitionForm(initial={"version": movement.version, "to_state": "-"}),
        },
    )


@require_POST
@web_view
def criterion_delete_view(request: HttpRequest, uuid: UUID, criterion_id: int) -> HttpResponse:
    """Remove a criterion nobody was scored on."""
    movement = movement_get(actor=request.user, uuid=uuid)
    criterion = criterion_get(movement=movement, criterion_id=criterion_id)
    ensure_can_manage_movements(request.user)
    version = request.POST.get("version", "")
    try:
        criterion_remove(
            actor=request.user,
            criterion=criterion,
            expected_version=int(version) if version.isdecimal() else None,
        )
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bỏ tiêu chí."))
    return redirect("movements:movement-detail", uuid=movement.uuid)


@web_view
def deadline_create_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Add a deadline the participating units are reminded of."""
    movement = movement_get(actor=request.user, uuid=uuid)
    ensure_can_manage_movements(request.user)
    form = DeadlineForm(request.POST or None, initial={"version": movement.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            deadline_add(
                actor=request.user,
                movement=movement,
                kind=data["kind"],
                title=data["title"],
                due_on=data["due_on"],
                expected_version=version_of(form),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm mốc thời hạn."))
            return redirect("movements:movement-detail", uuid=movement.uuid)
    return render(request, "movements/deadline_form.html", {"form": form, "movement": movement})


@require_POST
@web_view
def deadline_delete_view(request: HttpRequest, uuid: UUID, deadline_id: int) -> HttpResponse:
    """Remove a deadline."""
    movement = movement_get(actor=request.user, uuid=uuid)
    deadline = deadline_get(movement=movement, deadline_id=deadline_id)
    ensure_can_manage_movements(request.user)
    version = request.POST.get("version", "")
    try:
        deadline_remove(
            actor=request.user,
            deadline=deadline,
            expected_version=int(version) if version.isdecimal() else None,
        )
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bỏ mốc thời hạn."))
    return redirect("movements:movement-detail", uuid=movement.uuid)
