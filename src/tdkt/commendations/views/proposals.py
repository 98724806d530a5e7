"""Proposals: the list, one proposal's page with its lines, dossier, moves and appraisal."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tdkt.audit.services import history_for
from tdkt.commendations.constants import AppraisalReason, ProposalState
from tdkt.commendations.flags import FLAG_LABELS, line_flags, visible_flags
from tdkt.commendations.forms.proposals import (
    AppraisalForm,
    AttachmentForm,
    LineForm,
    LineImportForm,
    MoveForm,
    ProposalForm,
)
from tdkt.commendations.imports.lines import line_importer
from tdkt.commendations.models import Proposal
from tdkt.commendations.permissions import (
    can_appraise,
    can_edit_proposal,
    ensure_can_appraise,
    ensure_can_edit_proposal,
)
from tdkt.commendations.selectors import (
    attachment_get,
    proposal_get,
    proposal_line_get,
    proposal_list,
    round_deadline,
    round_list,
)
from tdkt.commendations.services import (
    Appraisal,
    attachment_add,
    attachment_remove,
    proposal_appraise,
    proposal_line_remove,
    proposal_line_update,
    proposal_move,
    proposal_update,
)
from tdkt.commendations.workflow import may_move, moves_from
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.documents.services import import_run
from tdkt.documents.template_builder import build_template
from tdkt.rules.labels import CODE_LABELS
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HISTORY_LIMIT = 100


@web_view
def proposal_list_view(request: HttpRequest) -> HttpResponse:
    """List the proposals of the units the user may see, by round and state."""
    rounds = list(round_list(actor=request.user))
    chosen = next((r for r in rounds if str(r.uuid) == request.GET.get("round")), None)
    state = request.GET.get("state", "")
    proposals = proposal_list(
        actor=request.user,
        round=chosen,
        state=state if state in ProposalState.values else "",
    )
    return render(
        request,
        "commendations/proposals/proposal_list.html",
        {
            "proposals": proposals,
            "rounds": rounds,
            "chosen": chosen,
            "state": state,
            "states": ProposalState.choices,
        },
    )


def _moves(request: HttpRequest, proposal: Proposal) -> list[dict[str, Any]]:
    """The workflow steps this user may take now, each with its label and reason need."""
    labels = {
        ProposalState.SUBMITTED: _("Gửi đề nghị"),
        ProposalState.RECALLED: _("Rút lại để sửa"),
        ProposalState.UNDER_APPRAISAL: _("Bắt đầu thẩm định"),
        ProposalState.RETURNED: _("Trả lại đơn vị"),
        ProposalState.AT_COUNCIL: _("Trình Hội đồng"),
        ProposalState.PUBLISHED: _("Công khai"),
    }
    return [
        {
            "to": move.target,
            "label": labels.get(ProposalState(move.target), ProposalState(move.target).label),
            "needs_reason": move.needs_reason,
            "back": move.target in (ProposalState.RETURNED, ProposalState.RECALLED)
            or (move.source == ProposalState.AT_COUNCIL),
        }
        for move in moves_from(proposal.state)
        if may_move(request.user, proposal, move)
    ]


@web_view
def proposal_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show a proposal: lines with flags and appraisal, dossier files, steps, actions."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    return render(
        request, "commendations/proposals/proposal_detail.html", _context(request, proposal)
    )


def _context(request: HttpRequest, proposal: Proposal, **forms: Any) -> dict[str, Any]:
    editable = can_edit_proposal(request.user, proposal)
    appraising = can_appraise(request.user, proposal)
    lines = list(proposal.lines.all())
    flags = line_flags(proposal)
    version = {"version": proposal.version}
    rows = [
        {
            "line": line,
            "label": CODE_LABELS["vi"].get(line.code, line.code),
            "flags": [
                FLAG_LABELS.get(f, f) for f in visible_flags(flags.get(line.pk, []), request.user)
            ],
        }
        for line in lines
    ]
    return {
        "proposal": proposal,
        "round": proposal.round,
        "deadline": round_deadline(proposal.round),
        "rows": rows,
        "attachments": list(proposal.attachments.all()),
        "steps": list(proposal.transitions.all()),
        "moves": _moves(request, proposal),
        "editable": editable,
        "appraising": appraising,
        "proposal_form": forms.get("proposal_form")
        or (ProposalForm(initial={**version, **_letter(proposal)}) if editable else None),
        "attachment_form": forms.get("attachment_form")
        or (AttachmentForm(initial=version) if editable else None),
        "import_form": forms.get("import_form") or (LineImportForm() if editable else None),
        "appraisal_form": forms.get("appraisal_form")
        or (AppraisalForm(initial=version, lines=lines) if appraising else None),
        "reasons": AppraisalReason.choices,
        "timeline": timeline(history_for(proposal)[:HISTORY_LIMIT], actor=request.user),
    }


def _letter(proposal: Proposal) -> dict[str, Any]:
    return {
        "letter_number": proposal.letter_number,
        "letter_date": proposal.letter_date,
        "note": proposal.note,
    }


def _refused(exc: ApplicationError) -> None:
    """Let 403 and 404 reach the error pages; other errors are shown on the page."""
    if exc.status != 400:
        raise exc


@require_POST
@web_view
def proposal_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Save the unit's letter number, date and note."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    ensure_can_edit_proposal(request.user, proposal)
    form = ProposalForm(request.POST)
    if form.is_valid():
        try:
            proposal_update(
                actor=request.user,
                proposal=proposal,
                expected_version=form.expected_version,
                **form.service_data(),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("commendations:proposal-detail", uuid=proposal.uuid)
    context = _context(request, proposal, proposal_form=form)
    return render(request, "commendations/proposals/proposal_detail.html", context, status=400)


@require_POST
@web_view
def proposal_move_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Take one workflow step (submit, recall, return, start the appraisal, …)."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu không hợp lệ."))
        return redirect("commendations:proposal-detail", uuid=proposal.uuid)
    target = form.cleaned_data["to_state"]
    try:
        moved = proposal_move(
            actor=request.user,
            proposal=proposal,
            to_state=target,
            reason=form.cleaned_data["reason"],
            expected_version=form.expected_version,
        )
    except ApplicationError as exc:
        _refused(exc)
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Đề nghị chuyển sang “%(state)s”.") % {"state": ProposalState(moved.state).label},
        )
    return redirect("commendations:proposal-detail", uuid=proposal.uuid)


@require_POST
@web_view
def proposal_appraise_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record "đủ / không đủ điều kiện" with a coded reason for the lines (officers)."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    ensure_can_appraise(request.user, proposal)
    lines = list(proposal.lines.all())
    form = AppraisalForm(request.POST, lines=lines)
    if form.is_valid():
        findings = {
            line: Appraisal(verdict, reason, note)
            for line, (verdict, reason, note) in form.findings().items()
        }
        try:
            proposal_appraise(
                actor=request.user,
                proposal=proposal,
                findings=findings,
                expected_version=form.expected_version,
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu kết quả thẩm định."))
            return redirect("commendations:proposal-detail", uuid=proposal.uuid)
    context = _context(request, proposal, appraisal_form=form)
    return render(request, "commendations/proposals/proposal_detail.html", context, status=400)


@web_view
def line_update_view(request: HttpRequest, uuid: UUID, line: UUID) -> HttpResponse:
    """Change the code or achievement summary of one line."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    found = proposal_line_get(actor=request.user, proposal=proposal, uuid=line)
    ensure_can_edit_proposal(request.user, proposal)
    initial = {"code": found.code, "achievement": found.achievement, "version": proposal.version}
    form = LineForm(request.POST or None, initial=initial, codes=proposal.round.accepted_codes)
    if request.method == "POST" and form.is_valid():
        try:
            proposal_line_update(
                actor=request.user,
                line=found,
                expected_version=form.expected_version,
                code=form.cleaned_data["code"],
                achievement=form.cleaned_data["achievement"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("commendations:proposal-detail", uuid=proposal.uuid)
    return render(
        request,
        "commendations/proposals/line_form.html",
        {"form": form, "proposal": proposal, "line": found},
    )


@require_POST
@web_view
def line_remove_view(request: HttpRequest, uuid: UUID, line: UUID) -> HttpResponse:
    """Take one line off the proposal."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    found = proposal_line_get(actor=request.user, proposal=proposal, uuid=line)
    ensure_can_edit_proposal(request.user, proposal)
    version = request.POST.get("version", "")
    try:
        proposal_line_remove(
            actor=request.user,
            line=found,
            expected_version=int(version) if version.isdecimal() else None,
        )
    except ApplicationError as exc:
        _refused(exc)
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bỏ dòng khỏi đề nghị."))
    return redirect("commendations:proposal-detail", uuid=proposal.uuid)


@require_POST
@web_view
def line_import_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Import lines from a spreadsheet, all or nothing, with a row-by-row report."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    ensure_can_edit_proposal(request.user, proposal)
    form = LineImportForm(request.POST, request.FILES)
    if not form.is_valid():
        context = _context(request, proposal, import_form=form)
        return render(request, "commendations/proposals/proposal_detail.html", context, status=400)
    upload = form.cleaned_data["file"]
    result = import_run(
        actor=request.user,
        importer=line_importer(proposal),
        data=upload.read(),
        filename=upload.name,
        dry_run=form.cleaned_data["dry_run"],
    )
    return render(
        request,
        "commendations/proposals/line_import_result.html",
        {"proposal": proposal, "result": result},
        status=200 if result.ok else 400,
    )


@require_GET
@web_view
def line_import_template(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Download the spreadsheet template of this proposal's lines."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    ensure_can_edit_proposal(request.user, proposal)
    response = HttpResponse(build_template(line_importer(proposal)), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-de-nghi.xlsx"'
    return response


@require_POST
@web_view
def attachment_upload_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Add a typed file to the dossier (checked by its bytes, bounded in size)."""
    proposal = proposal_get(actor=request.user, uuid=uuid)
    ensure_can_edit_proposal(request.user, proposal)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            attachment_add(
                actor=request.user,
                proposal=proposal,
                kind=form.cleaned_data["kind"],
                name=upload.name,
                data=upload.read(),
                expected_version=form.expected_version,
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm tài liệu vào hồ sơ."))
            return redirect("commendations:proposal-detail", uuid=proposal.uuid)
    context = _context(request, proposal, attachment_form=form)
    return render(request, "commendations/proposals/proposal_detail.html", context, status=400)


@require_GET
@web_view
def attachment_download(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Serve a dossier file to a user who may see its proposal (404 for anyone else)."""
    attachment = attachment_get(actor=request.user, uuid=uuid)
    with attachment.file.open("rb") as stored:
        response = HttpResponse(stored.read(), content_type=attachment.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=attachment.original_name)
        or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@web_view
def attachment_remove_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Delete a file from the dossier."""
    attachment = attachment_get(actor=request.user, uuid=uuid)
    proposal = attachment.proposal
    ensure_can_edit_proposal(request.user, proposal)
    version = request.POST.get("version", "")
    try:
        attachment_remove(
            actor=request.user,
            attachment=attachment,
            expected_version=int(version) if version.isdecimal() else None,
        )
    except ApplicationError as exc:
        if isinstance(exc, PermissionDeniedError):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã xoá tài liệu."))
    return redirect("commendations:proposal-detail", uuid=proposal.uuid)
