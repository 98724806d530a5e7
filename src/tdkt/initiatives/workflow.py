"""The states of an application and the one function that moves it (decision 0821).

Each action names who takes it; ``permissions`` decides whether this actor is that person,
and the services call ``next_state`` before they write, so a refused move writes nothing.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tdkt.core.errors import ConflictError
from tdkt.initiatives.constants import ApplicationState as S

SUBMIT = "submit"  # the filer: draft → submitted
RETURN = "return"  # the officer: submitted → draft, with a reason
REGISTER = "register"  # the officer: submitted → in review in an open session
PASS = "pass"  # noqa: S105 - an action name; the chair's closing: in review → passed (average ≥ pass mark)
REJECT = "reject"  # the chair's closing: in review → not recognised
RECOGNISE = "recognise"  # the officer's decision: passed → recognised

TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, RETURN): S.DRAFT,
    (S.SUBMITTED, REGISTER): S.IN_REVIEW,
    (S.IN_REVIEW, PASS): S.PASSED,
    (S.IN_REVIEW, REJECT): S.NOT_RECOGNISED,
    (S.PASSED, RECOGNISE): S.RECOGNISED,
}

EDITABLE = {S.DRAFT}
FINAL = {S.NOT_RECOGNISED, S.RECOGNISED}


def can_move(state: str, action: str) -> bool:
    """Return True when ``action`` applies to an application in ``state``."""
    return (state, action) in TRANSITIONS


def next_state(state: str, action: str) -> str:
    """Return the state ``action`` leads to from ``state``, or refuse (409)."""
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise ConflictError(
            _("Đơn đang ở bước “%(state)s”, không thực hiện được thao tác này.")
            % {"state": S(state).label}
        ) from None
