"""Contest screens: list, create, detail, edit, jury, moves, results, prize list."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.audit.services import history_for
from tdkt.contests.constants import PRIZE_ORDER, ContestState, PrizeRank
from tdkt.contests.exports import XLSX, prize_list_workbook
from tdkt.contests.forms import ContestForm, JuryForm, MoveForm, PrizeForm
from tdkt.contests.models import Contest
from tdkt.contests.permissions import (
    can_manage_contests,
    ensure_can_manage_contests,
    is_juror,
    submitting_organization,
)
from tdkt.contests.selectors import (
    contest_get,
    contest_list,
    contest_results,
    juror_candidates,
    jury_queue,
    my_entries,
    prize_list,
)
from tdkt.contests.services import accepting, contest_create, contest_jury_set, contest_update
from tdkt.contests.versions import contest_state
from tdkt.contests.workflow import contest_transition, move_problem, moves_from
from tdkt.core.errors import ApplicationError, NotFoundError, StaleVersionError
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.forms.versions import seen_initial, show_stale
from tdkt.web.shortcuts import file_response

HISTORY_LIMIT = 50
MOVE_LABELS = {
    ContestState.OPEN: _("Mở nhận bài"),
    ContestState.JUDGING: _("Kết thúc nhận bài, bắt đầu chấm"),
    ContestState.PUBLISHED: _("Công bố kết quả"),
}


@web_view
def contest_list_view(request: HttpRequest) -> HttpResponse:
    """List the contests the user may see."""
    return render(
        request,
        "contests/contest_list.html",
        {
            "contests": contest_list(actor=request.user),
            "can_manage": can_manage_contests(request.user),
        },
    )


def _prizes(contest: Contest) -> list[dict[str, Any]]:
    return [
        {
            "label": PrizeRank(rank).label,
            "count": contest.prize_count(rank),
            "amount": contest.prize_amount(rank),
        }
        for rank in PRIZE_ORDER
        if contest.prize_count(rank)
    ]


@web_view
def contest_create_view(request: HttpRequest) -> HttpResponse:
    """Create a contest in draft."""
    ensure_can_manage_contests(request.user)
    year = timezone.localdate().year
    form = ContestForm(request.POST or None, initial={"year": year})
    if request.method == "POST" and form.is_valid():
        try:
            contest = contest_create(actor=request.user, **form.service_data())
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm cuộc thi."))
            return redirect("contests:contest-detail", uuid=contest.uuid)
    return render(request, "contests/contest_form.html", {"form": form, "contest": None})


@web_view
def contest_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Edit a contest whose results are not published."""
    contest = contest_get(actor=request.user, uuid=uuid)
    ensure_can_manage_contests(request.user)
    if contest.state == ContestState.PUBLISHED:
        raise NotFoundError(_("Cuộc thi đã công bố kết quả, không sửa được nữa."))
    initial = {name: getattr(contest, name) for name in ContestForm.FIELDS}
    form = ContestForm(
        request.POST or None, initial={**initial, **seen_initial(contest_state(contest))}
    )
    if request.method == "POST" and form.is_valid():
        try:
            contest_update(
                actor=request.user,
                contest=contest,
                expected_version=form.expected_version(),
                **form.service_data(),
            )
        except StaleVersionError as exc:
            fresh = contest_get(actor=request.user, uuid=uuid)
            show_stale(
                form,
                exc,
                current_state=contest_state(fresh),
                current_values={n: getattr(fresh, n) for n in ContestForm.FIELDS},
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu cuộc thi."))
            return redirect("contests:contest-detail", uuid=contest.uuid)
    return render(request, "contests/contest_form.html", {"form": form, "contest": contest})


@web_view
def contest_jury_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Choose the jury among the Board's accounts."""
    contest = contest_get(actor=request.user, uuid=uuid)
    ensure_can_manage_contests(request.user)
    if contest.state == ContestState.PUBLISHED:
        raise NotFoundError(_("Cuộc thi đã công bố kết quả, không sửa được nữa."))
    form = JuryForm(
        request.POST or None,
        candidates=juror_candidates(actor=request.user, contest=contest),
        initial={
            "jurors": [str(u.uuid) for u in contest.jurors.all()],
            **seen_initial(contest_state(contest)),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            contest_jury_set(
                actor=request.user,
                contest=contest,
                jurors=form.chosen(),
                expected_version=form.expected_version(),
            )
        except StaleVersionError as exc:
            form.add_error(None, exc.message)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã cập nhật ban giám khảo."))
            return redirect("contests:contest-detail", uuid=contest.uuid)
    return render(request, "contests/jury_form.html", {"form": form, "contest": contest})


def _moves(actor: Any, contest: Contest) -> tuple[list[dict[str, Any]], list[str]]:
    """Return the moves the organiser can make now (a button each) and why the others of the
    contest's state cannot be made yet."""
    if not can_manage_contests(actor):
        return [], []
    seen = seen_initial(contest_state(contest))
    today = timezone.localdate()
    moves, blocked = [], []
    for move in moves_from(contest.state):
        problem = move_problem(contest, move.target, today)
        if problem:
            blocked.append(problem)
            continue
        moves.append(
            {
                "label": MOVE_LABELS[ContestState(move.target)],
                "form": MoveForm(initial={"to_state": move.target, **seen}),
            }
        )
    return moves, blocked


def _can_see_results(manage: bool, juror: bool, contest: Contest) -> bool:
    """Organisers read the judging table once the contest is announced, jurors only once the
    judging starts (while entries come in, nobody but their units sees them)."""
    if manage:
        return contest.state != ContestState.DRAFT
    return juror and contest.state in (ContestState.JUDGING, ContestState.PUBLISHED)


@web_view
def contest_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show a contest: its plan, rules, dates, prizes and jury, and for each role what it may
    do now: send an entry, score, move the contest on, see the results."""
    contest = contest_get(actor=request.user, uuid=uuid)
    actor = request.user
    manage = can_manage_contests(actor)
    juror = is_juror(actor, contest)
    today = timezone.localdate()
    unit = submitting_organization(actor)
    moves, blocked = _moves(actor, contest)
    return render(
        request,
        "contests/contest_detail.html",
        {
            "contest": contest,
            "prizes": _prizes(contest),
            "jurors": list(contest.jurors.all()),
            "can_manage": manage,
            "editable": manage and contest.state != ContestState.PUBLISHED,
            "moves": moves,
            "blocked_moves": blocked,
            "can_submit": unit is not None and accepting(contest, today),
            "unit": unit,
            "mine": my_entries(actor=actor, contest=contest),
            "accepting": accepting(contest, today),
            "is_juror": juror,
            "queue": jury_queue(actor=actor, contest=contest),
            "can_see_results": _can_see_results(manage, juror, contest),
            "has_prize_list": bool(prize_list(actor=actor, contest=contest)),
            "timeline": timeline(history_for(contest)[:HISTORY_LIMIT], actor=actor)
            if manage
            else [],
        },
    )


@require_POST
@web_view
def contest_transition_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Open the contest, start the judging or publish the results."""
    contest = contest_get(actor=request.user, uuid=uuid)
    ensure_can_manage_contests(request.user)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu không hợp lệ."))
        return redirect("contests:contest-detail", uuid=contest.uuid)
    target = form.cleaned_data["to_state"]
    try:
        contest_transition(
            actor=request.user,
            contest=contest,
            to_state=target,
            expected_version=form.expected_version(),
        )
    except ApplicationError as exc:
        if exc.status not in (400, 409, 412):
            raise
        messages.error(request, exc.message)
    else:
        label = ContestState(target).label if target in ContestState.values else target
        messages.success(request, _("Cuộc thi đã chuyển sang “%(state)s”.") % {"state": label})
    return redirect("contests:contest-detail", uuid=contest.uuid)


@web_view
def contest_results_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The judging table: each entry's marks (once complete), average, rank and ties; the
    organiser assigns the prizes here."""
    contest = contest_get(actor=request.user, uuid=uuid)
    manage = can_manage_contests(request.user)
    if not _can_see_results(manage, is_juror(request.user, contest), contest):
        raise NotFoundError(_("Không tìm thấy bảng điểm."))
    results = contest_results(actor=request.user, contest=contest)
    return render(
        request,
        "contests/contest_results.html",
        {
            "contest": contest,
            "results": results,
            "rows": [
                {"row": row, "form": PrizeForm(initial={"prize": row.entry.prize})}
                for row in results.rows
            ],
            "can_assign": manage and contest.state == ContestState.JUDGING,
            "quota": [
                {
                    "label": PrizeRank(rank).label,
                    "limit": contest.prize_count(rank),
                    "given": results.given(rank),
                }
                for rank in PRIZE_ORDER
                if contest.prize_count(rank)
            ],
            "jury_size": len(contest.jurors.all()),
        },
    )


@web_view
def prize_list_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The prize list as an Excel workbook (organisers while judging; all once published)."""
    contest = contest_get(actor=request.user, uuid=uuid)
    lines = prize_list(actor=request.user, contest=contest)
    if not lines:
        raise NotFoundError(_("Chưa có danh sách đoạt giải."))
    return file_response(
        prize_list_workbook(contest, lines),
        filename=f"danh-sach-doat-giai-{contest.year}.xlsx",
        content_type=XLSX,
    )
