"""Who may file, see, score, close and decide (decision 0823).

* An **author** is a registry person; a user acts as an author when their account is linked to
  that person. Any signed-in user linked to a person and placed in a unit may file an
  application of which they are an author. A **unit head** may also file for the people working
  in their unit (the filer need not be an author then).
* Only the **filer** edits and submits a draft; authors and the filer read it.
* The **emulation officer** (board-wide writer) sees every application, returns or registers
  submitted ones, runs the sessions and records the recognition decision.
* A **member** of a session (any account the officer seats; the seat gives the right, as in
  decision 0514) sees the applications registered to it and scores those they neither wrote
  nor filed; the **chair** closes the review.
* Anyone else: "not found" (404), exactly like a missing application.

``actor=None`` is the system (demo data, commands): it may do everything.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import is_board_writer
from tdkt.core.errors import PermissionDeniedError
from tdkt.initiatives.constants import ApplicationState, CouncilState
from tdkt.initiatives.models import CouncilSeat, InitiativeApplication, InitiativeCouncil


def _signed_in(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and actor.is_active)


def is_officer(actor: Any) -> bool:
    """Return True for the system and board-wide writers (emulation officers, administrators)."""
    return actor is None or is_board_writer(actor)


def author_ids(application: InitiativeApplication) -> set[int]:
    """Return the ids of the people who wrote ``application``."""
    cached = getattr(application, "_author_ids", None)
    if cached is None:
        cached = set(application.authors.values_list("person_id", flat=True))
        application._author_ids = cached  # type: ignore[attr-defined]
    return cached


def is_author(actor: Any, application: InitiativeApplication) -> bool:
    """Return True when the actor's own person is an author of ``application``."""
    person_id = getattr(actor, "person_id", None)
    return _signed_in(actor) and person_id is not None and person_id in author_ids(application)


def is_filer(actor: Any, application: InitiativeApplication) -> bool:
    return _signed_in(actor) and application.filed_by_id == actor.pk


def is_party_user(user: Any, application: InitiativeApplication) -> bool:
    """Return True when the account ``user`` filed ``application`` or is linked to one of its
    authors: such a member neither scores it nor counts among the members who should."""
    if user.pk == application.filed_by_id:
        return True
    return user.person_id is not None and user.person_id in author_ids(application)


def seat_of(actor: Any, council: InitiativeCouncil | None) -> CouncilSeat | None:
    """Return the actor's seat on ``council``, or None."""
    if council is None or not _signed_in(actor):
        return None
    return CouncilSeat.objects.filter(council=council, user=actor).first()


# --- filing ---------------------------------------------------------------------------------


def can_file(actor: Any) -> bool:
    """Return True when the actor may start an application: a signed-in user placed in a unit
    who is linked to a person (files as an author) or heads the unit (files for its staff)."""
    if actor is None:
        return True
    if not _signed_in(actor) or actor.organization_id is None:
        return False
    return actor.person_id is not None or actor.role == Role.UNIT_HEAD


def files_for_staff(actor: Any) -> bool:
    """Return True when the actor may file without being an author (unit heads, the system)."""
    return actor is None or (_signed_in(actor) and actor.role == Role.UNIT_HEAD)


def ensure_can_file(actor: Any) -> None:
    if not can_file(actor):
        raise PermissionDeniedError(
            _(
                "Chỉ tác giả có tài khoản gắn với hồ sơ cá nhân, hoặc thủ trưởng đơn vị, "
                "được lập đơn yêu cầu công nhận sáng kiến."
            )
        )


def can_edit(actor: Any, application: InitiativeApplication) -> bool:
    """Return True when the actor may change or submit the draft (its filer only)."""
    if application.state != ApplicationState.DRAFT:
        return False
    return actor is None or is_filer(actor, application)


def ensure_can_edit(actor: Any, application: InitiativeApplication) -> None:
    if not (actor is None or is_filer(actor, application)):
        raise PermissionDeniedError(_("Chỉ người lập đơn được sửa và nộp đơn."))


# --- reading --------------------------------------------------------------------------------


def can_see_application(actor: Any, application: InitiativeApplication) -> bool:
    """Return True for the officer, the filer, the authors and the members of its session."""
    if is_officer(actor):
        return True
    if is_filer(actor, application) or is_author(actor, application):
        return True
    return seat_of(actor, application.council) is not None


def can_see_council(actor: Any, council: InitiativeCouncil) -> bool:
    return is_officer(actor) or seat_of(actor, council) is not None


# --- the officer ----------------------------------------------------------------------------


def ensure_officer(actor: Any) -> None:
    if not is_officer(actor):
        raise PermissionDeniedError(_("Chỉ cán bộ thi đua – khen thưởng được làm việc này."))


# --- members and chair ----------------------------------------------------------------------


def can_score(actor: Any, application: InitiativeApplication) -> bool:
    """Return True when the actor sits on the application's open session and neither wrote
    nor filed it (an author never scores their own initiative, nor the unit head who filed it)."""
    council = application.council
    if council is None or council.state != CouncilState.OPEN:
        return False
    if application.state != ApplicationState.IN_REVIEW:
        return False
    if actor is None:
        return True
    if is_author(actor, application) or is_filer(actor, application):
        return False
    return seat_of(actor, council) is not None


def ensure_can_score(actor: Any, application: InitiativeApplication) -> None:
    if actor is None:
        return
    if seat_of(actor, application.council) is None:
        raise PermissionDeniedError(_("Chỉ thành viên Hội đồng của phiên xét được chấm điểm."))
    if is_author(actor, application):
        raise PermissionDeniedError(
            _("Thành viên là tác giả của sáng kiến không chấm điểm đơn của mình.")
        )
    if is_filer(actor, application):
        raise PermissionDeniedError(_("Thành viên đã lập đơn không chấm điểm đơn này."))


def is_chair(actor: Any, council: InitiativeCouncil) -> bool:
    seat = seat_of(actor, council)
    return actor is None or (seat is not None and seat.is_chair)


def ensure_chair(actor: Any, council: InitiativeCouncil) -> None:
    if not is_chair(actor, council):
        raise PermissionDeniedError(_("Chỉ Chủ tịch Hội đồng được kết thúc phiên xét."))
