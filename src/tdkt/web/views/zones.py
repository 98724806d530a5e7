"""Industrial zones (reference data)."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tdkt.organizations.selectors import zone_list
from tdkt.web.decorators import web_view


@web_view
def zone_list_view(request: HttpRequest) -> HttpResponse:
    """List industrial zones with how many enterprises are registered in each."""
    search = request.GET.get("q", "").strip()
    zones = zone_list(actor=request.user, search=search).annotate(
        enterprise_count=Count("enterprises")
    )
    return render(request, "web/zones/zone_list.html", {"zones": zones, "q": search})
