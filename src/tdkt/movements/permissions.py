"""Who may do what with movements and registrations: one predicate and one refusal per act.

* Emulation officers and administrators (board-wide writers) create, edit, launch, review and
  close movements, score them, open registration campaigns and approve any sheet.
* A unit's writers (its head, an enterprise's representative) acknowledge a launch for their
  unit and prepare and submit their unit's registration sheet.
* A sheet is approved or returned by a writer of the level above: a unit head approves the
  sheets of the units under theirs, never their own (decision 0604).

Services call the ``ensure_*`` refusals first; screens call them right after the lookup and
before reading the input (403 before validation, decision 0013); templates show a button only
when the ``can_*`` predicate holds.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.core.errors import PermissionDeniedError
from tdkt.movements.models import Participant, RegistrationSheet
from tdkt.organizations.models import Organization


def parent_path(path: str) -> str:
    """Return the materialised path of the parent of the organisation at ``path`` ("" for a
    root): "/1/4/9/" → "/1/4/"."""
    trimmed = path.rstrip("/")
    return trimmed[: trimmed.rfind("/") + 1] if trimmed.count("/") > 1 else ""


def can_manage_movements(actor: Any) -> bool:
    """Return True when the actor may create, edit, launch, score and close movements."""
    return is_board_writer(actor)


def ensure_can_manage_movements(actor: Any) -> None:
    """Refuse (403) unless the actor may manage movements."""
    if not can_manage_movements(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được quản lý phong trào thi đua.")
        )


def can_acknowledge(actor: Any, participant: Participant) -> bool:
    """Return True when the actor may acknowledge the launch for this participating unit."""
    return scope_for(actor).can_write_path(participant.organization.path)


def ensure_can_acknowledge(actor: Any, participant: Participant) -> None:
    """Refuse (403) unless the actor writes for the participating unit."""
    if not can_acknowledge(actor, participant):
        raise PermissionDeniedError(_("Bạn không xác nhận thay cho đơn vị này được."))


def can_manage_registration(actor: Any) -> bool:
    """Return True when the actor may open and close the yearly registration campaigns."""
    return is_board_writer(actor)


def ensure_can_manage_registration(actor: Any) -> None:
    """Refuse (403) unless the actor may open and close registration campaigns."""
    if not can_manage_registration(actor):
        raise PermissionDeniedError(
            _("Chỉ cán bộ thi đua – khen thưởng được mở, đóng đợt đăng ký thi đua.")
        )


def can_prepare_sheet(actor: Any, organization: Organization) -> bool:
    """Return True when the actor may prepare and submit the registration of ``organization``."""
    return scope_for(actor).can_write_path(organization.path)


def ensure_can_prepare_sheet(actor: Any, organization: Organization) -> None:
    """Refuse (403) unless the actor writes for ``organization``."""
    if not can_prepare_sheet(actor, organization):
        raise PermissionDeniedError(
            _("Bạn không lập, sửa bản đăng ký thi đua của đơn vị này được.")
        )


def can_review_sheet(actor: Any, sheet: RegistrationSheet) -> bool:
    """Return True when the actor may approve or return ``sheet``: a board-wide writer, or a
    writer whose scope holds the unit's parent (the level above; never one's own sheet)."""
    if is_board_writer(actor):
        return True
    above = parent_path(sheet.organization.path)
    return bool(above) and scope_for(actor).can_write_path(above)


def ensure_can_review_sheet(actor: Any, sheet: RegistrationSheet) -> None:
    """Refuse (403) unless the actor may approve or return ``sheet``."""
    if not can_review_sheet(actor, sheet):
        raise PermissionDeniedError(
            _("Chỉ cấp trên của đơn vị được duyệt hoặc trả lại bản đăng ký thi đua.")
        )
