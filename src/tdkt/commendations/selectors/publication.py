"""Reads of publications: the published list of a round, its comments, what may be published.

Publications are worked by the Board's staff: board-wide readers see them, others get "not
found" (a unit follows its own proposals on the proposal pages).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible
from tdkt.commendations.constants import AppraisalVerdict, ProposalState
from tdkt.commendations.decision_access import can_read_all_decisions
from tdkt.commendations.models import (
    ProposalLine,
    Publication,
    PublicationComment,
    Round,
    SessionItem,
)
from tdkt.core.errors import NotFoundError

NOT_FOUND = "Không tìm thấy thông báo công khai."


def publication_list(*, actor: Any) -> QuerySet[Publication]:
    """Return every publication, newest first (board-wide readers; nothing for others)."""
    qs = Publication.objects.select_related("round")
    if not can_read_all_decisions(actor):
        return qs.none()
    return qs.order_by("-starts_on", "-id")


def publication_get(*, actor: Any, uuid: UUID | str) -> Publication:
    """Return one publication the actor may read; otherwise "not found" (404)."""
    return get_visible(
        Publication.objects.select_related("round"),
        uuid=uuid,
        visible=lambda _p: can_read_all_decisions(actor),
        message=_(NOT_FOUND),
    )


def publication_lines(publication: Publication) -> list[ProposalLine]:
    """Return the lines of the published list (withdrawn ones too, to show why).

    The caller has read ``publication`` through ``publication_get``.
    """
    failed = SessionItem.objects.filter(line=OuterRef("pk")).filter(
        Q(passed=False) | Q(passed__isnull=True)
    )
    comments = PublicationComment.objects.filter(publication=publication).order_by(
        "received_on", "id"
    )
    return list(
        ProposalLine.objects.filter(
            proposal__round=publication.round,
            proposal__state__in=[ProposalState.PUBLISHED, ProposalState.DECIDED],
            appraisal=AppraisalVerdict.ELIGIBLE,
        )
        .exclude(Exists(failed))
        .select_related("proposal__organization", "person", "organization")
        .prefetch_related(Prefetch("comments", queryset=comments, to_attr="published_comments"))
        .order_by("proposal__organization__path", "position", "id")
    )


def publication_line_get(*, actor: Any, publication: Publication, uuid: UUID | str) -> ProposalLine:
    """Return a line of the published list by its public id, or "not found"."""
    for line in publication_lines(publication):
        if str(line.uuid) == str(uuid):
            return line
    raise NotFoundError(_("Không tìm thấy dòng trong danh sách công khai."))


def publication_comment_get(
    *, actor: Any, publication: Publication, comment_id: int
) -> PublicationComment:
    """Return a comment of a publication, or "not found"."""
    comment = (
        PublicationComment.objects.filter(publication=publication, pk=comment_id)
        .select_related("line", "publication")
        .first()
    )
    if comment is None or not can_read_all_decisions(actor):
        raise NotFoundError(_("Không tìm thấy ý kiến."))
    return comment


def publishable_rounds(*, actor: Any) -> QuerySet[Round]:
    """Return the rounds with proposals voted and not yet published (board-wide readers)."""
    if not can_read_all_decisions(actor):
        return Round.objects.none()
    return (
        Round.objects.filter(proposals__state=ProposalState.VOTED)
        .distinct()
        .order_by("-year", "-created_at")
    )
