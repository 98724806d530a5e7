"""Duplicates to review: the officers' list and the page that closes one (decision 0036)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError
from tdkt.organizations.forms import DuplicateResolveForm
from tdkt.organizations.models import DuplicateReviewStatus
from tdkt.organizations.permissions import ensure_can_review_duplicates
from tdkt.organizations.selectors import duplicate_review_get, duplicate_review_list
from tdkt.organizations.services import duplicate_review_resolve
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error

PAGE_SIZE = 25


@web_view
def duplicate_list_view(request: HttpRequest) -> HttpResponse:
    """List the duplicates still to review (or, with ``?status=resolved``, those closed)."""
    ensure_can_review_duplicates(request.user)
    status = request.GET.get("status")
    if status not in DuplicateReviewStatus.values:
        status = DuplicateReviewStatus.OPEN
    reviews = duplicate_review_list(actor=request.user, status=status)
    page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organizations/duplicate_list.html",
        {"page": page, "status": status, "statuses": DuplicateReviewStatus.choices},
    )


@web_view
def duplicate_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show one duplicate with the match, and close it with a note."""
    ensure_can_review_duplicates(request.user)
    review = duplicate_review_get(actor=request.user, uuid=uuid)
    form = DuplicateResolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            duplicate_review_resolve(
                actor=request.user, review=review, resolution=form.cleaned_data["resolution"]
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã ghi kết quả xử lý."))
            return redirect("organizations:duplicate-list")
    return render(
        request,
        "organizations/duplicate_detail.html",
        {
            "review": review,
            "birth_date": _date(review.submitted.get("date_of_birth")),
            "form": form if review.status == DuplicateReviewStatus.OPEN else None,
            "timeline": timeline(history_for(review), actor=request.user),
        },
    )


def _date(value: object) -> date | None:
    """The submitted fields are kept as JSON: dates as ISO text."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
