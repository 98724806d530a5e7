"""Reads of proposals, their lines, attachments and timeline, scoped by the proposing unit.

A proposal is visible to whoever may see its unit (``accounts.scopes``): the unit's head and
viewers, and board-wide readers (officers, leaders, council members). A unit head never sees
another unit's proposal, its lines or its files: those answer 404 like a missing one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.commendations.constants import AppraisalVerdict, ProposalState
from tdkt.commendations.models import (
    Proposal,
    ProposalAttachment,
    ProposalLine,
    ProposalTransition,
    Round,
)
from tdkt.organizations.models import Employment, Organization
from tdkt.organizations.selectors.people import current_employment_q


def proposal_list(
    *,
    actor: Any,
    round: Round | None = None,
    organization: Organization | None = None,
    state: str = "",
) -> QuerySet[Proposal]:
    """Return the proposals of units in the actor's scope, with their line counts."""
    qs = scoped(Proposal.objects.all(), actor, path_field="organization__path")
    if round is not None:
        qs = qs.filter(round=round)
    if organization is not None:
        qs = qs.filter(organization__path__startswith=organization.path)
    if state:
        qs = qs.filter(state=state)
    return (
        qs.select_related("round", "organization")
        .annotate(
            line_count=Count("lines", filter=Q(lines__withdrawn=False), distinct=True),
            attachment_count=Count("attachments", distinct=True),
        )
        .order_by("-round__year", "round__name", "organization__path", "id")
    )


def proposal_state_counts(*, actor: Any, round_state: str = "") -> dict[str, int]:
    """Return how many proposals of the actor's scope are in each state (states with none
    are absent), optionally only in rounds in ``round_state``: one grouped count, for the
    dashboard's waiting work (``proposal_list`` joins and counts lines it does not need)."""
    qs = scoped(Proposal.objects.all(), actor, path_field="organization__path")
    if round_state:
        qs = qs.filter(round__state=round_state)
    rows = qs.order_by().values_list("state").annotate(n=Count("pk"))
    return {state: n for state, n in rows}


def _visible(actor: Any) -> Any:
    scope = scope_for(actor)
    return lambda proposal: scope.covers_path(proposal.organization.path)


def proposal_get(*, actor: Any, uuid: UUID | str) -> Proposal:
    """Return one proposal with its lines (recipients loaded), attachments and timeline."""
    lines = ProposalLine.objects.select_related("person", "organization").order_by("position", "id")
    steps = ProposalTransition.objects.select_related("actor").order_by("at", "id")
    qs = Proposal.objects.select_related("round", "organization").prefetch_related(
        Prefetch("lines", queryset=lines),
        Prefetch("attachments", queryset=ProposalAttachment.objects.order_by("kind", "id")),
        Prefetch("transitions", queryset=steps),
    )
    return get_visible(
        qs, uuid=uuid, visible=_visible(actor), message=_("Không tìm thấy đề nghị khen thưởng.")
    )


def proposal_for_unit(*, actor: Any, round: Round, organization: Organization) -> Proposal | None:
    """Return the unit's proposal in a round, if it has one and the actor may see it."""
    return (
        scoped(Proposal.objects.all(), actor, path_field="organization__path")
        .filter(round=round, organization=organization)
        .select_related("round", "organization")
        .first()
    )


def proposal_line_get(*, actor: Any, proposal: Proposal, uuid: UUID | str) -> ProposalLine:
    """Return a line of a proposal the actor has read (404 for a line of another proposal)."""
    return get_visible(
        ProposalLine.objects.filter(proposal=proposal).select_related(
            "person", "organization", "proposal"
        ),
        uuid=uuid,
        visible=lambda line: True,
        message=_("Không tìm thấy dòng đề nghị."),
    )


def attachment_get(*, actor: Any, uuid: UUID | str) -> ProposalAttachment:
    """Return an attachment when the actor may see its proposal; otherwise 404.

    The only way to a dossier file: the download view serves it after this check.
    """
    scope = scope_for(actor)
    return get_visible(
        ProposalAttachment.objects.select_related("proposal", "proposal__organization"),
        uuid=uuid,
        visible=lambda attachment: scope.covers_path(attachment.proposal.organization.path),
        message=_("Không tìm thấy tài liệu."),
    )


def round_lines(
    *,
    actor: Any,
    round: Round,
    codes: tuple[str, ...] | None = None,
    states: tuple[str, ...] | None = None,
    eligible_only: bool = False,
) -> QuerySet[ProposalLine]:
    """Return the lines (not withdrawn) of the round's proposals the actor may see."""
    qs = scoped(
        ProposalLine.objects.filter(proposal__round=round, withdrawn=False),
        actor,
        path_field="proposal__organization__path",
    )
    if codes is not None:
        qs = qs.filter(code__in=codes)
    if states is not None:
        qs = qs.filter(proposal__state__in=states)
    if eligible_only:
        qs = qs.filter(appraisal=AppraisalVerdict.ELIGIBLE)
    return qs.select_related("person", "organization__parent", "proposal__organization").order_by(
        "proposal__organization__path", "position", "id"
    )


def current_posts(people: Iterable[int] | QuerySet[Any]) -> dict[int, str]:
    """Return "position, unit" of each person's current post (the latest one if several).

    ``people`` are ids, or a query of ids, of people read through a scoped selector.
    """
    wanted = people if isinstance(people, QuerySet) else set(people)
    posts = (
        Employment.objects.filter(current_employment_q(timezone.localdate()), person__in=wanted)
        .order_by("person_id", "start_date")
        .values_list("person_id", "position", "organization__name")
    )
    return {pk: f"{position}, {unit}" if position else unit for pk, position, unit in posts}


AFTER_APPRAISAL = (
    ProposalState.AT_COUNCIL,
    ProposalState.VOTED,
    ProposalState.PUBLISHED,
    ProposalState.DECIDED,
)
