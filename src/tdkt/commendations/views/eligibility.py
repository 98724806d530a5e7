"""Who is eligible in a unit for a round, and proposing from that list in a few clicks."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
from tdkt.commendations.constants import RoundState
from tdkt.commendations.forms.proposals import AddLinesForm
from tdkt.commendations.models import Round
from tdkt.commendations.permissions import (
    can_edit_proposal,
    can_propose_for,
    ensure_can_propose_for,
)
from tdkt.commendations.selectors import eligibility, eligibility_picks, round_deadline, round_get
from tdkt.commendations.services import LineInput, proposal_lines_add
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.organizations.models import Organization
from tdkt.organizations.selectors import organization_get, organization_list
from tdkt.web.decorators import AuthenticatedHttpRequest, web_view


def _unit(request: AuthenticatedHttpRequest) -> Organization | None:
    """The unit asked for (``?unit=<uuid>``), else the user's own organisation."""
    wanted = request.GET.get("unit") or request.POST.get("unit")
    if wanted:
        return organization_get(actor=request.user, uuid=wanted)
    return request.user.organization


@web_view
def eligibility_view(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """Show every person and collective of a unit with the verdict for each accepted code.

    A unit head sees their own unit; board-wide users pick any unit. A POST adds the ticked
    candidates to the unit's draft proposal (created on first use).
    """
    round_ = round_get(actor=request.user, uuid=uuid)
    unit = _unit(request)
    units = organization_list(actor=request.user) if scope_for(request.user).everything else None
    if unit is None:
        return render(
            request,
            "commendations/rounds/eligibility.html",
            {"round": round_, "units": units, "view": None},
        )
    if request.method == "POST":
        return _add_lines(request, round_, unit)
    view = eligibility(
        actor=request.user,
        round=round_,
        organization=unit,
        search=request.GET.get("q", "").strip()[:100],
        only_eligible=request.GET.get("eligible") == "1",
        page=request.GET.get("page"),
    )
    proposal = view.proposal
    may_propose = (
        round_.state == RoundState.OPEN
        and can_propose_for(request.user, unit)
        and (proposal is None or can_edit_proposal(request.user, proposal))
    )
    return render(
        request,
        "commendations/rounds/eligibility.html",
        {
            "round": round_,
            "units": units,
            "unit": unit,
            "view": view,
            "deadline": round_deadline(round_),
            "may_propose": may_propose,
            "q": request.GET.get("q", ""),
            "only_eligible": request.GET.get("eligible") == "1",
        },
    )


def _add_lines(
    request: AuthenticatedHttpRequest, round_: Round, unit: Organization
) -> HttpResponse:
    ensure_can_propose_for(request.user, unit)
    form = AddLinesForm(request.POST, allowed=request.POST.getlist("pick"))
    back = reverse("commendations:round-eligibility", kwargs={"uuid": round_.uuid})
    back += f"?unit={unit.uuid}"
    if not form.is_valid() or not form.cleaned_data["pick"]:
        messages.error(request, _("Chưa chọn ai để đưa vào đề nghị."))
        return redirect(back)
    picks = eligibility_picks(
        actor=request.user,
        organization=unit,
        picks=form.cleaned_data["pick"],
    )
    try:
        proposal, added = proposal_lines_add(
            actor=request.user,
            round=round_,
            organization=unit,
            lines=[LineInput(person=p, organization=o, code=c) for p, o, c in picks],
            expected_version=form.expected_version,
        )
    except ApplicationError as exc:
        if isinstance(exc, PermissionDeniedError):
            raise
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(
        request,
        _("Đã thêm %(n)s dòng vào đề nghị của đơn vị.") % {"n": added}
        if added
        else _("Những người đã chọn đều đã có trong đề nghị."),
    )
    return redirect("commendations:proposal-detail", uuid=proposal.uuid)
