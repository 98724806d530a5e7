"""Helpers of the movement page tests: compare a hidden and a missing answer."""

from __future__ import annotations

import re

MISSING = "00000000-0000-0000-0000-000000000000"


def page_of(content: bytes, *uuids: object) -> str:
    """The page without its per-response CSRF tokens, the requested ids replaced by MISSING."""
    text = re.sub(r"[A-Za-z0-9]{64}", "TOKEN", content.decode())
    for uuid in uuids:
        text = text.replace(str(uuid), MISSING)
    return text
