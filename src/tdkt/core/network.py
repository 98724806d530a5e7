"""The client's address, as the app can trust it behind its reverse proxies.

Behind nginx every request comes from the proxy's address, so anything keyed on
``REMOTE_ADDR`` (the verification page's rate limit, the audit trail's IP, login throttling)
would treat all citizens as one. ``X-Forwarded-For`` carries the real address, but any client
can send that header with whatever it likes: only the entries appended by our own proxies are
true. ``TDKT_TRUSTED_PROXIES`` says how many proxies stand in front of the app; each appends the
address it received the request from, so the client is that many entries from the right.
Everything left of it was written by the client and is ignored (decision 0057).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """Return the client's IP address: ``REMOTE_ADDR`` when no proxy is trusted, else the
    ``X-Forwarded-For`` entry ``TDKT_TRUSTED_PROXIES`` hops from the right.

    A missing or too short header, or an entry that is not an IP address, gives
    ``REMOTE_ADDR``: a misconfigured proxy degrades to the old behaviour, never to an address
    the client chose.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    hops = int(settings.TDKT_TRUSTED_PROXIES)
    if hops <= 0:
        return remote
    forwarded = [
        part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    ]
    if len(forwarded) < hops:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-hops]))
    except ValueError:
        return remote
