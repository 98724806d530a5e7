"""Anonymous clients cannot grow the chain without bound: their security events are counted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client, override_settings

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AnonymousEventWindow, AuditEvent
from tdkt.audit.security import MAX_SOURCES, flush_anonymous_events, source_of, window_seconds
from tdkt.audit.services import verify

pytestmark = pytest.mark.django_db

# One second into a ten-minute window, frozen, so no test straddles two windows.
IN_A_WINDOW = datetime(2026, 12, 1, 3, 0, 1, tzinfo=UTC)


def _new_events(since: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(seq__gt=since).order_by("seq"))


def _last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def _after_the_window() -> datetime:
    return IN_A_WINDOW + timedelta(seconds=window_seconds())


def test_a_thousand_bad_posts_from_one_client_add_two_events_that_count_them(registry):
    """1,000 POSTs without a CSRF token: one event at once, one summary counting all 1,000."""
    start = _last_seq()
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(IN_A_WINDOW, tick=False):
        statuses = {client.post("/login/", {"username": "x"}).status_code for _ in range(1000)}
    assert statuses == {403}
    first = _new_events(start)
    assert [(e.event_type, e.object_repr, e.ip_address) for e in first] == [
        (AuditEventType.ACCESS_DENIED, "POST /login/", "203.0.113.9")
    ]
    assert flush_anonymous_events(now=_after_the_window()) == 1
    summary = _new_events(first[-1].seq)
    assert len(summary) == 1
    assert summary[0].event_type == AuditEventType.ACCESS_DENIED
    assert summary[0].changes["count"] == 1000
    assert summary[0].ip_address == "203.0.113.9"
    assert "1000 lần" in summary[0].object_repr
    assert not AnonymousEventWindow.objects.exists()
    assert verify().ok


def test_failed_logins_are_counted_per_source(registry):
    """200 wrong passwords from one address add two events, the second counting all 200."""
    start = _last_seq()
    client = Client(REMOTE_ADDR="198.51.100.7")
    with time_machine.travel(IN_A_WINDOW, tick=False):
        for attempt in range(200):
            client.post("/login/", {"username": f"guess{attempt}", "password": "wrong-Pass#1"})
        flush_anonymous_events(now=_after_the_window())
    failed = _new_events(start)
    assert [e.event_type for e in failed] == [AuditEventType.USER_LOGIN_FAILED] * 2
    assert failed[0].object_repr == "guess0"  # the first keeps its details
    assert failed[1].changes["count"] == 200
    assert verify().ok


@override_settings(TDKT_TRUSTED_PROXIES=1)
def test_behind_the_proxy_events_carry_the_clients_address(registry):
    """The audit trail records the address nginx saw, not the proxy's, nor a forged one."""
    start = _last_seq()
    client = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.21")
    with time_machine.travel(IN_A_WINDOW, tick=False):
        client.post("/login/", {"username": "someone", "password": "wrong-Pass#1"})
    assert [e.ip_address for e in _new_events(start)] == ["198.51.100.21"]


def test_many_sources_share_one_bucket_beyond_the_limit(registry):
    """Spreading a flood over many addresses still adds at most 2 × (limit + 1) events."""
    start = _last_seq()
    sources = MAX_SOURCES + 30
    with time_machine.travel(IN_A_WINDOW, tick=False):
        for n in range(sources):
            client = Client(enforce_csrf_checks=True, REMOTE_ADDR=f"192.0.2.{n + 1}")
            for _ in range(3):
                client.post("/login/", {})
    call_command("audit", "flush")  # the real clock is long past the frozen window
    events = _new_events(start)
    assert len(events) == 2 * (MAX_SOURCES + 1)
    counts = [e.changes["count"] for e in events if "count" in e.changes]
    assert sum(counts) == 3 * sources
    assert {e.changes["source"] for e in events if "count" in e.changes} >= {"*"}
    assert verify().ok


def test_a_signed_in_user_is_refused_with_one_event_per_request(registry):
    """Refusals of a known account stay individual events naming the user."""
    start = _last_seq()
    client = Client()
    client.force_login(registry.viewer)
    outside_scope = f"/api/v1/people/{registry.anh.uuid}/"
    for _ in range(3):
        assert client.patch(outside_scope, "{}", content_type="application/json").status_code == 403
    denied = [e for e in _new_events(start) if e.event_type == AuditEventType.ACCESS_DENIED]
    assert len(denied) == 3
    assert {e.actor for e in denied} == {registry.viewer}


def test_an_ipv6_client_counts_as_its_whole_slash_64():
    """Addresses of one /64 are one source; IPv4 addresses stay themselves."""
    assert source_of("2001:db8:1:2::1") == source_of("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert source_of("2001:db8:1:3::1") != source_of("2001:db8:1:2::1")
    assert source_of("203.0.113.9") == "203.0.113.9"
