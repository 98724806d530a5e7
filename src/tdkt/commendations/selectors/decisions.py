"""Reads of decisions and their lines, scoped to the actor.

Board-wide readers (leaders, council members, officers, administrators) see every decision,
drafts included, with all its lines. Everyone else sees only signed decisions that hold a
line proposed by a unit of their scope, and only those lines: a unit learns the outcome of
its own proposals, not the names of other units' people. A decision outside the scope
answers exactly like a missing one (404).

``decisions_for_shell`` and ``decision_for_shell`` serve the ``tdkt decisions`` and ``tdkt
certificates`` commands: the shell user reads the database directly anyway, and the
contract (shared/contracts/decisions.md) has no user to scope by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.commendations.constants import AwardStatus, DecisionState, ProposalState
from tdkt.commendations.decision_access import can_read_all_decisions
from tdkt.commendations.models import Award, Decision, ProposalLine, Round
from tdkt.commendations.selectors.lines import AFTER_VOTE, undecided_lines

LINE_SCOPE = "proposal_line__proposal__organization__path"
NOT_FOUND = "Không tìm thấy quyết định."


def _lines_in_scope(actor: Any) -> QuerySet[Award]:
    return scoped(Award.objects.all(), actor, path_field=LINE_SCOPE)


def _seen_lines(actor: Any) -> Q:
    """The filter of a decision's lines the actor may see (for counting over ``awards``)."""
    if can_read_all_decisions(actor):
        return Q()
    return scope_for(actor).q(f"awards__{LINE_SCOPE}")


def _with_counts(qs: QuerySet[Decision], seen: Q) -> QuerySet[Decision]:
    """Count lines by kind, revoked lines and the money, over the lines ``seen`` keeps."""
    return qs.annotate(
        line_count=Count("awards", filter=seen, distinct=True),
        collective_count=Count(
            "awards", filter=seen & Q(awards__organization__isnull=False), distinct=True
        ),
        individual_count=Count(
            "awards", filter=seen & Q(awards__person__isnull=False), distinct=True
        ),
        revoked_count=Count(
            "awards", filter=seen & Q(awards__status=AwardStatus.REVOKED), distinct=True
        ),
        total_prize=Sum("awards__prize_vnd", filter=seen),
    )


def decision_list(*, actor: Any, year: int | None = None) -> QuerySet[Decision]:
    """Return the decisions the actor may read (newest first), with their counts."""
    qs = Decision.objects.select_related("round")
    if not can_read_all_decisions(actor):
        mine = _lines_in_scope(actor).filter(decision=OuterRef("pk"))
        qs = qs.filter(state=DecisionState.SIGNED).filter(Exists(mine))
    if year is not None:
        qs = qs.filter(year=year)
    return _with_counts(qs, _seen_lines(actor)).order_by("-year", "state", "-number", "-created_at")


def decision_years(*, actor: Any) -> list[int]:
    """Return the years that have decisions the actor may read, newest first."""
    return sorted({d.year for d in decision_list(actor=actor)}, reverse=True)


def _visible(actor: Any, decision: Decision) -> bool:
    if can_read_all_decisions(actor):
        return True
    if decision.state != DecisionState.SIGNED:
        return False
    return _lines_in_scope(actor).filter(decision=decision).exists()


def decision_get(*, actor: Any, uuid: UUID | str) -> Decision:
    """Return one decision the actor may read; otherwise "not found" (404)."""
    return get_visible(
        Decision.objects.select_related("round", "signer"),
        uuid=uuid,
        visible=lambda decision: _visible(actor, decision),
        message=_(NOT_FOUND),
    )


def decision_lines(*, actor: Any, decision: Decision) -> list[Award]:
    """Return the lines of a decision the actor may see, in the order of the attached list.

    The caller has read ``decision`` through ``decision_get``.
    """
    qs = decision.awards.select_related(
        "person", "organization", "proposal_line__proposal__organization"
    ).order_by("list_position", "id")
    if not can_read_all_decisions(actor):
        qs = scoped(qs, actor, path_field=LINE_SCOPE).filter(
            status__in=[AwardStatus.GRANTED, AwardStatus.REVOKED]
        )
    return list(qs)


def award_get(*, actor: Any, uuid: UUID | str) -> Award:
    """Return one line of a decision the actor may see (its certificate, its revocation)."""

    def visible(award: Award) -> bool:
        if can_read_all_decisions(actor):
            return True
        if award.status == AwardStatus.DRAFT or award.proposal_line is None:
            return False
        return scope_for(actor).covers_path(award.proposal_line.proposal.organization.path)

    return get_visible(
        Award.objects.select_related(
            "decision", "person", "organization", "proposal_line__proposal__organization"
        ).filter(decision__isnull=False),
        uuid=uuid,
        visible=visible,
        message=_("Không tìm thấy khen thưởng."),
    )


@dataclass(frozen=True)
class DraftableRound:
    """A round with approved lines that no decision holds yet."""

    round: Round
    undecided: int


def draftable_rounds(*, actor: Any) -> list[DraftableRound]:
    """Return the rounds whose approved lines are not all decided (board-wide readers)."""
    if not can_read_all_decisions(actor):
        return []
    rounds = Round.objects.filter(proposals__state__in=AFTER_VOTE).distinct().order_by("-year")
    found = [DraftableRound(r, undecided_lines(r).count()) for r in rounds]
    return [item for item in found if item.undecided]


def round_for_decisions(*, actor: Any, uuid: UUID | str) -> Round:
    """Return a round for drafting or publishing (board-wide readers only, else 404)."""
    return get_visible(
        Round.objects.all(),
        uuid=uuid,
        visible=lambda _round: can_read_all_decisions(actor),
        message=_("Không tìm thấy đợt xét."),
    )


def round_undecided_lines(*, actor: Any, round_: Round) -> list[Any]:
    """Return the round's approved lines in no decision yet (board-wide readers)."""
    if not can_read_all_decisions(actor):
        return []
    return list(undecided_lines(round_).select_related("proposal__round"))


def voted_proposal_count(round_: Round) -> int:
    """Return how many proposals of the round wait for publication (state ``voted``)."""
    return round_.proposals.filter(state=ProposalState.VOTED).count()


# --- the command line (trusted shell, contract shared/contracts/decisions.md) ----------------

NUMBER = re.compile(r"^\s*0*(\d{1,6})(?:\s*/\s*(\S+))?\s*$")


def decisions_for_shell(*, year: int) -> QuerySet[Decision]:
    """Return every decision dated in ``year`` (drafts by the year they were drafted)."""
    qs = Decision.objects.filter(year=year).select_related("round")
    return _with_counts(qs, Q()).order_by("state", "number", "created_at")


def decision_for_shell(*, year: int, number: str) -> Decision | None:
    """Return the decision numbered ``number`` ("125" or "125/QĐ-BQL") in ``year``."""
    match = NUMBER.match(number)
    if match is None:
        return None
    qs = Decision.objects.filter(year=year, number=int(match.group(1)), state=DecisionState.SIGNED)
    if match.group(2):
        qs = qs.filter(series=match.group(2))
    return qs.select_related("round").first()


def shell_lines(decision: Decision) -> list[Award]:
    """Return every line of a decision, in list order (the command line sees everything)."""
    return list(
        decision.awards.select_related("person", "organization").order_by("list_position", "id")
    )


def proposal_line_for_decisions(*, actor: Any, uuid: UUID | str) -> ProposalLine:
    """Return a proposal line for withdrawal (board-wide readers only, else 404)."""
    return get_visible(
        ProposalLine.objects.select_related(
            "proposal__round", "proposal__organization", "person", "organization"
        ),
        uuid=uuid,
        visible=lambda _line: can_read_all_decisions(actor),
        message=_("Không tìm thấy dòng đề nghị."),
    )


def signed_decisions(*, actor: Any, year: int | None = None) -> QuerySet[Decision]:
    """Return the signed decisions the actor may read (for a payment's decision)."""
    qs = decision_list(actor=actor, year=year).filter(state=DecisionState.SIGNED)
    return qs.order_by("-decided_on", "-number")


def signed_decision_get(*, actor: Any, uuid: UUID | str) -> Decision:
    """Return a signed decision the actor may read, else "not found"."""
    return get_visible(
        Decision.objects.filter(state=DecisionState.SIGNED),
        uuid=uuid,
        visible=lambda decision: _visible(actor, decision),
        message=_(NOT_FOUND),
    )
