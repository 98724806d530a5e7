"""People: searchable list (htmx partial), detail with history, create/edit, transfers."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, StaleVersionError
from tdkt.organizations.forms import EmploymentForm, PersonCreateForm, PersonFilterForm, PersonForm
from tdkt.organizations.forms.people import PERSON_FIELDS
from tdkt.organizations.models import Person
from tdkt.organizations.permissions import (
    can_add_records,
    can_change_person,
    can_review_duplicates,
    ensure_can_add_records,
    ensure_can_change_person,
)
from tdkt.organizations.selectors import (
    duplicate_review_list,
    history_page,
    organization_choices,
    organization_get,
    organization_options,
    person_get,
    person_in_scope,
    person_page,
    valid_cursor,
)
from tdkt.organizations.services import employment_add, person_create, person_update
from tdkt.organizations.versions import history_state, state_of
from tdkt.organizations.views.people_rows import person_rows
from tdkt.web.audit_display import history_position, timeline
from tdkt.web.decorators import HtmxHttpRequest, web_view
from tdkt.web.forms.errors import apply_service_error
from tdkt.web.forms.versions import seen_initial, show_stale

PAGE_SIZE = 25
HISTORY_PAGE = 20


@web_view
def person_list_view(request: HtmxHttpRequest) -> HttpResponse:
    """List people in scope, a page at a time in Vietnamese order; an htmx request gets only
    the results table."""
    form = PersonFilterForm(
        request.GET or None,
        organizations=organization_choices(actor=request.user, selected=request.GET.get("org", "")),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    org_uuid = filters.get("org")
    page = person_page(
        actor=request.user,
        search=filters.get("q", ""),
        organization=organization_get(actor=request.user, uuid=org_uuid) if org_uuid else None,
        category=filters.get("category", ""),
        after=valid_cursor(request.GET.get("after")),
        before=valid_cursor(request.GET.get("before")),
        size=PAGE_SIZE,
    )
    context = {
        "form": form,
        "page": page,
        "rows": person_rows(page.people, viewer=request.user),
        "can_add": can_add_records(request.user),
        "open_duplicates": duplicate_review_list(actor=request.user).count()
        if can_review_duplicates(request.user) and not request.htmx
        else 0,
    }
    partial = request.htmx and not request.htmx.history_restore_request
    template = "organizations/_person_results.html" if partial else "organizations/person_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@web_view
def person_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show a person's fields, employment history and audit timeline."""
    person = person_get(actor=request.user, uuid=uuid)
    history = history_page(obj=person, before=history_position(request), size=HISTORY_PAGE)
    return render(
        request,
        "organizations/person_detail.html",
        {
            "person": person,
            "can_edit": can_change_person(request.user, person),
            "timeline": timeline(history.events, actor=request.user),
            "history": history,
        },
    )


@web_view
def person_create_view(request: HttpRequest) -> HttpResponse:
    """Add a person with their first post through ``person_create``."""
    ensure_can_add_records(request.user)
    organizations = organization_options(actor=request.user)
    form = PersonCreateForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            person = person_create(actor=request.user, **form.service_data())
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": person.full_name})
            return _to_person(request, person)
    return render(request, "organizations/person_form.html", {"form": form, "person": None})


def _values(person: Person) -> dict[str, object]:
    """Return the person's fields as the edit form's initial data."""
    return {name: getattr(person, name) for name in PERSON_FIELDS}


def _to_person(request: HttpRequest, person: Person) -> HttpResponse:
    """Redirect after a successful write to the person's page, or, when the user may not see
    them today (their post starts later), to the people list with the date they will appear.

    A saved change is never answered with an error page (issue #7: the creator saw a 404 and
    tried again, creating a duplicate).
    """
    if person_in_scope(actor=request.user, person=person):
        return redirect("organizations:person-detail", uuid=person.uuid)
    start = min((e.start_date for e in person.employments.all()), default=None)
    if start is not None and start > timezone.localdate():
        messages.info(
            request,
            _(
                "%(name)s bắt đầu công tác từ %(start)s; từ ngày đó cá nhân này mới có trong "
                "danh sách của bạn."
            )
            % {"name": person.full_name, "start": start.strftime("%d/%m/%Y")},
        )
    return redirect("organizations:person-list")


@web_view
def person_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Change a person's fields through ``person_update``."""
    person = person_get(actor=request.user, uuid=uuid)
    ensure_can_change_person(request.user, person)
    initial = _values(person) | seen_initial(state_of(person))
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person_update(
                actor=request.user,
                person=person,
                expected_version=form.expected_version(),
                **form.service_data(),
            )
        except StaleVersionError as exc:
            current = person_get(actor=request.user, uuid=uuid)
            show_stale(form, exc, current_state=state_of(current), current_values=_values(current))
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("organizations:person-detail", uuid=person.uuid)
    return render(request, "organizations/person_form.html", {"form": form, "person": person})


@web_view
def employment_create_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record a new post (a transfer by default) through ``employment_add``."""
    person = person_get(actor=request.user, uuid=uuid)
    ensure_can_change_person(request.user, person)
    form = EmploymentForm(
        request.POST or None,
        initial=seen_initial(history_state(person)),
        organizations=organization_options(actor=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            employment_add(
                actor=request.user,
                person=person,
                expected_version=form.expected_version(),
                **form.service_data(),
            )
        except StaleVersionError as exc:
            current = person_get(actor=request.user, uuid=uuid)
            show_stale(form, exc, current_state=history_state(current), current_values={})
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã thêm quá trình công tác."))
            return _to_person(request, person)
    return render(request, "organizations/employment_form.html", {"form": form, "person": person})
