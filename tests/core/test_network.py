"""The client's address behind reverse proxies: only the hops we trust may name it."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from tdkt.core.network import client_address

PROXY = "10.0.0.5"


def _request(forwarded: str | None = None, remote: str = PROXY):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/verify/x/", **extra)


@override_settings(TDKT_TRUSTED_PROXIES=0)
def test_without_trusted_proxies_a_forwarded_header_is_ignored():
    """A client that sends its own X-Forwarded-For cannot choose its address."""
    assert client_address(_request("198.51.100.1", remote="203.0.113.7")) == "203.0.113.7"


@override_settings(TDKT_TRUSTED_PROXIES=1)
def test_one_proxy_names_the_last_address_and_what_the_client_wrote_is_ignored():
    """nginx appends the address it saw; what the client put before it does not count."""
    assert client_address(_request("203.0.113.7")) == "203.0.113.7"
    assert client_address(_request("1.2.3.4, 203.0.113.7")) == "203.0.113.7"
    assert client_address(_request("2001:db8::1")) == "2001:db8::1"


@override_settings(TDKT_TRUSTED_PROXIES=2)
def test_two_proxies_name_the_second_address_from_the_right():
    """A load balancer then nginx: the client is the balancer's entry, not nginx's."""
    header = "1.2.3.4, 203.0.113.7, 10.0.0.9"
    assert client_address(_request(header)) == "203.0.113.7"


@override_settings(TDKT_TRUSTED_PROXIES=2)
def test_a_missing_or_short_header_falls_back_to_the_connection():
    assert client_address(_request()) == PROXY
    assert client_address(_request("203.0.113.7")) == PROXY


@pytest.mark.parametrize(
    "header", ["", "unknown", "203.0.113.7:8080", "<script>", "203.0.113.7, ", "999.1.1.1"]
)
@override_settings(TDKT_TRUSTED_PROXIES=1)
def test_garbage_in_the_header_falls_back_to_the_connection(header):
    """An entry that is not an IP address never becomes the client's address."""
    assert client_address(_request(header)) == PROXY
