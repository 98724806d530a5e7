"""Who sees a person's full citizen id (CCCD) and date of birth, and what everyone else sees.

Both identify a person beyond doubt (Decree 13/2023 on personal data counts them as basic
personal data), yet most readers of the registry only need to tell two namesakes apart.
Decision 0053 sets the rule, decided here in one place like the scopes:

* a user who may change the person's records sees them in full: administrators and emulation
  officers for everyone, a unit head or an enterprise representative for the people of the
  unit (each writer's write scope is exactly the read scope, ``tdkt.accounts.scopes``, so
  ``can_write`` alone decides for every person a writer can read);
* anybody sees their own (the account linked to the person);
* every other reader (leader, council member, viewer) sees the last three digits of the CCCD
  and the year of birth: enough to tell namesakes apart, not enough to impersonate.

Pages, exports and the API all call :func:`sees_personal_data` and the two maskers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .scopes import scope_for

#: How many last digits of a CCCD a masked reader sees.
SHOWN_DIGITS = 3
MASK = "•"


def sees_personal_data(actor: Any, *, person_id: int | None) -> bool:
    """Return True when ``actor`` may see the full CCCD and date of birth of that person.

    Call it only for a person the actor may read (the selectors have scoped the list).
    """
    if not getattr(actor, "is_authenticated", False) or not getattr(actor, "is_active", False):
        return False
    if scope_for(actor).can_write:
        return True
    return person_id is not None and getattr(actor, "person_id", None) == person_id


def may_search_by_citizen_id(actor: Any) -> bool:
    """Return True when a typed CCCD number may find a person for ``actor``.

    A reader who sees only masked numbers must not learn whose a number is by searching it.
    """
    return sees_personal_data(actor, person_id=None)


def mask_citizen_id(value: str | None) -> str:
    """Return ``•••••••••567``: only the last three digits, the length kept."""
    if not value:
        return ""
    shown = value[-SHOWN_DIGITS:]
    return MASK * (len(value) - len(shown)) + shown


def birth_year(value: date | None) -> int | None:
    """Return the year of birth, all a masked reader sees of the date."""
    return value.year if value is not None else None
