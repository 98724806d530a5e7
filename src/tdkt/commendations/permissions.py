"""Who may change which part of the archive, the rounds and the proposals.

One predicate (``can_*``) and one refusal (``ensure_*``) per kind of write, as in
``tdkt.organizations.permissions``: services call the ``ensure_*`` first; screens call it right
after reading the object and before reading the input, so a user who may read but not change
gets 403 whatever they sent (docs/decisions/0013); templates show a button only when the
matching ``can_*`` is true.

* The archive of awards, initiatives and disciplines is the Board's record of legal acts:
  only board-wide writers (emulation officers, administrators) add to it. Yearly ratings are
  given by the units themselves, so a unit's writers may record those of their own people.
* Rounds are board-wide: officers open, edit and close them.
* A unit's writers (its head, an enterprise's representative) edit their own proposal while it
  is a draft, returned or recalled; officers may too (they help units). Appraisal is the
  officers' step, while the proposal is under appraisal.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer, is_board_writer, scope_for
from tdkt.commendations.constants import ProposalState
from tdkt.commendations.models import Proposal
from tdkt.commendations.workflow import EDITABLE_BY_UNIT
from tdkt.core.errors import ApplicationError, ErrorCode, PermissionDeniedError
from tdkt.organizations.models import Organization


def can_record_archive(actor: Any) -> bool:
    """Return True when the actor may add awards, initiatives and disciplines to the archive."""
    return is_board_writer(actor)


def ensure_can_record_archive(actor: Any) -> None:
    """Refuse (403) unless the actor may add to the archive."""
    ensure_board_writer(
        actor, _("Chỉ cán bộ thi đua – khen thưởng được ghi nhận vào hồ sơ lưu trữ.")
    )


def can_rate_in(actor: Any, path: str) -> bool:
    """Return True when the actor may record yearly ratings of an organisation at ``path``
    (or of the people working there)."""
    return scope_for(actor).can_write_path(path)


def ensure_can_rate_in(actor: Any, path: str) -> None:
    """Refuse (403) unless the actor may record ratings at ``path``."""
    if not can_rate_in(actor, path):
        raise PermissionDeniedError(_("Bạn không có quyền ghi xếp loại của đơn vị này."))


def can_manage_rounds(actor: Any) -> bool:
    """Return True when the actor may open, edit and close rounds."""
    return is_board_writer(actor)


def ensure_can_manage_rounds(actor: Any) -> None:
    """Refuse (403) unless the actor may open, edit and close rounds."""
    ensure_board_writer(actor, _("Chỉ cán bộ thi đua – khen thưởng được mở, sửa, đóng đợt xét."))


def can_propose_for(actor: Any, organization: Organization) -> bool:
    """Return True when the actor may write the proposal of ``organization``."""
    return scope_for(actor).can_write_path(organization.path)


def ensure_can_propose_for(actor: Any, organization: Organization) -> None:
    """Refuse (403) unless the actor may write the proposal of ``organization``."""
    if not can_propose_for(actor, organization):
        raise PermissionDeniedError(_("Bạn không có quyền lập đề nghị cho đơn vị này."))


def can_edit_proposal(actor: Any, proposal: Proposal) -> bool:
    """Return True when the actor may change the lines and dossier of ``proposal`` now."""
    return proposal.state in EDITABLE_BY_UNIT and can_propose_for(actor, proposal.organization)


def ensure_can_edit_proposal(actor: Any, proposal: Proposal) -> None:
    """Refuse (403) a writer outside the unit, then (conflict) a proposal no longer editable.

    A submitted proposal changes only through the workflow's transitions.
    """
    ensure_can_propose_for(actor, proposal.organization)
    if proposal.state not in EDITABLE_BY_UNIT:
        raise ApplicationError(
            _(
                "Đề nghị đang ở trạng thái “%(state)s”: chỉ sửa được khi đang soạn, bị trả lại "
                "hoặc đã rút lại."
            )
            % {"state": ProposalState(proposal.state).label},
            code=ErrorCode.CONFLICT,
        )


def can_appraise(actor: Any, proposal: Proposal) -> bool:
    """Return True when the actor may record the appraisal of the lines of ``proposal``."""
    return proposal.state == ProposalState.UNDER_APPRAISAL and is_board_writer(actor)


def ensure_can_appraise(actor: Any, proposal: Proposal) -> None:
    """Refuse (403) non-officers, then (conflict) a proposal that is not under appraisal."""
    ensure_board_writer(actor, _("Chỉ cán bộ thi đua – khen thưởng được thẩm định."))
    if proposal.state != ProposalState.UNDER_APPRAISAL:
        raise ApplicationError(
            _("Chỉ thẩm định được khi đề nghị đang ở bước thẩm định."), code=ErrorCode.CONFLICT
        )


def can_write_letters(actor: Any) -> bool:
    """Return True when the actor may draw up the Board's tờ trình to the City."""
    return is_board_writer(actor)
