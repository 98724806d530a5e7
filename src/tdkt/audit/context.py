"""Per-request context (client IP) so services need not pass the request around."""

from __future__ import annotations

from contextvars import ContextVar

current_ip: ContextVar[str] = ContextVar("tdkt_current_ip", default="")
