"""Screens of applications: the initiatives home, file, edit, submit, return, register, score."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError
from tdkt.initiatives import permissions as perms
from tdkt.initiatives import workflow
from tdkt.initiatives.constants import ApplicationState
from tdkt.initiatives.forms import (
    ApplicationForm,
    FileForm,
    RegisterForm,
    ReturnForm,
    ReviewForm,
)
from tdkt.initiatives.models import InitiativeApplication
from tdkt.initiatives.selectors import (
    application_file_get,
    application_get,
    application_reviews,
    author_choices,
    authors_of,
    files_of,
    my_applications,
    my_points,
    open_councils,
    waiting_for_member,
    waiting_for_officer,
)
from tdkt.initiatives.services import (
    application_create,
    application_file_add,
    application_file_remove,
    application_register,
    application_return,
    application_submit,
    application_update,
    review_save,
)
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.shortcuts import posted_version, show_error

from .common import on_form

HISTORY_LIMIT = 30


@web_view
def home(request: HttpRequest) -> HttpResponse:
    """Each role's part: the author's applications, the officer's and the members' waiting work."""
    actor = request.user
    mine = Paginator(my_applications(actor=actor), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "initiatives/home.html",
        {
            "mine": mine,
            "can_file": perms.can_file(actor),
            "is_officer": perms.is_officer(actor),
            "to_register": list(waiting_for_officer(actor=actor)[:50]),
            "to_score": list(waiting_for_member(actor=actor)[:50]),
        },
    )


def _form(
    request: HttpRequest, application: InitiativeApplication | None = None
) -> ApplicationForm:
    people = author_choices(actor=request.user)
    if request.method == "POST":
        return ApplicationForm(request.POST, people=people)
    if application is None:
        initial: dict[str, object] = {"year": timezone.localdate().year}
        person_id = getattr(request.user, "person_id", None)
        if person_id is not None:
            initial |= {"author_1": person_id, "share_1": 100}
        return ApplicationForm(initial=initial, people=people)
    initial = {
        name: getattr(application, name)
        for name in ApplicationForm.base_fields
        if name != "version"
    }
    initial["version"] = application.version
    for i, author in enumerate(authors_of(application), start=1):
        initial[f"author_{i}"] = author.person_id
        initial[f"share_{i}"] = author.share
    return ApplicationForm(initial=initial, people=people)


@web_view
def application_create_view(request: HttpRequest) -> HttpResponse:
    """File a new application (a draft until its filer submits it)."""
    perms.ensure_can_file(request.user)
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            application = application_create(actor=request.user, data=form.to_input())
        except ApplicationError as exc:
            on_form(form, exc)
        else:
            messages.success(request, _("Đã lưu đơn. Kiểm tra lại rồi bấm “Nộp đơn”."))
            return redirect("initiatives:application-detail", uuid=application.uuid)
    return render(request, "initiatives/application_form.html", {"form": form})


@web_view
def application_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a draft (its filer only); a form drawn from an older version is refused."""
    application = application_get(actor=request.user, uuid=uuid)
    perms.ensure_can_edit(request.user, application)
    if application.state != ApplicationState.DRAFT:
        # As the save refuses it: a submitted application is no longer the filer's to change.
        messages.error(request, _("Đơn đã nộp, không sửa được nữa."))
        return redirect("initiatives:application-detail", uuid=application.uuid)
    form = _form(request, application)
    if request.method == "POST" and form.is_valid():
        try:
            application_update(
                actor=request.user,
                application=application,
                data=form.to_input(),
                version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            on_form(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("initiatives:application-detail", uuid=application.uuid)
    return render(
        request, "initiatives/application_form.html", {"form": form, "application": application}
    )


@web_view
def application_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The application, its authors, where it stands, its scores and what the reader may do."""
    actor = request.user
    application = application_get(actor=actor, uuid=uuid)
    reviews = application_reviews(actor=actor, application=application)
    officer = perms.is_officer(actor)
    submitted = application.state == ApplicationState.SUBMITTED
    review_form = None
    if perms.can_score(actor, application):
        review_form = ReviewForm(
            criteria=reviews.criteria,
            initial={
                **{f"c{pk}": v for pk, v in my_points(reviews.mine).items()},
                "comment": reviews.mine.comment if reviews.mine else "",
            },
        )
    councils = open_councils(actor=actor, year=application.year) if officer and submitted else None
    return render(
        request,
        "initiatives/application_detail.html",
        {
            "application": application,
            "authors": authors_of(application),
            "files": files_of(application),
            "file_form": FileForm() if perms.can_edit(actor, application) else None,
            "reviews": reviews,
            "can_edit": perms.can_edit(actor, application),
            "return_form": ReturnForm(initial={"version": application.version})
            if officer and submitted
            else None,
            "register_form": RegisterForm(
                councils=councils, initial={"version": application.version}
            )
            if councils
            else None,
            "no_council": councils is not None and not councils,
            "review_form": review_form,
            "is_author": perms.is_author(actor, application) or perms.is_filer(actor, application),
            "final": application.state in workflow.FINAL,
            "sees_council": application.council is not None
            and perms.can_see_council(actor, application.council),
            "timeline": timeline(history_for(application)[:HISTORY_LIMIT], actor=actor)
            if officer
            else None,
        },
    )


@require_POST
@web_view
def application_submit_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    application = application_get(actor=request.user, uuid=uuid)
    perms.ensure_can_edit(request.user, application)
    try:
        application_submit(
            actor=request.user, application=application, version=posted_version(request)
        )
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã nộp đơn cho cán bộ thi đua – khen thưởng."))
    return redirect("initiatives:application-detail", uuid=application.uuid)


@require_POST
@web_view
def application_return_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    application = application_get(actor=request.user, uuid=uuid)
    perms.ensure_officer(request.user)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi lý do trả lại đơn."))
    else:
        try:
            application_return(
                actor=request.user,
                application=application,
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã trả lại đơn cho người lập."))
    return redirect("initiatives:application-detail", uuid=application.uuid)


@require_POST
@web_view
def application_register_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    application = application_get(actor=request.user, uuid=uuid)
    perms.ensure_officer(request.user)
    form = RegisterForm(
        request.POST, councils=open_councils(actor=request.user, year=application.year)
    )
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một phiên xét đang mở của cùng năm."))
    else:
        try:
            application_register(
                actor=request.user,
                application=application,
                council=form.cleaned_data["council"],
                version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã đưa đơn ra Hội đồng xét sáng kiến."))
    return redirect("initiatives:application-detail", uuid=application.uuid)


@require_POST
@web_view
def application_review_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """A member's scores of the application (they may change them until the chair closes)."""
    application = application_get(actor=request.user, uuid=uuid)
    perms.ensure_can_score(request.user, application)
    reviews = application_reviews(actor=request.user, application=application)
    form = ReviewForm(request.POST, criteria=reviews.criteria)
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join([_("Điểm chưa hợp lệ:"), *errors]))
    else:
        try:
            review_save(
                actor=request.user,
                application=application,
                points=form.points(),
                comment=form.cleaned_data["comment"],
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã ghi điểm của bạn."))
    return redirect("initiatives:application-detail", uuid=application.uuid)


@require_POST
@web_view
def application_file_add_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Attach a document to a draft (its filer only)."""
    application = application_get(actor=request.user, uuid=uuid)
    perms.ensure_can_edit(request.user, application)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            application_file_add(
                actor=request.user, application=application, name=upload.name, data=upload.read()
            )
        except ApplicationError as exc:
            show_error(request, exc)
        else:
            messages.success(request, _("Đã thêm tệp kèm theo."))
    else:
        messages.error(request, _("Hãy chọn một tệp."))
    return redirect("initiatives:application-detail", uuid=application.uuid)


@require_POST
@web_view
def application_file_remove_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    attached = application_file_get(actor=request.user, uuid=uuid)
    perms.ensure_can_edit(request.user, attached.application)
    try:
        application_file_remove(actor=request.user, attached=attached)
    except ApplicationError as exc:
        show_error(request, exc)
    else:
        messages.success(request, _("Đã bỏ tệp kèm theo."))
    return redirect("initiatives:application-detail", uuid=attached.application.uuid)


@require_GET
@web_view
def application_file_download(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Serve a document to whoever may read its application (404 else)."""
    attached = application_file_get(actor=request.user, uuid=uuid)
    with attached.file.open("rb") as stored:
        response = HttpResponse(stored.read(), content_type=attached.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=attached.original_name)
        or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
