"""The hook from a published ranking to the commendation workflow.

The top members of a published ranking are proposed, through the workflow's own
``proposal_lines_add``, for the block's emulation flag or Bằng khen in an open round, each
with its position and total as the achievement. Only members the actor may propose for are
added (a block's other members propose through their own bodies).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.models import Round
from tdkt.commendations.permissions import can_propose_for
from tdkt.commendations.services.proposals import LineInput, proposal_lines_add
from tdkt.core.errors import ApplicationError
from tdkt.emulation_groups.constants import PledgeState
from tdkt.emulation_groups.models import Pledge
from tdkt.emulation_groups.permissions import ensure_can_manage_pledge
from tdkt.emulation_groups.scoring import pledge_ranking
from tdkt.organizations.models import Organization
from tdkt.rules.codes import GOVERNMENT_FLAG, PROVINCIAL_COMMENDATION, PROVINCIAL_FLAG

# Collective titles and forms a block's ranking leads to (legal-rules §7).
BLOCK_CODES = (PROVINCIAL_FLAG, GOVERNMENT_FLAG, PROVINCIAL_COMMENDATION)


@transaction.atomic
def ranking_propose(
    *, actor: Any, pledge: Pledge, round: Round, code: str, top: int
) -> list[Organization]:
    """Propose the first ``top`` members of the published ranking for ``code`` in ``round``.

    Return the members added; refuse when none of them is the actor's to propose.
    """
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    if pledge.state != PledgeState.PUBLISHED:
        raise ApplicationError(_("Chỉ đề nghị khen thưởng khi đã công bố kết quả xếp hạng."))
    if code not in BLOCK_CODES:
        raise ApplicationError(_("Hình thức không hợp lệ."), fields={"code": [_("Chọn lại.")]})
    placements = pledge_ranking(pledge)
    if not 1 <= top <= len(placements):
        message = _("Số thành viên dẫn đầu phải từ 1 đến %(n)s.") % {"n": len(placements)}
        raise ApplicationError(message, fields={"top": [message]})
    leaders = {p.member.key: p for p in placements[:top]}
    orgs = [
        org
        for org in Organization.objects.filter(pk__in=leaders).order_by("path")
        if can_propose_for(actor, org)
    ]
    if not orgs:
        raise ApplicationError(_("Không có thành viên dẫn đầu nào thuộc phạm vi đề nghị của bạn."))
    for org in orgs:
        placement = leaders[org.pk]
        achievement = _(
            "Xếp thứ %(position)s/%(count)s %(group)s năm %(year)s, tổng điểm %(total)s."
        ) % {
            "position": placement.position,
            "count": len(placements),
            "group": pledge.group.name,
            "year": pledge.year,
            "total": placement.member.total,
        }
        proposal_lines_add(
            actor=actor,
            round=round,
            organization=org,
            lines=[LineInput(organization=org, code=code, achievement=achievement)],
        )
    record(
        event_type=AuditEventType.PLEDGE_PROPOSED,
        actor=actor,
        obj=pledge,
        changes={
            "round": [None, round.pk],
            "code": [None, code],
            "members": [None, [o.name for o in orgs]],
        },
    )
    return orgs
