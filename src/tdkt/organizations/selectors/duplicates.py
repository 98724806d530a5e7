"""Reads of the duplicates to review: the officers' list (decision 0036)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, is_board_writer
from tdkt.organizations.models import DuplicateReview, DuplicateReviewStatus


def duplicate_review_list(
    *, actor: Any, status: str = DuplicateReviewStatus.OPEN
) -> QuerySet[DuplicateReview]:
    """Return the duplicates to review with ``status``, newest first; none for anyone but the
    officers, who see every person anyway (so the match reveals nothing to them)."""
    if not is_board_writer(actor):
        return DuplicateReview.objects.none()
    return (
        DuplicateReview.objects.filter(status=status)
        .select_related("person", "organization", "reported_by", "resolved_by")
        .order_by("-reported_at", "-id")
    )


def duplicate_review_get(*, actor: Any, uuid: UUID | str) -> DuplicateReview:
    """Return one duplicate to review; "not found" (404) for anyone but the officers."""
    return get_visible(
        DuplicateReview.objects.select_related(
            "person", "organization", "reported_by", "resolved_by"
        ),
        uuid=uuid,
        visible=lambda review: is_board_writer(actor),
        message=_("Không tìm thấy trường hợp trùng số CCCD này."),
    )
