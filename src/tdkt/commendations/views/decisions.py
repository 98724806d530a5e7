"""Decision screens: list, draft from a round, edit, sign, files, certificates, revocation.

Thin: each view reads through a scoped selector, refuses a write the user may not make
(403) before reading the form, calls one service and renders. Who may do what is in
``commendations.decision_access``; pages show only the actions the user may take.
"""

from __future__ import annotations

import io
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from tdkt.audit.services import history_for
from tdkt.commendations.constants import AwardStatus, DecisionState
from tdkt.commendations.decision_access import (
    can_manage_decisions,
    can_read_all_decisions,
    can_sign_decisions,
    ensure_can_manage_decisions,
    ensure_can_sign_decisions,
)
from tdkt.commendations.decision_json import decision_status
from tdkt.commendations.decision_texts import (
    ISSUER_LEVEL_OF_CODE,
)
from tdkt.commendations.forms.decisions import (
    DecisionCreateForm,
    DecisionSignForm,
    DecisionTextsForm,
    DiscardForm,
    RevokeForm,
    SeriesForm,
    WithdrawForm,
)
from tdkt.commendations.selectors.decisions import (
    award_get,
    decision_get,
    decision_lines,
    decision_list,
    decision_years,
    draftable_rounds,
    proposal_line_for_decisions,
    round_for_decisions,
    round_undecided_lines,
)
from tdkt.commendations.services import (
    award_revoke,
    decision_discard,
    decision_draft_create,
    decision_sign,
    decision_update,
    document_series_align,
    proposal_line_withdraw,
)
from tdkt.commendations.services.decisions import DRAFT_TEXT_FIELDS
from tdkt.commendations.services.document_jobs import (
    certificate_batch_job_start,
    certificates_in_background,
    decision_file_job_start,
    decision_in_background,
)
from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from tdkt.core.vnwords import amount_in_words
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error

HISTORY_LIMIT = 50
# ``commendations.official_documents`` loads WeasyPrint and Pango: it is imported by the views
# that make files, when they do, so the web app starts without them (docs/decisions/0301).
FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _year_filter(request: HttpRequest) -> int | None:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return None


@web_view
def decision_list_view(request: HttpRequest) -> HttpResponse:
    """List the decisions the user may read, newest first; officers start drafts here."""
    year = _year_filter(request)
    rows = [
        {
            "decision": d,
            "status": decision_status(
                d, lines=getattr(d, "line_count", 0), revoked=getattr(d, "revoked_count", 0)
            ),
        }
        for d in decision_list(actor=request.user, year=year)
    ]
    return render(
        request,
        "commendations/decisions/decision_list.html",
        {
            "rows": rows,
            "year": year,
            "years": decision_years(actor=request.user),
            "draftable": draftable_rounds(actor=request.user)
            if can_manage_decisions(request.user)
            else [],
            "can_manage": can_manage_decisions(request.user),
            "board_reader": can_read_all_decisions(request.user),
        },
    )


@web_view
def decision_create_view(request: HttpRequest, round_uuid: UUID) -> HttpResponse:
    """Draft a decision from the approved, undecided lines of a round (officers)."""
    ensure_can_manage_decisions(request.user)
    round_ = round_for_decisions(actor=request.user, uuid=round_uuid)
    lines = round_undecided_lines(actor=request.user, round_=round_)
    own = [line for line in lines if ISSUER_LEVEL_OF_CODE.get(line.code) == "department"]
    above = [line for line in lines if line not in own]
    counts: dict[str, int] = {}
    for line in own:
        counts[line.code] = counts.get(line.code, 0) + 1
    form = DecisionCreateForm(request.POST or None, codes=sorted(counts.items()))
    if request.method == "POST" and form.is_valid():
        try:
            decision = decision_draft_create(
                actor=request.user,
                round=round_,
                codes=form.cleaned_data["codes"],
                signer_title=form.cleaned_data["signer_title"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lập dự thảo quyết định."))
            return redirect("commendations:decision-detail", uuid=decision.uuid)
    return render(
        request,
        "commendations/decisions/decision_create.html",
        {
            "round": round_,
            "form": form,
            "own": own,
            "above": above,
        },
    )


def _totals(lines: list[object]) -> dict[str, object]:
    total = sum(getattr(line, "prize_vnd", 0) or 0 for line in lines)
    return {"total": total, "total_words": amount_in_words(total)}


@web_view
def decision_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show a decision, its lines with money and what the user may do with it."""
    actor = request.user
    decision = decision_get(actor=actor, uuid=uuid)
    lines = decision_lines(actor=actor, decision=decision)
    board = can_read_all_decisions(actor)
    draft = decision.state == DecisionState.DRAFT
    revoked = sum(1 for line in lines if line.status == AwardStatus.REVOKED)
    return render(
        request,
        "commendations/decisions/decision_detail.html",
        {
            "decision": decision,
            "lines": lines,
            "groups": [
                (_("Tập thể"), [line for line in lines if line.organization_id]),
                (_("Cá nhân"), [line for line in lines if line.person_id]),
            ],
            "status": decision_status(decision, lines=len(lines), revoked=revoked)
            if board
            else decision.state,
            "board_reader": board,
            "can_edit": draft and can_manage_decisions(actor),
            "can_sign": draft and can_sign_decisions(actor),
            "can_revoke": not draft and can_manage_decisions(actor),
            "decision_in_background": decision_in_background(len(lines)),
            "certificates_in_background": certificates_in_background(
                sum(1 for line in lines if line.status == AwardStatus.GRANTED)
            ),
            "sign_form": DecisionSignForm(
                initial={"signer_title": decision.signer_title, "version": decision.version}
            ),
            "timeline": timeline(history_for(decision)[:HISTORY_LIMIT], actor=actor)
            if board
            else None,
            **_totals(list(lines)),
        },
    )


@web_view
def decision_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Edit the texts of a draft (officers), refusing a stale page."""
    decision = decision_get(actor=request.user, uuid=uuid)
    ensure_can_manage_decisions(request.user)
    initial = {name: getattr(decision, name) for name in DRAFT_TEXT_FIELDS}
    initial["legal_basis"] = "\n".join(decision.legal_basis)
    initial["version"] = decision.version
    form = DecisionTextsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decision_update(actor=request.user, decision=decision, **form.service_data())
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("commendations:decision-detail", uuid=decision.uuid)
    return render(
        request,
        "commendations/decisions/decision_form.html",
        {"decision": decision, "form": form},
    )


@web_view
def decision_sign_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The leader signs: a number of the year is given, the lines are granted."""
    decision = decision_get(actor=request.user, uuid=uuid)
    ensure_can_sign_decisions(request.user)
    form = DecisionSignForm(request.POST or None, initial={"signer_title": decision.signer_title})
    if request.method == "POST" and form.is_valid():
        try:
            signed = decision_sign(
                actor=request.user,
                decision=decision,
                signer_title=form.cleaned_data["signer_title"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(
                request,
                _("Đã ký quyết định số %(number)s.") % {"number": signed.number_label},
            )
            return redirect("commendations:decision-detail", uuid=signed.uuid)
    lines = decision_lines(actor=request.user, decision=decision)
    return render(
        request,
        "commendations/decisions/decision_sign.html",
        {"decision": decision, "form": form, "count": len(lines), **_totals(list(lines))},
    )


@web_view
def decision_discard_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Delete a draft after confirmation (officers)."""
    decision = decision_get(actor=request.user, uuid=uuid)
    ensure_can_manage_decisions(request.user)
    form = DiscardForm(request.POST or None, initial={"version": decision.version})
    if request.method == "POST" and form.is_valid():
        try:
            decision_discard(
                actor=request.user,
                decision=decision,
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã huỷ dự thảo quyết định."))
            return redirect("commendations:decision-list")
    return render(
        request,
        "commendations/decisions/decision_discard.html",
        {"decision": decision, "form": form},
    )


def _file_name(decision_label: str, year: int, suffix: str) -> str:
    number = decision_label.split("/")[0] if decision_label else "du-thao"
    return f"quyet-dinh-{number}-{year}.{suffix}"


def _download(data: bytes, name: str, suffix: str) -> HttpResponse:
    response = HttpResponse(data, content_type=FILE_TYPES[suffix])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _ensure_full_text(actor: object) -> None:
    if not can_read_all_decisions(actor):
        raise PermissionDeniedError(
            _("Chỉ lãnh đạo và cán bộ thi đua – khen thưởng được tải toàn văn quyết định.")
        )


def _too_big(request: HttpRequest, decision_uuid: UUID) -> HttpResponse:
    messages.info(
        request,
        _("Tệp này lớn: bấm nút lập tệp trên trang quyết định để hệ thống lập trong nền."),
    )
    return redirect("commendations:decision-detail", uuid=decision_uuid)


@web_view
def decision_file(request: HttpRequest, uuid: UUID, fmt: str) -> HttpResponse:
    """Download the decision with its attached list as .docx or PDF (draft or signed).

    A large decision is made by a background job (POST), a small one inline (GET); see
    ``services.document_jobs``.
    """
    decision = decision_get(actor=request.user, uuid=uuid)
    if fmt not in ("docx", "pdf"):
        raise NotFoundError(_("Không tìm thấy tệp."))
    _ensure_full_text(request.user)
    if request.method == "POST":
        job = decision_file_job_start(actor=request.user, decision=decision, fmt=fmt)
        return redirect("web:job-detail", uuid=job.uuid)
    lines = decision_lines(actor=request.user, decision=decision)
    if not lines:
        raise ApplicationError(_("Quyết định chưa có ai trong danh sách."))
    if decision_in_background(len(lines)):
        return _too_big(request, decision.uuid)
    from tdkt.commendations.official_documents import render_decision

    data = render_decision(decision, lines, fmt)
    return _download(data, _file_name(decision.number_label, decision.year, fmt), fmt)


@web_view
def payment_list_file(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Download the payment list (danh sách chi thưởng) of a signed decision as Excel."""
    decision = decision_get(actor=request.user, uuid=uuid)
    _ensure_full_text(request.user)
    if decision.state != DecisionState.SIGNED:
        raise ApplicationError(_("Danh sách chi thưởng chỉ có khi quyết định đã được ký."))
    lines = decision_lines(actor=request.user, decision=decision)
    from tdkt.commendations.official_documents import render_payment_list

    data = render_payment_list(decision, lines)
    name = _file_name(decision.number_label, decision.year, "xlsx").replace(
        "quyet-dinh", "chi-thuong"
    )
    return _download(data, name, "xlsx")


@web_view
def certificates_file(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Download every certificate of a signed decision as one PDF (granted lines).

    A large batch is made by a background job (POST), a small one inline (GET).
    """
    decision = decision_get(actor=request.user, uuid=uuid)
    _ensure_full_text(request.user)
    if request.method == "POST":
        job = certificate_batch_job_start(actor=request.user, decision=decision)
        return redirect("web:job-detail", uuid=job.uuid)
    from tdkt.commendations.official_documents import certificate_lines, render_certificates

    lines = certificate_lines(decision_lines(actor=request.user, decision=decision))
    if decision.state != DecisionState.SIGNED or not lines:
        raise ApplicationError(_("Quyết định chưa ký hoặc không còn dòng nào được khen thưởng."))
    if certificates_in_background(len(lines)):
        return _too_big(request, decision.uuid)
    buffer = io.BytesIO()
    render_certificates(decision, lines, buffer)
    name = _file_name(decision.number_label, decision.year, "pdf").replace(
        "quyet-dinh", "giay-khen"
    )
    return _download(buffer.getvalue(), name, "pdf")


@web_view
def award_certificate(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Download the certificate of one granted line (units: their own lines)."""
    award = award_get(actor=request.user, uuid=uuid)
    decision = award.decision
    if decision is None or award.status != AwardStatus.GRANTED:
        raise ApplicationError(_("Khen thưởng này không còn hiệu lực, không in giấy khen."))
    from tdkt.commendations.official_documents import render_certificate

    data = render_certificate(award, decision)
    return _download(data, f"giay-khen-{award.uuid}.pdf", "pdf")


@web_view
def award_revoke_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Revoke a granted line with the reason and the revoking decision (officers)."""
    award = award_get(actor=request.user, uuid=uuid)
    ensure_can_manage_decisions(request.user)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            award_revoke(
                actor=request.user,
                award=award,
                reason=form.cleaned_data["reason"],
                revoking_decision=form.cleaned_data["revoking_decision"],
                revoked_on=form.cleaned_data["revoked_on"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(
                request, _("Đã thu hồi khen thưởng của %(name)s.") % {"name": award.recipient_name}
            )
            if award.decision is not None:
                return redirect("commendations:decision-detail", uuid=award.decision.uuid)
            return redirect("commendations:decision-list")
    return render(
        request,
        "commendations/decisions/award_revoke.html",
        {"award": award, "form": form},
    )


def _local_path(request: HttpRequest, target: str) -> str:
    """Return ``target`` when it is a page of this site, else "" (no open redirect).

    Django's check also refuses what a browser would read as another host, such as
    ``/\\evil.example`` or a path with a tab between its slashes.
    """
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe and target.startswith("/") else ""


@web_view
def line_withdraw_view(request: HttpRequest, line_uuid: UUID) -> HttpResponse:
    """Take a voted line off the list before it is decided, with the reason (officers)."""
    line = proposal_line_for_decisions(actor=request.user, uuid=line_uuid)
    ensure_can_manage_decisions(request.user)
    form = WithdrawForm(request.POST or None)
    back = _local_path(request, request.GET.get("next", ""))
    if request.method == "POST" and form.is_valid():
        try:
            proposal_line_withdraw(
                actor=request.user, line=line, reason=form.cleaned_data["reason"]
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã rút %(line)s khỏi danh sách.") % {"line": line})
            if back:
                return redirect(back)
            return redirect("commendations:decision-list")
    return render(
        request,
        "commendations/decisions/line_withdraw.html",
        {"line": line, "form": form, "back": back},
    )


@web_view
def series_view(request: HttpRequest) -> HttpResponse:
    """Align the Board's yearly decision series with the paper register (officers)."""
    ensure_can_manage_decisions(request.user)
    form = SeriesForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            series = document_series_align(
                actor=request.user,
                year=form.cleaned_data["year"],
                last_number=form.cleaned_data["last_number"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(
                request,
                _("Số quyết định tiếp theo của năm %(year)s là %(next)s.")
                % {"year": series.year, "next": series.last_number + 1},
            )
            return redirect("commendations:decision-list")
    return render(request, "commendations/decisions/series_form.html", {"form": form})
