"""What waits for the user in the commendation workflow: the dashboard's "Việc cần làm".

One short list per role, each item a count and the page where the work is done, so that a
unit head, an officer, a council member and a leader each land on what they may do now
(docs/decisions/0534). Every count goes through the same scoped reads as those pages: a
unit head's counts are their unit's proposals; an officer's are the Board's; a member's
ballots are the sessions of their own seats; only a leader is told about drafts to sign.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.commendations.constants import DecisionState, ProposalState, RoundState, SessionState
from tdkt.commendations.decision_access import can_sign_decisions
from tdkt.commendations.decision_texts import ISSUER_LEVEL_OF_CODE
from tdkt.commendations.models import Decision
from tdkt.commendations.selectors.council import my_sessions, sits_on_a_council
from tdkt.commendations.selectors.decisions import draftable_rounds
from tdkt.commendations.selectors.lines import undecided_lines
from tdkt.commendations.selectors.proposals import proposal_state_counts
from tdkt.commendations.selectors.publication import publishable_rounds
from tdkt.commendations.workflow import EDITABLE_BY_UNIT


@dataclass(frozen=True)
class WorkItem:
    """One kind of waiting work: what, how many, and the page to do it on."""

    label: str
    count: int
    url: str


def _proposals_url(state: str) -> str:
    return f"{reverse('commendations:proposal-list')}?state={state}"


def _unit_work(actor: Any) -> list[WorkItem]:
    in_open_rounds = proposal_state_counts(actor=actor, round_state=RoundState.OPEN)
    items = []
    for state in sorted(EDITABLE_BY_UNIT):
        count = in_open_rounds.get(state, 0)
        if count:
            label = {
                ProposalState.DRAFT: _("Đề nghị đang soạn, chưa gửi"),
                ProposalState.RETURNED: _("Đề nghị bị trả lại để bổ sung"),
                ProposalState.RECALLED: _("Đề nghị đơn vị đã rút lại"),
            }[ProposalState(state)]
            items.append(WorkItem(label, count, _proposals_url(state)))
    decided = proposal_state_counts(actor=actor).get(ProposalState.DECIDED, 0)
    if decided:
        items.append(
            WorkItem(
                _("Đề nghị đã có quyết định khen thưởng"),
                decided,
                reverse("commendations:decision-list"),
            )
        )
    return items


def _officer_work(actor: Any) -> list[WorkItem]:
    board = proposal_state_counts(actor=actor)
    items = []
    for state, label in (
        (ProposalState.SUBMITTED, _("Đề nghị mới gửi, chờ thẩm định")),
        (ProposalState.UNDER_APPRAISAL, _("Đề nghị đang thẩm định")),
    ):
        count = board.get(state, 0)
        if count:
            items.append(WorkItem(label, count, _proposals_url(state)))
    publish = publishable_rounds(actor=actor).count()
    if publish:
        items.append(
            WorkItem(
                _("Đợt xét có danh sách chờ công khai"),
                publish,
                reverse("commendations:publication-list"),
            )
        )
    # The Board decides its own titles and forms; the City's wait for a tờ trình instead.
    own = [code for code, level in ISSUER_LEVEL_OF_CODE.items() if level == "department"]
    draftable = sum(
        1
        for item in draftable_rounds(actor=actor)
        if undecided_lines(item.round).filter(code__in=own).exists()
    )
    if draftable:
        items.append(
            WorkItem(
                _("Đợt xét có danh sách chờ ra quyết định"),
                draftable,
                reverse("commendations:decision-list"),
            )
        )
    return items


def _council_work(actor: Any) -> list[WorkItem]:
    if not sits_on_a_council(actor):
        return []
    waiting = [
        s
        for s in my_sessions(actor=actor)
        if s.state == SessionState.VOTING
        and getattr(s, "i_present", False)
        and not getattr(s, "i_voted", True)
    ]
    if not waiting:
        return []
    return [
        WorkItem(
            _("Phiên họp Hội đồng chờ bạn bỏ phiếu"),
            len(waiting),
            reverse("commendations:council-list"),
        )
    ]


def _leader_work(actor: Any) -> list[WorkItem]:
    if not can_sign_decisions(actor):
        return []
    drafts = Decision.objects.filter(state=DecisionState.DRAFT).count()
    if not drafts:
        return []
    return [
        WorkItem(_("Dự thảo quyết định chờ ký"), drafts, reverse("commendations:decision-list"))
    ]


def work_for(*, actor: Any) -> list[WorkItem]:
    """The waiting work of ``actor`` in the commendation workflow, most urgent roles first."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return []
    items = _leader_work(actor) + _council_work(actor)
    if is_board_writer(actor):
        items += _officer_work(actor)
    elif scope_for(actor).can_write:
        items += _unit_work(actor)
    return items
