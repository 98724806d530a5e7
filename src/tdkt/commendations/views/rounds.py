"""Rounds: the list (units see the open ones), a round's page, open/edit/close, the tờ trình."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.accounts.scopes import scope_for
from tdkt.commendations.authority import city_codes
from tdkt.commendations.constants import RoundState
from tdkt.commendations.forms.rounds import LetterForm, RoundForm
from tdkt.commendations.letters import (
    LetterRequest,
    build_round_letter,
    letter_file_name,
    render_letter,
)
from tdkt.commendations.permissions import (
    can_manage_rounds,
    can_propose_for,
    can_write_letters,
    ensure_can_manage_rounds,
)
from tdkt.commendations.selectors import (
    proposal_list,
    round_deadline,
    round_get,
    round_lines,
    round_list,
)
from tdkt.commendations.selectors.proposals import AFTER_APPRAISAL
from tdkt.commendations.services import round_create, round_set_state, round_update
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.web.decorators import AuthenticatedHttpRequest, web_view
from tdkt.web.forms.errors import apply_service_error

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@web_view
def round_list_view(request: HttpRequest) -> HttpResponse:
    """List the rounds; a unit sees the open ones first, with the deadline and days left."""
    show = request.GET.get("state", "")
    rounds = list(round_list(actor=request.user, state=show if show in RoundState.values else ""))
    rows = [(r, round_deadline(r)) for r in rounds]
    return render(
        request,
        "commendations/rounds/round_list.html",
        {"rows": rows, "can_manage": can_manage_rounds(request.user), "state": show},
    )


@web_view
def round_detail(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """Show a round: its terms, deadline, the proposals the user may see, and the actions."""
    round_ = round_get(actor=request.user, uuid=uuid)
    unit = request.user.organization
    own_unit = unit if unit is not None and can_propose_for(request.user, unit) else None
    proposals = list(proposal_list(actor=request.user, round=round_))
    letter_codes = [c for c in city_codes() if c in round_.accepted_codes]
    return render(
        request,
        "commendations/rounds/round_detail.html",
        {
            "round": round_,
            "deadline": round_deadline(round_),
            "proposals": proposals,
            "can_manage": can_manage_rounds(request.user),
            "can_see_all_units": scope_for(request.user).everything,
            "own_unit": own_unit,
            "own_proposal": next(
                (p for p in proposals if own_unit and p.organization_id == own_unit.pk), None
            ),
            "can_write_letters": can_write_letters(request.user) and bool(letter_codes),
        },
    )


@web_view
def round_create_view(request: HttpRequest) -> HttpResponse:
    """Open a round (officers)."""
    ensure_can_manage_rounds(request.user)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = round_create(actor=request.user, **form.service_data())
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã mở đợt xét “%(name)s”.") % {"name": round_.name})
            return redirect("commendations:round-detail", uuid=round_.uuid)
    return render(request, "commendations/rounds/round_form.html", {"form": form, "round": None})


@web_view
def round_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a round (officers); a stale form is refused with a clear message."""
    round_ = round_get(actor=request.user, uuid=uuid)
    ensure_can_manage_rounds(request.user)
    initial = {
        "name": round_.name,
        "kind": round_.kind,
        "year": round_.year,
        "accepted_codes": round_.accepted_codes,
        "unit_deadline": round_.unit_deadline,
        "rule_set": round_.rule_set,
        "description": round_.description,
        "version": round_.version,
    }
    form = RoundForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            round_update(
                actor=request.user,
                round=round_,
                expected_version=form.cleaned_data.get("version"),
                **form.service_data(),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("commendations:round-detail", uuid=round_.uuid)
    return render(request, "commendations/rounds/round_form.html", {"form": form, "round": round_})


@require_POST
@web_view
def round_state_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Close a round or reopen it (officers)."""
    round_ = round_get(actor=request.user, uuid=uuid)
    ensure_can_manage_rounds(request.user)
    state = request.POST.get("state", "")
    version = request.POST.get("version", "")
    try:
        round_set_state(
            actor=request.user,
            round=round_,
            state=state,
            expected_version=int(version) if version.isdecimal() else None,
        )
    except ApplicationError as exc:
        if isinstance(exc, PermissionDeniedError):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Đã đóng đợt xét.") if state == RoundState.CLOSED else _("Đã mở lại đợt xét."),
        )
    return redirect("commendations:round-detail", uuid=round_.uuid)


@web_view
def round_letter(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Draw up the Board's tờ trình to the City for one code above its authority (officers).

    The letter lists the lines appraised "đủ điều kiện" of the proposals past the appraisal.
    """
    round_ = round_get(actor=request.user, uuid=uuid)
    if not can_write_letters(request.user):
        raise PermissionDeniedError(_("Chỉ cán bộ thi đua – khen thưởng được lập tờ trình."))
    form = LetterForm(request.POST or None, codes=tuple(round_.accepted_codes))
    counts = {
        code: round_lines(
            actor=request.user,
            round=round_,
            codes=(code,),
            states=AFTER_APPRAISAL,
            eligible_only=True,
        ).count()
        for code in city_codes()
        if code in round_.accepted_codes
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        letter_request = LetterRequest(
            code=data["code"],
            council_minutes=data["council_minutes"],
            signer_name=data["signer_name"],
            deputy=data["deputy"],
            number=data["number"],
            issued_on=data["issued_on"],
        )
        try:
            letter = build_round_letter(actor=request.user, round_=round_, request=letter_request)
        except ApplicationError as exc:
            if exc.status != 400:
                raise
            form.add_error("code", exc.message)
        else:
            fmt = data["fmt"]
            body = render_letter(letter, fmt)
            response = HttpResponse(body, content_type="application/pdf" if fmt == "pdf" else DOCX)
            name = letter_file_name(round_, data["code"], fmt)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    return render(
        request,
        "commendations/rounds/round_letter.html",
        {"round": round_, "form": form, "counts": counts},
    )
