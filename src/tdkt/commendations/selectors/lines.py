"""Which proposal lines the council approved: the one definition publication and decisions use.

A line is approved when it is still on the list (not withdrawn), the appraisal found it
eligible, and every council vote held on it passed. A line put to no ballot (a form that
needs none, such as Giấy khen) follows the council's conclusion on the proposal as a whole,
which the proposal's ``voted`` state records (docs/decisions/0522).

These are system reads used by services and by the scoped selectors; they filter nothing by
actor themselves.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from tdkt.commendations.constants import AppraisalVerdict, ProposalState
from tdkt.commendations.models import Award, ProposalLine, Round, SessionItem

# States in which a proposal's approved lines may be published or decided.
AFTER_VOTE = (ProposalState.VOTED, ProposalState.PUBLISHED, ProposalState.DECIDED)


def approved_lines(
    round_: Round, *, states: tuple[str, ...] = AFTER_VOTE
) -> QuerySet[ProposalLine]:
    """Return the approved lines of the round's proposals in ``states``, in list order."""
    not_passed = SessionItem.objects.filter(line=OuterRef("pk")).filter(
        Q(passed=False) | Q(passed__isnull=True)
    )
    return (
        ProposalLine.objects.filter(
            proposal__round=round_,
            proposal__state__in=states,
            withdrawn=False,
            appraisal=AppraisalVerdict.ELIGIBLE,
        )
        .exclude(Exists(not_passed))
        .select_related("proposal__organization", "person", "organization__parent")
        .order_by("proposal__organization__path", "position", "id")
    )


def undecided_lines(round_: Round) -> QuerySet[ProposalLine]:
    """Return the approved lines of a round that are in no decision yet (draft or signed)."""
    has_award = Award.objects.filter(proposal_line=OuterRef("pk"))
    return approved_lines(round_).exclude(Exists(has_award))
