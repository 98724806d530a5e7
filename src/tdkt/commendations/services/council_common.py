"""Steps shared by the council's session services: the session lock, versions, states.

Every write on a session locks its row first (``lock_session``); a stale form is refused by
``check_version``; a state the step does not allow is refused with a plain message.
"""

from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext as _

from tdkt.commendations.constants import SessionState
from tdkt.commendations.models import Council, CouncilSession
from tdkt.core.errors import ApplicationError, ErrorCode


def stale_error(what: str) -> ApplicationError:
    """The refusal of an edit made on a page older than the record."""
    return ApplicationError(
        _("%(what)s vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi.")
        % {"what": what},
        code=ErrorCode.CONFLICT,
    )


def check_version(obj: Council | CouncilSession, expected: int | None, what: str) -> None:
    """Refuse when the page showed another version of ``obj`` (``None``: not checked)."""
    if expected is not None and obj.version != expected:
        raise stale_error(what)


def lock_session(session: CouncilSession) -> CouncilSession:
    """Lock the session row for this transaction and return it fresh."""
    return (
        CouncilSession.objects.select_for_update()
        .select_related("council", "round")
        .get(pk=session.pk)
    )


def bump(session: CouncilSession, fields: list[str]) -> None:
    """Save ``fields`` of a locked session with its version increased."""
    session.version = F("version") + 1
    session.save(update_fields=[*fields, "version"])
    session.refresh_from_db(fields=["version"])


def refuse_state(session: CouncilSession, *allowed: str) -> None:
    """Refuse a step the session's state does not allow, saying what the state is."""
    if session.state in allowed:
        return
    messages = {
        SessionState.PLANNED: _("Phiên họp chưa bắt đầu bỏ phiếu."),
        SessionState.VOTING: _("Phiên họp đang bỏ phiếu."),
        SessionState.CLOSED: _("Phiên họp đã kết thúc bỏ phiếu."),
    }
    raise ApplicationError(messages[SessionState(session.state)], code=ErrorCode.CONFLICT)
