"""Screens of the petition register: list, receive, detail with its steps, parameters, Excel.

Every view asks the selectors first, which answer 404 to anyone who may not read the
register; a step refuses (403) a reader who may not handle petitions before reading input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tdkt.audit.services import history_for
from tdkt.core.errors import ApplicationError, NotFoundError
from tdkt.core.selectors import working_calendar
from tdkt.organizations.selectors import (
    organization_get,
    organization_list,
    person_get,
    person_list,
)
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view
from tdkt.web.forms import apply_service_error
from tdkt.web.shortcuts import file_response, posted_version

from . import services
from .constants import PetitionKind, PetitionState
from .deadlines import UNIT_LABELS, DeadlineSettings
from .exports import XLSX, register_xlsx
from .forms import (
    AcceptForm,
    EndForm,
    ExtendForm,
    FilterForm,
    ForwardForm,
    ParameterForm,
    PetitionForm,
    ResolveForm,
    WhoForm,
)
from .models import Petition
from .permissions import ensure_handle, ensure_read, may_handle
from .selectors import (
    PetitionFilters,
    deadline_rows,
    deadline_settings,
    handler_choices,
    petition_get,
    petition_list,
    petition_years,
    urgency_of,
)

PAGE_SIZE = 50
HISTORY_LIMIT = 50
FOUND_LIMIT = 8


def _filters(form: FilterForm) -> PetitionFilters:
    """The filters from the valid fields: one bad value (a year typed wrong) drops that
    filter only, never the others, so the list and its Excel never show more than asked."""
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    return PetitionFilters(
        kind=data.get("kind") or "",
        state=data.get("state") or "",
        year=data.get("year"),
        urgency=data.get("urgency") or "",
        text=data.get("q") or "",
    )


@web_view
def petition_list_view(request: HttpRequest) -> HttpResponse:
    """The register with its filters; late and nearly late petitions stand out."""
    form = FilterForm(request.GET or None)
    filters = _filters(form)
    found = petition_list(actor=request.user, filters=filters)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    calendar = working_calendar()
    settings = deadline_settings()
    rows = [
        (petition, urgency_of(petition, today=today, calendar=calendar, settings=settings))
        for petition in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "petitions/petition_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "can_handle": may_handle(request.user),
            "years": petition_years(actor=request.user),
        },
    )


def _data(form: PetitionForm) -> services.PetitionData:
    data = form.cleaned_data
    return services.PetitionData(
        kind=data["kind"],
        channel=data["channel"],
        received_on=data["received_on"],
        sender_name=data["sender_name"],
        summary=data["summary"],
        sender_address=data.get("sender_address") or "",
        sender_phone=data.get("sender_phone") or "",
        content=data.get("content") or "",
        complaint_round=data.get("complaint_round") or "",
        known_on=data.get("known_on"),
        late_reason=data.get("late_reason") or "",
        related_decision=data.get("related_decision") or "",
    )


@web_view
def petition_create_view(request: HttpRequest) -> HttpResponse:
    """Receive a petition: it gets the next number of its year and its first deadline."""
    ensure_handle(request.user)
    form = PetitionForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            petition = services.petition_register(actor=request.user, data=_data(form))
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            message = (
                _("Đã tiếp nhận đơn số %(ref)s. Hạn trả lời: %(day)s.")
                if petition.kind == PetitionKind.FEEDBACK
                else _("Đã tiếp nhận đơn số %(ref)s. Hạn thụ lý: %(day)s.")
            )
            messages.success(
                request,
                message
                % {
                    "ref": petition.reference,
                    "day": petition.acceptance_due_on.strftime("%d/%m/%Y"),
                },
            )
            return redirect("petitions:petition-detail", uuid=petition.uuid)
    return render(
        request,
        "petitions/petition_form.html",
        {"form": form, "petition": None},
        status=400 if form.is_bound and form.errors else 200,
    )


@web_view
def petition_update_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Correct what was registered (while the petition is open)."""
    petition = petition_get(actor=request.user, uuid=uuid)
    ensure_handle(request.user)
    initial = {name: getattr(petition, name) for name in services.REGISTRATION_FIELDS} | {
        "version": petition.version
    }
    form = PetitionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.petition_update(
                actor=request.user,
                petition=petition,
                data=_data(form),
                expected_version=form.expected_version,
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("petitions:petition-detail", uuid=petition.uuid)
    return render(
        request,
        "petitions/petition_form.html",
        {"form": form, "petition": petition},
        status=400 if form.is_bound and form.errors else 200,
    )


@dataclass(frozen=True)
class Step:
    """One action on a petition: its form, its service and what the officer is told."""

    title: Any
    form: Callable[..., forms.Form]
    run: Callable[..., Petition]
    done: Any
    states: tuple[str, ...]
    kinds: tuple[str, ...] = tuple(PetitionKind.values)


def _accept(actor: Any, petition: Petition, form: AcceptForm) -> Petition:
    data = form.cleaned_data
    return services.petition_accept(
        actor=actor,
        petition=petition,
        expected_version=form.expected_version,
        accepted_on=data["accepted_on"],
        complex_case=data["complex_case"],
        remote_area=data["remote_area"],
        handler=data.get("handler"),
    )


def _with_form(service: Callable[..., Petition]) -> Callable[..., Petition]:
    """Call ``service`` with the form's fields as keywords and its version as expected."""

    def run(actor: Any, petition: Petition, form: forms.Form) -> Petition:
        data = dict(form.cleaned_data)
        version = int(data.pop("version") or 0)
        return service(actor=actor, petition=petition, expected_version=version, **data)

    return run


RECEIVED = (PetitionState.RECEIVED,)
OPEN = (PetitionState.RECEIVED, PetitionState.ACCEPTED)
DISPUTES = (PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION)

STEPS: dict[str, Step] = {
    "accept": Step(
        gettext_lazy("Thụ lý"),
        lambda data=None, **kw: AcceptForm(data, handlers=handler_choices(), **kw),
        _accept,
        gettext_lazy("Đã thụ lý đơn. Hạn giải quyết: %(day)s."),
        RECEIVED,
        DISPUTES,
    ),
    "resolve": Step(
        gettext_lazy("Ghi kết quả giải quyết"),
        ResolveForm,
        _with_form(services.petition_resolve),
        gettext_lazy("Đã ghi kết quả giải quyết."),
        (PetitionState.ACCEPTED,),
    ),
    "answer": Step(
        gettext_lazy("Ghi nội dung trả lời"),
        ResolveForm,
        _with_form(services.petition_resolve),
        gettext_lazy("Đã ghi nội dung trả lời."),
        RECEIVED,
        (PetitionKind.FEEDBACK,),
    ),
    "extend": Step(
        gettext_lazy("Gia hạn giải quyết (vụ việc phức tạp)"),
        ExtendForm,
        _with_form(services.petition_extend),
        gettext_lazy("Đã gia hạn. Hạn giải quyết mới: %(day)s."),
        (PetitionState.ACCEPTED,),
        (PetitionKind.DENUNCIATION,),
    ),
    "refuse": Step(
        gettext_lazy("Không thụ lý"),
        EndForm,
        _with_form(services.petition_refuse),
        gettext_lazy("Đã ghi nhận không thụ lý đơn."),
        RECEIVED,
        DISPUTES,
    ),
    "forward": Step(
        gettext_lazy("Chuyển cơ quan có thẩm quyền"),
        ForwardForm,
        _with_form(services.petition_forward),
        gettext_lazy("Đã ghi nhận chuyển đơn."),
        RECEIVED,
    ),
    "withdraw": Step(
        gettext_lazy("Người gửi rút đơn"),
        EndForm,
        _with_form(services.petition_withdraw),
        gettext_lazy("Đã ghi nhận người gửi rút đơn."),
        OPEN,
    ),
}


def _step_form(name: str, step: Step, petition: Petition, data: Any = None) -> forms.Form:
    kwargs: dict[str, Any] = {
        "prefix": name,
        "initial": {
            "version": petition.version,
            "ended_on": timezone.localdate(),
            "accepted_on": timezone.localdate(),
        },
    }
    if step.form is ResolveForm:
        kwargs["kind"] = petition.kind
    return step.form(data, **kwargs)


def _applies(step: Step, petition: Petition) -> bool:
    return petition.state in step.states and petition.kind in step.kinds


def _steps_for(
    actor: Any, petition: Petition, settings: DeadlineSettings
) -> list[tuple[str, Step, forms.Form]]:
    if not may_handle(actor):
        return []
    found = []
    for name, step in STEPS.items():
        if _applies(step, petition):
            if name == "extend" and petition.extensions >= settings.max_extensions:
                continue
            found.append((name, step, _step_form(name, step, petition)))
    return found


def _detail(
    request: HttpRequest,
    petition: Petition,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    settings = deadline_settings()
    steps = _steps_for(request.user, petition, settings)
    if bound is not None:
        steps = [(n, s, bound[1] if n == bound[0] else f) for n, s, f in steps]
    who = WhoForm(request.GET or None)
    people: list[Any] = []
    organizations: list[Any] = []
    handle = may_handle(request.user) and petition.is_open
    if handle and who.is_valid() and who.cleaned_data["who"]:
        text = who.cleaned_data["who"]
        people = list(person_list(actor=request.user, search=text)[:FOUND_LIMIT])
        organizations = list(organization_list(actor=request.user, search=text)[:FOUND_LIMIT])
    return render(
        request,
        "petitions/petition_detail.html",
        {
            "petition": petition,
            "urgency": urgency_of(
                petition,
                today=timezone.localdate(),
                calendar=working_calendar(),
                settings=settings,
            ),
            "steps": steps,
            "can_edit": handle,
            "filed_late_until": services.filed_late_until(petition),
            "flags_proposals": petition.state == PetitionState.ACCEPTED
            and petition.kind != PetitionKind.FEEDBACK
            and bool(petition.concerned_person_id or petition.concerned_organization_id),
            "who_form": who if handle else None,
            "searched": bool(people or organizations) or (who.is_bound and who.is_valid()),
            "people": people,
            "organizations": organizations,
            "timeline": timeline(history_for(petition)[:HISTORY_LIMIT], actor=request.user),
        },
        status=status,
    )


@web_view
def petition_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """A petition, its deadlines, the steps the user may take and its history."""
    petition = petition_get(actor=request.user, uuid=uuid)
    return _detail(request, petition)


@require_POST
@web_view
def petition_step_view(request: HttpRequest, uuid: UUID, step: str) -> HttpResponse:
    """Take one step (accept, resolve, extend…) on a petition."""
    petition = petition_get(actor=request.user, uuid=uuid)
    ensure_handle(request.user)
    found = STEPS.get(step)
    if found is None or not _applies(found, petition):
        # A step that does not apply to this petition (a stale page, a hand-made request)
        # is not offered and not run.
        raise NotFoundError(_("Không tìm thấy đơn thư."))
    form = _step_form(step, found, petition, request.POST)
    if form.is_valid():
        try:
            done = found.run(request.user, petition, form)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            due = done.current_due_on
            messages.success(
                request, str(found.done) % {"day": due.strftime("%d/%m/%Y") if due else ""}
            )
            return redirect("petitions:petition-detail", uuid=petition.uuid)
    return _detail(request, petition, bound=(step, form), status=400)


@require_POST
@web_view
def petition_concern_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Name (or clear) the person or collective the petition is about."""
    petition = petition_get(actor=request.user, uuid=uuid)
    ensure_handle(request.user)
    person = organization = None
    if request.POST.get("person"):
        person = person_get(actor=request.user, uuid=request.POST["person"])
    elif request.POST.get("organization"):
        organization = organization_get(actor=request.user, uuid=request.POST["organization"])
    version = posted_version(request)
    try:
        services.petition_set_concerned(
            actor=request.user,
            petition=petition,
            expected_version=-1 if version is None else version,
            person=person,
            organization=organization,
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã lưu người, tập thể liên quan."))
    return redirect("petitions:petition-detail", uuid=petition.uuid)


@web_view
def deadline_list_view(request: HttpRequest) -> HttpResponse:
    """The named periods in force, their legal source, and the officer's form to change them."""
    rows = deadline_rows(actor=request.user)
    bound_name = request.POST.get("name", "") if request.method == "POST" else ""
    bound_form: ParameterForm | None = None
    status = 200
    if request.method == "POST":
        ensure_handle(request.user)
        bound_form = ParameterForm(request.POST)
        if bound_form.is_valid():
            data = bound_form.cleaned_data
            try:
                if request.POST.get("reset"):
                    services.deadline_parameter_reset(
                        actor=request.user,
                        name=bound_name,
                        expected_version=bound_form.expected_version,
                    )
                else:
                    services.deadline_parameter_set(
                        actor=request.user,
                        name=bound_name,
                        days=data["days"],
                        unit=data.get("unit") or "",
                        note=data.get("note") or "",
                        expected_version=bound_form.expected_version,
                    )
            except ApplicationError as exc:
                apply_service_error(bound_form, exc)
            else:
                messages.success(
                    request, _("Đã lưu. Thời hạn mới áp dụng cho đơn tiếp nhận, thụ lý từ nay.")
                )
                return redirect("petitions:deadline-list")
        status = 400
    handle = may_handle(request.user)
    items = []
    for row in rows:
        if bound_form is not None and row.name == bound_name:
            form = bound_form
        elif handle:
            form = ParameterForm(
                initial={
                    "days": row.days,
                    "unit": row.unit,
                    "version": row.version,
                    "note": row.changed.note if row.changed else "",
                }
            )
        else:
            form = None
        items.append(
            {
                "row": row,
                "form": form,
                "unit_label": UNIT_LABELS.get(row.unit, ""),
                "default_unit_label": UNIT_LABELS.get(row.default_unit, ""),
            }
        )
    return render(
        request,
        "petitions/deadline_list.html",
        {"items": items, "can_handle": handle},
        status=status,
    )


@web_view
def petition_export(request: HttpRequest) -> HttpResponse:
    """The register as filtered, as an Excel workbook (sổ theo dõi đơn thư)."""
    ensure_read(request.user)
    form = FilterForm(request.GET or None)
    found = petition_list(actor=request.user, filters=_filters(form))
    return file_response(
        register_xlsx(found, today=timezone.localdate()),
        filename="so-theo-doi-don-thu.xlsx",
        content_type=XLSX,
    )
