"""Score screens: the ranked table, one unit's scores, computing the data-linked criteria."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.core.errors import ApplicationError
from tdkt.movements.forms.movements import ScoreForm
from tdkt.movements.permissions import can_manage_movements, ensure_can_manage_movements
from tdkt.movements.selectors import movement_get, movement_score_table, participant_unit_get
from tdkt.movements.services import ScoreInput, movement_scores_compute, movement_scores_set
from tdkt.movements.workflow import SCORING
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error


@web_view
def score_table_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The units' scores per criterion with totals and ranks (a unit sees its own row)."""
    movement = movement_get(actor=request.user, uuid=uuid)
    table = movement_score_table(actor=request.user, movement=movement)
    manage = can_manage_movements(request.user)
    return render(
        request,
        "movements/score_table.html",
        {
            "movement": movement,
            "table": table,
            "can_score": manage and movement.state in SCORING,
            "has_linked": any(c.source != "manual" for c in table.criteria),
        },
    )


@web_view
def score_edit_view(request: HttpRequest, uuid: UUID, org_uuid: UUID) -> HttpResponse:
    """Enter one unit's points, bonus and penalty on each criterion."""
    movement = movement_get(actor=request.user, uuid=uuid)
    participant = participant_unit_get(
        actor=request.user, movement=movement, organization_uuid=org_uuid
    )
    ensure_can_manage_movements(request.user)
    table = movement_score_table(actor=request.user, movement=movement)
    row = next(r for r in table.rows if r.participant.pk == participant.pk)
    initial: dict[str, object] = {}
    for criterion, score in zip(table.criteria, row.scores, strict=True):
        initial[f"v_{criterion.pk}"] = score.version if score else 0
        if score is not None:
            initial[f"points_{criterion.pk}"] = score.points
            initial[f"bonus_{criterion.pk}"] = score.bonus
            initial[f"penalty_{criterion.pk}"] = score.penalty
            initial[f"note_{criterion.pk}"] = score.note
    form = ScoreForm(request.POST or None, criteria=table.criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        zero = Decimal(0)
        try:
            movement_scores_set(
                actor=request.user,
                movement=movement,
                organization=participant.organization,
                scores=[
                    ScoreInput(
                        criterion=c,
                        points=data.get(f"points_{c.pk}"),
                        bonus=data.get(f"bonus_{c.pk}") or zero,
                        penalty=data.get(f"penalty_{c.pk}") or zero,
                        note=data.get(f"note_{c.pk}") or "",
                    )
                    for c in table.criteria
                ],
                expected_versions={
                    c.pk: int(data[f"v_{c.pk}"])
                    for c in table.criteria
                    if data.get(f"v_{c.pk}") is not None
                },
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu điểm của đơn vị."))
            return redirect("movements:score-table", uuid=movement.uuid)
    return render(
        request,
        "movements/score_form.html",
        {"form": form, "movement": movement, "participant": participant},
    )


@require_POST
@web_view
def scores_compute_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Compute the points of the criteria linked to indicators or procedure statistics."""
    movement = movement_get(actor=request.user, uuid=uuid)
    ensure_can_manage_movements(request.user)
    try:
        count = movement_scores_compute(actor=request.user, movement=movement)
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã tính %(n)s điểm từ số liệu.") % {"n": count})
    return redirect("movements:score-table", uuid=movement.uuid)
