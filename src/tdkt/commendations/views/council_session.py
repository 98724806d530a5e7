"""Session screens: the session page, the agenda, attendance, opening and closing the vote,
the secret ballot on a phone, conflicts, the paper tally, the proceedings and the minutes.

Each action checks its role right after the lookup and before reading the input: only the
chair opens and closes, only the secretary records attendance, counts and proceedings, only
members vote and declare conflicts, only officers change the agenda. The ballot view never
echoes, logs or stores a choice: its POST data is marked sensitive for error reports and the
page after submitting says only that the ballot was received.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from tdkt.audit.services import history_for
from tdkt.commendations.constants import SessionState
from tdkt.commendations.council_access import (
    ensure_can_manage_councils,
    ensure_chair,
    ensure_member,
    ensure_secretary,
)
from tdkt.commendations.forms.council import (
    ABSENT,
    PRESENT,
    WRITTEN,
    AttendanceForm,
    BallotForm,
    ConflictForm,
    PaperTallyForm,
    ProceedingsForm,
    SessionForm,
    SessionItemsForm,
)
from tdkt.commendations.selectors.council import (
    agenda_lines,
    line_choices,
    session_get,
    session_members,
)
from tdkt.commendations.selectors.council_minutes import session_minutes
from tdkt.commendations.selectors.council_sessions import (
    conflict_item_get,
    paper_tally_initial,
    session_page,
)
from tdkt.commendations.services.ballots import (
    ballot_cast,
    conflict_declare,
    session_attendance_set,
    session_proceedings_set,
    session_voting_open,
)
from tdkt.commendations.services.council_results import (
    session_paper_tally_set,
    session_voting_close,
)
from tdkt.commendations.services.council_sessions import session_items_set, session_update
from tdkt.core.errors import ApplicationError
from tdkt.documents.official import render_minutes_docx, render_minutes_pdf
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error

from .council_history import council_timeline

HISTORY_LIMIT = 200
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _detail(uuid: UUID) -> HttpResponse:
    return redirect("commendations:session-detail", uuid=uuid)


@web_view
def session_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The session: agenda with pass marks, attendance and quorum, the actions of the user's
    role, the results once voting closed, and the session's history."""
    session = session_get(actor=request.user, uuid=uuid)
    page = session_page(actor=request.user, session=session)
    events = list(history_for(session)[:HISTORY_LIMIT])
    return render(
        request,
        "commendations/council/session_detail.html",
        {"page": page, "timeline": council_timeline(events, actor=request.user)},
    )


@web_view
def session_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change the title, time, place or kind of ballot before voting opens (officers)."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_can_manage_councils(request.user)
    initial = {
        "title": session.title,
        "starts_at": timezone.localtime(session.starts_at),
        "place": session.place,
        "tally_source": session.tally_source,
        "version": session.version,
    }
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            session_update(
                actor=request.user,
                session=session,
                expected_version=form.cleaned_data["version"],
                **data,
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return _detail(session.uuid)
    return render(
        request,
        "commendations/council/session_form.html",
        {"form": form, "council": session.council, "session": session},
    )


@web_view
def session_items_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Choose the lines put to the vote among those of the round at the council (officers)."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_can_manage_councils(request.user)
    choices = line_choices(actor=request.user, session=session)
    form = SessionItemsForm(
        request.POST or None, choices=choices, initial={"version": session.version}
    )
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["lines"])
        try:
            session_items_set(
                actor=request.user,
                session=session,
                lines=agenda_lines(actor=request.user, session=session, ids=chosen),
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã cập nhật danh sách biểu quyết."))
            return _detail(session.uuid)
    return render(
        request,
        "commendations/council/session_items.html",
        {"form": form, "session": session, "has_choices": bool(choices)},
    )


@web_view
def attendance_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The secretary records who attended; the page shows the quorum it reaches."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_secretary(request.user, session.council)
    page = session_page(actor=request.user, session=session)
    form = AttendanceForm(
        request.POST or None, rows=page.attendance, initial={"version": session.version}
    )
    if request.method == "POST" and form.is_valid():
        members = session_members(actor=request.user, session=session)
        try:
            session_attendance_set(
                actor=request.user,
                session=session,
                present=[members[pk] for pk in form.chosen(PRESENT)],
                written_opinion=[members[pk] for pk in form.chosen(WRITTEN)],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            absent = len(form.chosen(ABSENT)) + len(form.chosen(WRITTEN))
            messages.success(
                request,
                _("Đã điểm danh: %(present)s có mặt, %(absent)s vắng.")
                % {"present": len(form.chosen(PRESENT)), "absent": absent},
            )
            return _detail(session.uuid)
    return render(
        request,
        "commendations/council/attendance_form.html",
        {"form": form, "page": page},
    )


@require_POST
@web_view
def voting_open_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The chair opens voting."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_chair(request.user, session.council)
    try:
        session_voting_open(actor=request.user, session=session)
    except ApplicationError as exc:
        if exc.status != 400:
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bắt đầu bỏ phiếu."))
    return _detail(session.uuid)


@require_POST
@web_view
def voting_close_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The chair closes voting: results are computed and shown, the minutes get a number."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_chair(request.user, session.council)
    try:
        session_voting_close(actor=request.user, session=session)
    except ApplicationError as exc:
        if exc.status != 400:
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã kết thúc bỏ phiếu. Kết quả được công bố dưới đây."))
    return _detail(session.uuid)


@never_cache
@sensitive_post_parameters()
@web_view
def ballot_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The member's secret ballot, made for a phone: each line with agree/disagree, sent once."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_member(request.user, session.council)
    page = session_page(actor=request.user, session=session)
    form = BallotForm(request.POST or None, items=page.items) if page.can_vote else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            ballot_cast(actor=request.user, session=session, choices=form.choices())
        except ApplicationError as exc:
            if exc.status != 400:
                raise
            messages.error(request, exc.message)
            return redirect("commendations:session-ballot", uuid=session.uuid)
        messages.success(request, _("Đã ghi nhận phiếu bầu của bạn. Cảm ơn!"))
        return _detail(session.uuid)
    if request.method == "POST" and form is None:
        messages.error(request, _why_not(page))
        return redirect("commendations:session-ballot", uuid=session.uuid)
    return render(
        request,
        "commendations/council/ballot.html",
        {"page": page, "form": form, "reason": None if form else _why_not(page)},
    )


def _why_not(page: Any) -> str:
    """Say plainly why the member cannot vote now."""
    if page.has_voted:
        return _("Bạn đã bỏ phiếu ở phiên họp này; mỗi thành viên chỉ bỏ phiếu một lần.")
    if page.is_paper:
        return _("Phiên họp này bỏ phiếu bằng phiếu giấy.")
    if page.session.state == SessionState.PLANNED:
        return _("Chủ tịch Hội đồng chưa bắt đầu bỏ phiếu.")
    if page.session.state == SessionState.CLOSED:
        return _("Phiên họp đã kết thúc bỏ phiếu.")
    return _("Bạn không có tên trong danh sách có mặt của phiên họp.")


@web_view
def conflict_view(request: HttpRequest, uuid: UUID, item_id: int) -> HttpResponse:
    """A member declares that they will not vote on one line (conflict of interest)."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_member(request.user, session.council)
    item = conflict_item_get(actor=request.user, session=session, item_id=item_id)
    page = session_page(actor=request.user, session=session)
    row = next(r for r in page.items if r.id == item.pk)
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conflict_declare(
                actor=request.user,
                session=session,
                item=item,
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(
                request,
                _("Đã ghi nhận: bạn không tham gia biểu quyết %(line)s.")
                % {"line": f"{row.recipient} — {row.award}"},
            )
            return redirect("commendations:session-ballot", uuid=session.uuid)
    return render(
        request,
        "commendations/council/conflict_form.html",
        {"form": form, "session": session, "row": row},
    )


@web_view
def paper_tally_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The secretary enters the counts of the paper ballots, line by line."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_secretary(request.user, session.council)
    page = session_page(actor=request.user, session=session)
    initial = {**paper_tally_initial(actor=request.user, session=session)}
    initial["version"] = session.version
    form = PaperTallyForm(request.POST or None, items=page.items, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session_paper_tally_set(
                actor=request.user,
                session=session,
                counts=form.counts(),
                ballots_issued=form.cleaned_data["ballots_issued"],
                ballots_returned=form.cleaned_data["ballots_returned"],
                ballots_valid=form.cleaned_data["ballots_valid"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu kết quả kiểm phiếu."))
            return _detail(session.uuid)
    return render(request, "commendations/council/paper_tally.html", {"form": form, "page": page})


@web_view
def proceedings_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The secretary writes the proceedings printed in the minutes."""
    session = session_get(actor=request.user, uuid=uuid)
    ensure_secretary(request.user, session.council)
    form = ProceedingsForm(
        request.POST or None,
        initial={"proceedings": session.proceedings, "version": session.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            session_proceedings_set(
                actor=request.user,
                session=session,
                proceedings=form.cleaned_data["proceedings"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu diễn biến cuộc họp."))
            return _detail(session.uuid)
    return render(
        request,
        "commendations/council/proceedings_form.html",
        {"form": form, "session": session},
    )


@web_view
def minutes_view(request: HttpRequest, uuid: UUID, fmt: str) -> HttpResponse:
    """The minutes of a closed session as .docx or PDF (anyone who may see the session)."""
    session = session_get(actor=request.user, uuid=uuid)
    minutes = session_minutes(actor=request.user, session=session)
    if fmt == "pdf":
        body, content_type = render_minutes_pdf(minutes), "application/pdf"
    else:
        body, content_type = render_minutes_docx(minutes), DOCX
    year = timezone.localtime(session.starts_at).year
    name = f"bien-ban-{session.minutes_number:02d}-{year}.{fmt}"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
