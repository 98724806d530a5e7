"""The public verification of a certificate: one award found by the token of its QR code.

Anyone may ask, signed in or not, so the answer carries only what the certificate itself
prints in public: whether it is valid or revoked. A malformed token is never looked up, and
an unknown one answers exactly like it (no existence oracle beyond "valid / not found").
"""

from __future__ import annotations

import re

from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.models import Award

# ``secrets.token_urlsafe(32)``: 43 characters of the URL-safe base64 alphabet.
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def award_by_token(token: str) -> Award | None:
    """Return the signed (granted or revoked) award whose certificate carries ``token``."""
    if not TOKEN.fullmatch(token or ""):
        return None
    return (
        Award.objects.filter(
            verification_token=token,
            status__in=[AwardStatus.GRANTED, AwardStatus.REVOKED],
            decision__isnull=False,
        )
        .select_related("decision")
        .first()
    )
