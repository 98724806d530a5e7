"""Screens of a block's elections: open, vote (one open vote per member), close, cancel."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.core.errors import ApplicationError
from tdkt.emulation_groups import permissions as perms
from tdkt.emulation_groups.constants import ElectionState
from tdkt.emulation_groups.forms import ElectionForm, VoteForm
from tdkt.emulation_groups.selectors import election_candidates, election_get, election_tally
from tdkt.emulation_groups.services import (
    election_cancel,
    election_close,
    election_open,
    election_vote,
)
from tdkt.organizations.selectors import group_get
from tdkt.web.decorators import web_view
from tdkt.web.shortcuts import show_error


@require_POST
@web_view
def election_open_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    group = group_get(actor=request.user, uuid=uuid)
    perms.ensure_leads_some_year(request.user, group)
    form = ElectionForm(request.POST, prefix="election")
    if not form.is_valid():
        messages.error(request, _("Năm không hợp lệ."))
        return redirect("emulation_groups:group-emulation", uuid=group.uuid)
    year = form.cleaned_data["year"]
    perms.ensure_can_manage_election(request.user, group, year)
    try:
        election = election_open(actor=request.user, group=group, year=year)
    except ApplicationError as exc:
        show_error(request, exc)
        return redirect("emulation_groups:group-emulation", uuid=group.uuid)
    return redirect("emulation_groups:election-detail", uuid=election.uuid)


@web_view
def election_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Electors, who voted for whom (an open vote), the counts and the actions allowed."""
    election = election_get(actor=request.user, uuid=uuid)
    tally = election_tally(election)
    can_vote = perms.can_vote(request.user, election)
    manage = election.state == ElectionState.OPEN and perms.can_manage_election(
        request.user, election.group, election.year
    )
    return render(
        request,
        "emulation_groups/election_detail.html",
        {
            "election": election,
            "tally": tally,
            "rows": [(org, tally.votes.get(org.pk)) for org in tally.electors],
            "vote_form": VoteForm(candidates=election_candidates(election)) if can_vote else None,
            "voter": perms.acting_member(request.user, election.group, election.year),
            "can_manage": manage,
        },
    )


@require_POST
@web_view
def election_vote_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    election = election_get(actor=request.user, uuid=uuid)
    perms.ensure_can_vote(request.user, election)
    form = VoteForm(request.POST, candidates=election_candidates(election))
    if form.is_valid():
        try:
            election_vote(actor=request.user, election=election, **form.cleaned_data)
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã ghi nhận phiếu bầu của đơn vị."))
    else:
        messages.error(request, _("Hãy chọn khối trưởng trong danh sách thành viên."))
    return redirect("emulation_groups:election-detail", uuid=election.uuid)


@require_POST
@web_view
def election_close_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    election = election_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_election(request.user, election.group, election.year)
    try:
        election_close(actor=request.user, election=election)
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã kết thúc bầu và ghi nhận kết quả."))
    return redirect("emulation_groups:election-detail", uuid=election.uuid)


@require_POST
@web_view
def election_cancel_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    election = election_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_election(request.user, election.group, election.year)
    try:
        election_cancel(actor=request.user, election=election)
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã huỷ cuộc bầu."))
    return redirect("emulation_groups:group-emulation", uuid=election.group.uuid)
