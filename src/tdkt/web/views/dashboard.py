"""The dashboard: real counts of what the user may see, and recent changes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tdkt.commendations.selectors.work import work_for
from tdkt.contests.selectors import contest_work
from tdkt.initiatives.selectors import initiative_work
from tdkt.organizations import selectors
from tdkt.petitions.selectors import petition_work
from tdkt.surveys.selectors import survey_work
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view


@web_view
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show what waits for the user in the commendation workflow and the writing contests,
    registry figures scoped to the user, this year's blocks/clusters and changes."""
    actor = request.user
    year = timezone.localdate().year
    events = selectors.audit_events_recent(actor=actor)
    context = {
        "year": year,
        "work": [
            *work_for(actor=actor),
            *contest_work(actor=actor),
            *initiative_work(actor=actor),
            *survey_work(actor=actor),
            *petition_work(actor=actor),
        ],
        "organizations": selectors.organizations_by_kind(actor=actor),
        "people": selectors.people_by_category(actor=actor),
        "enterprises": selectors.enterprises_by_investment(actor=actor),
        "zones": selectors.zones_by_status(actor=actor),
        "groups": selectors.groups_of_year(actor=actor, year=year),
        "events": timeline(events, actor=actor),
    }
    return render(request, "web/dashboard.html", context)
