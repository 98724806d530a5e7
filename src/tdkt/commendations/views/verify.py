"""The public verification page of a certificate: ``/verify/<token>/``, the QR code's target.

Anyone may open it without signing in. It confirms an award with what the certificate
prints in public (name, title, decision number and date) or says it was revoked; nothing
else about the person. An unknown and a malformed token answer exactly alike (same status,
same page). Look-ups are limited per client address (the real client's, also behind a proxy:
``tdkt.core.network``), so the tokens (256 random bits) cannot be probed at any useful speed
either, and one abuser behind the proxy does not lock everyone else out.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.decision_texts import BOARD_NAME, code_label
from tdkt.commendations.selectors.verification import award_by_token
from tdkt.core.network import client_address


def _over_limit(request: HttpRequest) -> bool:
    """Count this client's look-ups in a fixed window; True once over the limit."""
    limit, window = settings.TDKT_VERIFY_RATE
    key = f"tdkt:verify:{client_address(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return bool(count > limit)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def verify_view(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm or deny a certificate by its token (public, rate-limited)."""
    if _over_limit(request):
        return _private(render(request, "commendations/verify/limited.html", status=429))
    award = award_by_token(token)
    if award is None or award.decision is None:
        return _private(render(request, "commendations/verify/verify.html", status=404))
    context = {
        "found": True,
        "revoked": award.status == AwardStatus.REVOKED,
        "name": award.recipient_name,
        "title": code_label(award.code),
        "issuer": BOARD_NAME,
        "number": award.decision.number_label,
        "decided_on": award.decision.decided_on,
        "revoked_on": award.revoked_on,
    }
    return _private(render(request, "commendations/verify/verify.html", context))
