"""Entry screens: submit, read, edit, withdraw, the attached file, marks, conflicts, prizes,
and the exemplary models (gương điển hình)."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.contests.constants import ContestState
from tdkt.contests.forms import ConflictForm, EntryForm, PrizeForm, ScoreForm
from tdkt.contests.models import Entry
from tdkt.contests.permissions import (
    can_manage_contests,
    ensure_can_manage_contests,
    ensure_juror,
    ensure_submitter,
    ensure_submitting_side,
    excluded_automatically,
    is_juror,
    is_submitting_side,
)
from tdkt.contests.selectors import (
    contest_get,
    contest_results,
    entry_get,
    exemplary_models,
    subject_collectives,
    subject_people,
)
from tdkt.contests.services import (
    accepting,
    conflict_declare,
    entry_prize_set,
    entry_submit,
    entry_update,
    entry_withdraw,
    score_set,
)
from tdkt.contests.versions import entry_state
from tdkt.core.errors import ApplicationError, NotFoundError, StaleVersionError
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.forms.versions import VersionedForm, seen_initial, show_stale
from tdkt.web.shortcuts import file_response


def _entry_form(request: HttpRequest, organization: Any, **kwargs: Any) -> EntryForm:
    return EntryForm(
        request.POST or None,
        request.FILES or None,
        people=subject_people(actor=request.user, organization=organization),
        collectives=subject_collectives(actor=request.user, organization=organization),
        **kwargs,
    )


@web_view
def entry_create_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Send an entry of the user's unit or enterprise to an open contest."""
    contest = contest_get(actor=request.user, uuid=uuid)
    unit = ensure_submitter(request.user)
    if not accepting(contest, timezone.localdate()):
        raise NotFoundError(_("Cuộc thi không nhận bài lúc này."))
    form = _entry_form(request, unit, initial={"subject_kind": "individual", "key": uuid4()})
    if request.method == "POST" and form.is_valid():
        try:
            entry = entry_submit(
                actor=request.user,
                contest=contest,
                organization=unit,
                **form.service_data(),
                file=form.upload(),
                key=form.cleaned_data.get("key"),
            )
        except ApplicationError as exc:
            if exc.status == 409:
                form.add_error(None, exc.message)
            else:
                apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã gửi bài dự thi."))
            return redirect("contests:entry-detail", uuid=entry.uuid)
    return render(
        request,
        "contests/entry_form.html",
        {"form": form, "contest": contest, "entry": None, "unit": unit},
    )


def _subject_key(entry: Entry) -> str:
    if entry.subject_person_id:
        return f"p:{entry.subject_person.uuid}"  # type: ignore[union-attr]
    if entry.subject_organization_id:
        return f"o:{entry.subject_organization.uuid}"  # type: ignore[union-attr]
    return ""


@web_view
def entry_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Edit an entry (and replace its file) while the contest takes entries."""
    entry = entry_get(actor=request.user, uuid=uuid)
    ensure_submitting_side(request.user, entry)
    if entry.withdrawn_at is not None or not accepting(entry.contest, timezone.localdate()):
        raise NotFoundError(_("Bài dự thi không sửa được nữa."))
    initial = {name: getattr(entry, name) for name in EntryForm.FIELDS}
    form = _entry_form(
        request,
        entry.organization,
        initial={**initial, "subject": _subject_key(entry), **seen_initial(entry_state(entry))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry_update(
                actor=request.user,
                entry=entry,
                expected_version=form.expected_version(),
                **form.service_data(),
                file=form.upload(),
            )
        except StaleVersionError as exc:
            fresh = entry_get(actor=request.user, uuid=uuid)
            show_stale(
                form,
                exc,
                current_state=entry_state(fresh),
                current_values={n: getattr(fresh, n) for n in EntryForm.FIELDS},
            )
        except ApplicationError as exc:
            if exc.status == 409:
                form.add_error(None, exc.message)
            else:
                apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu bài dự thi."))
            return redirect("contests:entry-detail", uuid=entry.uuid)
    return render(
        request,
        "contests/entry_form.html",
        {"form": form, "contest": entry.contest, "entry": entry, "unit": entry.organization},
    )


@require_POST
@web_view
def entry_withdraw_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Withdraw an entry while the contest takes entries."""
    entry = entry_get(actor=request.user, uuid=uuid)
    ensure_submitting_side(request.user, entry)
    form = VersionedForm(request.POST)
    form.is_valid()
    try:
        entry_withdraw(actor=request.user, entry=entry, expected_version=form.expected_version())
    except ApplicationError as exc:
        if exc.status not in (400, 409, 412):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã rút bài dự thi."))
    return redirect("contests:entry-detail", uuid=entry.uuid)


def _judging_context(request: HttpRequest, entry: Entry) -> dict[str, Any]:
    contest = entry.contest
    actor = request.user
    juror = is_juror(actor, contest)
    manage = can_manage_contests(actor)
    if contest.state not in (ContestState.JUDGING, ContestState.PUBLISHED):
        return {}
    if not (juror or manage):
        return {}
    row = next(
        (r for r in contest_results(actor=actor, contest=contest).rows if r.entry.pk == entry.pk),
        None,
    )
    judging = contest.state == ContestState.JUDGING and entry.withdrawn_at is None
    can_score = (
        judging
        and juror
        and row is not None
        and not row.excluded
        and not excluded_automatically(actor, entry)
        and (row.mine is None or (not row.mine.conflict and not row.complete))
    )
    return {
        "row": row,
        "can_score": can_score,
        "score_form": ScoreForm(
            initial={"points": row.mine.points, "note": row.mine.note}
            if row is not None and row.mine is not None
            else None
        ),
        "can_declare": judging
        and juror
        and row is not None
        and row.mine is None
        and not row.excluded,
        "conflict_form": ConflictForm(),
        "own_unit": juror and excluded_automatically(actor, entry),
        "can_assign": manage and judging and row is not None and row.complete,
        "prize_form": PrizeForm(initial={"prize": entry.prize}),
    }


@web_view
def entry_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show an entry with the actions the user may take on it."""
    entry = entry_get(actor=request.user, uuid=uuid)
    side = is_submitting_side(request.user, entry)
    open_now = accepting(entry.contest, timezone.localdate()) and entry.withdrawn_at is None
    return render(
        request,
        "contests/entry_detail.html",
        {
            "entry": entry,
            "contest": entry.contest,
            "can_edit": side and open_now,
            "withdraw_form": VersionedForm(initial=seen_initial(entry_state(entry))),
            **_judging_context(request, entry),
        },
    )


@web_view
def entry_file_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Serve the attached article to a user who may read the entry."""
    entry = entry_get(actor=request.user, uuid=uuid)
    if not entry.file:
        raise NotFoundError(_("Bài dự thi không có tệp kèm theo."))
    with entry.file.open("rb") as stored:
        data = stored.read()
    return file_response(
        data,
        filename=entry.file_name or "bai-du-thi",
        content_type=entry.file_type or "application/octet-stream",
    )


@require_POST
@web_view
def score_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record the juror's mark of an entry."""
    entry = entry_get(actor=request.user, uuid=uuid)
    ensure_juror(request.user, entry.contest)
    form = ScoreForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect("contests:entry-detail", uuid=entry.uuid)
    try:
        score_set(
            actor=request.user,
            entry=entry,
            points=form.cleaned_data["points"],
            note=form.cleaned_data["note"],
        )
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi điểm."))
    return redirect("contests:entry-detail", uuid=entry.uuid)


@require_POST
@web_view
def conflict_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record the juror's conflict of interest on an entry."""
    entry = entry_get(actor=request.user, uuid=uuid)
    ensure_juror(request.user, entry.contest)
    form = ConflictForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        conflict_declare(actor=request.user, entry=entry, reason=reason)
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi nhận bạn không chấm bài này."))
    return redirect("contests:entry-detail", uuid=entry.uuid)


@require_POST
@web_view
def prize_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Give an entry a prize (or take it back) while judging."""
    entry = entry_get(actor=request.user, uuid=uuid)
    ensure_can_manage_contests(request.user)
    form = PrizeForm(request.POST)
    prize = form.cleaned_data["prize"] if form.is_valid() else "?"
    try:
        entry_prize_set(actor=request.user, entry=entry, prize=prize)
    except ApplicationError as exc:
        if exc.status not in (400, 409):
            raise
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã cập nhật giải."))
    back = request.POST.get("back") == "results"
    if back:
        return redirect("contests:contest-results", uuid=entry.contest.uuid)
    return redirect("contests:entry-detail", uuid=entry.uuid)


@web_view
def exemplary_list_view(request: HttpRequest) -> HttpResponse:
    """The exemplary models: the winning stories of published contests."""
    return render(
        request,
        "contests/exemplary_list.html",
        {"entries": exemplary_models(actor=request.user)},
    )
