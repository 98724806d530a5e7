"""Screens of a block's pledges: the block's overview, a pledge, a member's score sheet."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tdkt.commendations.selectors.rounds import round_list
from tdkt.core.errors import ApplicationError
from tdkt.emulation_groups import permissions as perms
from tdkt.emulation_groups.constants import PledgeState
from tdkt.emulation_groups.forms import (
    CriterionForm,
    ElectionForm,
    EvidenceForm,
    PledgeEditForm,
    PledgeForm,
    ProposeForm,
    ReviewForm,
    SelfAssessForm,
    TieBreakForm,
)
from tdkt.emulation_groups.selectors import (
    criterion_get,
    evidence_get,
    group_elections,
    group_pledges,
    has_signed,
    member_sheet,
    pledge_board,
    pledge_get,
    rotation,
    score_get,
    scored_criteria,
    tie_break_get,
)
from tdkt.emulation_groups.services import (
    criterion_add,
    criterion_remove,
    evidence_add,
    pledge_create,
    pledge_open,
    pledge_publish,
    pledge_sign,
    pledge_update,
    ranking_propose,
    score_review,
    score_self_assess,
    tie_break_add,
    tie_break_remove,
)
from tdkt.organizations.selectors import group_get
from tdkt.web.decorators import web_view
from tdkt.web.shortcuts import posted_version, show_error


def _pledge_url(pledge_uuid: UUID) -> HttpResponse:
    return redirect("emulation_groups:pledge-detail", uuid=pledge_uuid)


@web_view
def group_emulation(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """A block's pledges by year, the leadership rotation and its elections."""
    group = group_get(actor=request.user, uuid=uuid)
    year = timezone.localdate().year
    may_manage = perms.leads_some_year(request.user, group)
    return render(
        request,
        "emulation_groups/group_emulation.html",
        {
            "group": group,
            "pledges": group_pledges(group),
            "elections": group_elections(group),
            "rotation": rotation(group),
            "pledge_form": PledgeForm(initial={"year": year}, prefix="pledge")
            if may_manage
            else None,
            "election_form": ElectionForm(initial={"year": year + 1}, prefix="election")
            if may_manage
            else None,
        },
    )


@require_POST
@web_view
def pledge_create_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Start a year's pledge (board-wide writers and that year's leading member)."""
    group = group_get(actor=request.user, uuid=uuid)
    perms.ensure_leads_some_year(request.user, group)
    form = PledgeForm(request.POST, prefix="pledge")
    if not form.is_valid():
        messages.error(request, _("Hãy nhập năm và tên giao ước."))
        return redirect("emulation_groups:group-emulation", uuid=group.uuid)
    perms.ensure_can_manage_pledge(request.user, group, form.cleaned_data["year"])
    try:
        pledge = pledge_create(actor=request.user, group=group, **form.cleaned_data)
    except ApplicationError as exc:
        show_error(request, exc)
        return redirect("emulation_groups:group-emulation", uuid=group.uuid)
    messages.success(request, _("Đã lập giao ước. Hãy thêm tiêu chí và quy tắc xếp hạng."))
    return _pledge_url(pledge.uuid)


@web_view
def pledge_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The scale, tie-break rules, signatures and the ranking with its explanation."""
    pledge = pledge_get(actor=request.user, uuid=uuid)
    board = pledge_board(pledge)
    user = request.user
    manage = perms.can_manage_pledge(user, pledge.group, pledge.year)
    member = perms.acting_member(user, pledge.group, pledge.year)
    draft = pledge.state == PledgeState.DRAFT
    signed = {row.organization.pk for row in board.rows if row.signature is not None}
    context = {
        "pledge": pledge,
        "board": board,
        "can_edit": manage and draft,
        "can_open": manage and draft,
        "can_publish": manage and pledge.state == PledgeState.OPEN,
        "can_review": perms.can_review(user, pledge),
        "member": member,
        "can_sign": member is not None
        and pledge.state == PledgeState.OPEN
        and member.pk not in signed,
        "edit_form": PledgeEditForm(
            initial={"title": pledge.title, "note": pledge.note, "version": pledge.version}
        ),
        "criterion_form": CriterionForm(initial={"version": pledge.version, "weight": 1}),
        "tie_break_form": TieBreakForm(
            initial={"version": pledge.version},
            criteria=scored_criteria(pledge),
        ),
        "propose_form": None,
    }
    if manage and pledge.state == PledgeState.PUBLISHED:
        rounds = [(r.pk, str(r)) for r in round_list(actor=user, state="open")]
        if rounds:
            context["propose_form"] = ProposeForm(rounds=rounds)
    return render(request, "emulation_groups/pledge_detail.html", context)


@require_POST
@web_view
def pledge_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a draft pledge's title and note (a stale form is refused)."""
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    form = PledgeEditForm(request.POST)
    if form.is_valid():
        try:
            pledge_update(
                actor=request.user,
                pledge=pledge,
                title=form.cleaned_data["title"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
    else:
        messages.error(request, _("Hãy nhập tên giao ước."))
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def criterion_add_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    form = CriterionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            criterion_add(
                actor=request.user,
                pledge=pledge,
                kind=data["kind"],
                text=data["text"],
                weight=data["weight"] or Decimal(1),
                max_points=data["max_points"],
                expected_version=data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
    else:
        messages.error(request, _("Hãy nhập nội dung và điểm tối đa (số)."))
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def criterion_remove_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    criterion = criterion_get(actor=request.user, uuid=uuid)
    pledge = criterion.pledge
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    try:
        criterion_remove(
            actor=request.user, criterion=criterion, expected_version=posted_version(request)
        )
    except ApplicationError as exc:
        show_error(request, exc)
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def tie_break_add_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    form = TieBreakForm(request.POST, criteria=scored_criteria(pledge))
    if form.is_valid():
        try:
            tie_break_add(
                actor=request.user,
                pledge=pledge,
                kind=form.cleaned_data["kind"],
                criterion=form.cleaned_data["criterion"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
    else:
        messages.error(request, _("Hãy chọn lại quy tắc."))
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def tie_break_remove_view(request: HttpRequest, uuid: UUID, position: int) -> HttpResponse:
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    rule = tie_break_get(actor=request.user, pledge=pledge, position=position)
    try:
        tie_break_remove(actor=request.user, rule=rule, expected_version=posted_version(request))
    except ApplicationError as exc:
        show_error(request, exc)
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def pledge_open_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    try:
        pledge_open(actor=request.user, pledge=pledge, expected_version=posted_version(request))
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã mở ký giao ước và chấm điểm."))
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def pledge_sign_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_is_member(request.user, pledge)
    try:
        pledge_sign(actor=request.user, pledge=pledge)
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đơn vị đã ký giao ước."))
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def pledge_publish_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    try:
        pledge_publish(actor=request.user, pledge=pledge, expected_version=posted_version(request))
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã công bố kết quả xếp hạng."))
    return _pledge_url(pledge.uuid)


@require_POST
@web_view
def pledge_propose_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Propose the leading members to an open commendation round."""
    pledge = pledge_get(actor=request.user, uuid=uuid)
    perms.ensure_can_manage_pledge(request.user, pledge.group, pledge.year)
    rounds = {r.pk: r for r in round_list(actor=request.user, state="open")}
    form = ProposeForm(request.POST, rounds=[(pk, str(r)) for pk, r in rounds.items()])
    if not form.is_valid():
        messages.error(request, _("Hãy chọn đợt xét, hình thức và số thành viên."))
        return _pledge_url(pledge.uuid)
    try:
        added = ranking_propose(
            actor=request.user,
            pledge=pledge,
            round=rounds[form.cleaned_data["round"]],
            code=form.cleaned_data["code"],
            top=form.cleaned_data["top"],
        )
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(
            request,
            _("Đã đưa vào đề nghị khen thưởng: %(names)s.")
            % {"names": ", ".join(o.name for o in added)},
        )
    return _pledge_url(pledge.uuid)


@web_view
def member_sheet_view(request: HttpRequest, uuid: UUID, member: UUID) -> HttpResponse:
    """A member's scores per criterion with evidence; its own forms for the member, review
    forms for the leading member."""
    pledge = pledge_get(actor=request.user, uuid=uuid)
    organization, lines = member_sheet(pledge, member)
    acting = perms.acting_member(request.user, pledge.group, pledge.year)
    own = acting is not None and acting.pk == organization.pk and pledge.state == PledgeState.OPEN
    signed = has_signed(pledge, organization)
    rows = []
    for line in lines:
        score = line.score
        rows.append(
            {
                "line": line,
                "self_form": SelfAssessForm(
                    initial={
                        "points": score.self_points if score else None,
                        "note": score.self_note if score else "",
                        "version": score.version if score else 0,
                    },
                    prefix=str(line.criterion.uuid),
                )
                if own and signed and (score is None or score.reviewed_at is None)
                else None,
                "review_form": ReviewForm(
                    initial={"points": score.points, "version": score.version},
                    prefix=f"r{score.uuid}",
                )
                if score is not None and perms.can_review(request.user, pledge)
                else None,
                "evidence_form": EvidenceForm(prefix=f"e{score.uuid}")
                if own and score is not None
                else None,
            }
        )
    rows_by_org = {row.organization.pk: row for row in pledge_board(pledge).rows}
    return render(
        request,
        "emulation_groups/member_sheet.html",
        {
            "place": rows_by_org.get(organization.pk),
            "members": len(rows_by_org),
            "pledge": pledge,
            "organization": organization,
            "rows": rows,
            "own": own,
            "signed": signed,
            "see_evidence": perms.can_see_evidence(request.user, pledge),
        },
    )


@require_POST
@web_view
def self_assess_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Save the actor's own points on one criterion."""
    criterion = criterion_get(actor=request.user, uuid=uuid)
    pledge = criterion.pledge
    organization = perms.ensure_is_member(request.user, pledge)
    form = SelfAssessForm(request.POST, prefix=str(criterion.uuid))
    if form.is_valid():
        try:
            score_self_assess(
                actor=request.user,
                criterion=criterion,
                organization=organization,
                points=form.cleaned_data["points"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã lưu điểm tự chấm."))
    else:
        messages.error(request, _("Điểm phải là số không âm."))
    return redirect("emulation_groups:member-sheet", uuid=pledge.uuid, member=organization.uuid)


@require_POST
@web_view
def review_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The leading member confirms or adjusts one score, with a reason for a change."""
    score = score_get(actor=request.user, uuid=uuid)
    pledge = score.criterion.pledge
    perms.ensure_can_review(request.user, pledge)
    form = ReviewForm(request.POST, prefix=f"r{score.uuid}")
    if form.is_valid():
        try:
            score_review(
                actor=request.user,
                score=score,
                points=form.cleaned_data["points"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã lưu điểm thẩm định."))
    else:
        messages.error(request, _("Điểm phải là số không âm."))
    return redirect(
        "emulation_groups:member-sheet", uuid=pledge.uuid, member=score.organization.uuid
    )


@require_POST
@web_view
def evidence_upload_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    score = score_get(actor=request.user, uuid=uuid)
    pledge = score.criterion.pledge
    perms.ensure_acts_for(request.user, pledge, score.organization)
    form = EvidenceForm(request.POST, request.FILES, prefix=f"e{score.uuid}")
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            evidence_add(actor=request.user, score=score, name=upload.name, data=upload.read())
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã thêm tệp minh chứng."))
    else:
        messages.error(request, _("Hãy chọn một tệp."))
    return redirect(
        "emulation_groups:member-sheet", uuid=pledge.uuid, member=score.organization.uuid
    )


@require_GET
@web_view
def evidence_download(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Serve an evidence file to the block's members of the year and officers (404 else)."""
    evidence = evidence_get(actor=request.user, uuid=uuid)
    with evidence.file.open("rb") as stored:
        response = HttpResponse(stored.read(), content_type=evidence.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=evidence.original_name)
        or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
