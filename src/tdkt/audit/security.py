"""Security events from anonymous sources: counted per source and window, chained in bounds.

Anyone can send requests without a CSRF token, to forbidden pages or with wrong passwords, as
fast as the network allows; chaining one event per request would let them grow the permanent
log without bound. Per source (an IPv4 address or IPv6 /64) and kind of event, the first event
of each time window is chained as it happens, with its details; the others only increment a
counter row; when the window has closed, one chained summary event carries the count. At most
``MAX_SOURCES`` sources per kind and window are told apart; the rest share one bucket. So at
most 2 × (MAX_SOURCES + 1) chained events per kind and window, however hard the flood (ADR 0027).
"""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .constants import AuditEventType
from .context import current_ip
from .models import AnonymousEventWindow, AuditEvent
from .services import PendingEvent, record, record_many

MAX_SOURCES = 50
OTHER_SOURCES = "*"
ANONYMOUS = "anonymous"


def source_of(ip: str) -> str:
    """Return the source an address counts under: itself for IPv4, its /64 for IPv6.

    One IPv6 client usually holds a whole /64, so counting single addresses would let it
    appear as billions of sources.
    """
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip[:64]
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def window_seconds() -> int:
    """Return the length of a counting window (``TDKT_AUDIT_ANONYMOUS_WINDOW_SECONDS``)."""
    return max(1, int(getattr(settings, "TDKT_AUDIT_ANONYMOUS_WINDOW_SECONDS", 600)))


def _window(moment: datetime) -> tuple[datetime, datetime]:
    length = window_seconds()
    start = int(moment.timestamp()) // length * length
    begins = datetime.fromtimestamp(start, UTC)
    return begins, begins + timedelta(seconds=length)


def record_anonymous(
    *,
    event_type: AuditEventType,
    actor_label: str = ANONYMOUS,
    object_repr: str = "",
    now: datetime | None = None,
) -> AuditEvent | None:
    """Count a security event from an unauthenticated client; chain it if first in its window.

    Returns the chained event, or None when the event was only counted. Commits on its own
    when called outside a transaction, as security events must outlive the failed request.
    """
    now = now or timezone.now()
    start, end = _window(now)
    source = source_of(current_ip.get())
    with transaction.atomic():
        if _count(event_type, source, start, now):
            return None
        busy = AnonymousEventWindow.objects.filter(event_type=event_type, window_start=start)
        if source != OTHER_SOURCES and busy.count() >= MAX_SOURCES:
            source = OTHER_SOURCES
            if _count(event_type, source, start, now):
                return None
        try:
            with transaction.atomic():  # a concurrent first event of this window may win
                AnonymousEventWindow.objects.create(
                    event_type=event_type,
                    source=source,
                    window_start=start,
                    window_end=end,
                    first_at=now,
                    last_at=now,
                )
        except IntegrityError:
            _count(event_type, source, start, now)
            return None
        flush_anonymous_events(now=now)  # a new window began: summarise the closed ones
        return record(event_type=event_type, actor_label=actor_label, object_repr=object_repr)


def _count(event_type: str, source: str, start: datetime, now: datetime) -> bool:
    """Add one to an open window's counter; False when the window has no row yet."""
    updated = AnonymousEventWindow.objects.filter(
        event_type=event_type, source=source, window_start=start
    ).update(count=F("count") + 1, last_at=now)
    return updated > 0


@transaction.atomic
def flush_anonymous_events(*, now: datetime | None = None) -> int:
    """Chain one summary event for every closed window counted more than once; drop the rows.

    Runs whenever a new window opens, and from ``tdkt audit flush`` (for a quiet site, run it
    from cron). Returns how many summary events were chained.
    """
    now = now or timezone.now()
    closed = list(
        AnonymousEventWindow.objects.select_for_update()
        .filter(window_end__lte=now)
        .order_by("window_start", "event_type", "source")
    )
    if not closed:
        return 0
    summaries = [_summary(row) for row in closed if row.count > 1]
    record_many(summaries)
    AnonymousEventWindow.objects.filter(pk__in=[row.pk for row in closed]).delete()
    return len(summaries)


def _summary(row: AnonymousEventWindow) -> PendingEvent:
    everyone_else = row.source == OTHER_SOURCES
    shown = "các nguồn khác" if everyone_else else row.source
    minutes = max(1, round((row.window_end - row.window_start).total_seconds() / 60))
    return PendingEvent(
        event_type=AuditEventType(row.event_type),
        actor_label=ANONYMOUS,
        object_repr=f"{row.count} lần từ {shown} trong {minutes} phút",
        changes={
            "count": row.count,
            "source": row.source,
            "window_start": row.window_start,
            "window_end": row.window_end,
            "first_at": row.first_at,
            "last_at": row.last_at,
        },
        ip_address="" if everyone_else else row.source,
    )
