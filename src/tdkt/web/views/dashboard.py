"""The dashboard: real counts of what the user may see, and recent changes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tdkt.web import queries
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import web_view


@web_view
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show registry figures scoped to the user, this year's blocks/clusters and changes."""
    actor = request.user
    year = timezone.localdate().year
    events = queries.recent_events(actor=actor)
    context = {
        "year": year,
        "organizations": queries.organizations_by_kind(actor=actor),
        "people": queries.people_by_category(actor=actor),
        "enterprises": queries.enterprises_by_investment(actor=actor),
        "zones": queries.zones_by_status(actor=actor),
        "groups": queries.groups_of_year(actor=actor, year=year),
        "events": None if events is None else timeline(events, actor=actor),
    }
    return render(request, "web/dashboard.html", context)
