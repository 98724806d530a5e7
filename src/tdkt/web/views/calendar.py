"""The official calendar of days off and make-up days, for officers in their own screens.

Deadlines in working days follow this calendar (decision 0201); the government announces the
swaps each year, so officers must reach it without the admin. Every signed-in user may read it
(it is public reference data); only a board writer sees the form and the remove buttons, and
anyone else gets 403 on those pages before the input is read.
"""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer, is_board_writer
from tdkt.core.calendar import MAX_YEAR, MIN_YEAR
from tdkt.core.errors import ApplicationError, NotFoundError
from tdkt.core.selectors import calendar_day_get, calendar_day_years, calendar_days_in_year
from tdkt.core.services import calendar_day_remove, calendar_day_set
from tdkt.web.decorators import AuthenticatedHttpRequest, web_view
from tdkt.web.forms import apply_service_error
from tdkt.web.forms.calendar import CalendarDayForm


def _refused() -> str:
    return _("Chỉ cán bộ thi đua – khen thưởng được thay đổi lịch.")


def _year(request: AuthenticatedHttpRequest) -> int:
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdecimal() else timezone.localdate().year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise NotFoundError(_("Năm nằm ngoài phạm vi lịch làm việc."))
    return year


def _list_url(year: int) -> str:
    return f"{reverse('web:calendar-list')}?year={year}"


@web_view
def calendar_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The entries of one year, with the add form for officers."""
    year = _year(request)
    writer = is_board_writer(request.user)
    form = CalendarDayForm() if writer else None
    if request.method == "POST":
        ensure_board_writer(request.user, _refused())
        form = CalendarDayForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = calendar_day_set(
                    actor=request.user,
                    day=data["day"],
                    kind=data["kind"],
                    note=data["note"],
                    must_be_new=True,
                )
            except ApplicationError as exc:
                apply_service_error(form, exc)
            else:
                return redirect(_list_url(entry.day.year))
    years = sorted({year, timezone.localdate().year, *calendar_day_years()}, reverse=True)
    context = {
        "year": year,
        "years": years,
        "entries": calendar_days_in_year(year),
        "form": form,
        "writer": writer,
        "previous_year": year - 1 if year > MIN_YEAR else None,
        "next_year": year + 1 if year < MAX_YEAR else None,
    }
    return render(request, "web/calendar/calendar_list.html", context)


@web_view
def calendar_remove_view(request: AuthenticatedHttpRequest, day: str) -> HttpResponse:
    """Ask, then remove one entry: the built-in calendar applies to that day again."""
    ensure_board_writer(request.user, _refused())
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise NotFoundError(_("Không tìm thấy ngày này trong lịch.")) from None
    entry = calendar_day_get(when)
    if entry is None:
        raise NotFoundError(_("Không tìm thấy ngày này trong lịch."))
    if request.method == "POST":
        calendar_day_remove(actor=request.user, day=when)
        return redirect(_list_url(when.year))
    return render(request, "web/calendar/calendar_remove.html", {"entry": entry})
