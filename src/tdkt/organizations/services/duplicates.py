"""The duplicate-CCCD rule: one person, one record, without revealing who is registered.

Decision 0036. A CCCD that belongs to a person the actor may see is named plainly; one that
belongs to a person outside the actor's scope is not: the actor is told only that the record
cannot be created, and the attempt goes to the officers as a ``DuplicateReview`` with the
match, audited. The person services and the people import both call ``citizen_id_conflicts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import PendingEvent, record, record_many
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.core.text import clean_text
from tdkt.core.versions import public_value
from tdkt.organizations.models import (
    DuplicateContext,
    DuplicateReview,
    DuplicateReviewStatus,
    Organization,
    Person,
)
from tdkt.organizations.permissions import ensure_can_review_duplicates
from tdkt.organizations.selectors import person_list


@dataclass(frozen=True)
class CitizenIdClaim:
    """Someone wants to record a person under ``citizen_id`` (a form, an API call, a row of a
    file); ``key`` is the caller's handle on it (a row number), ``submitted`` what was typed."""

    key: Any
    citizen_id: str
    submitted: Mapping[str, Any] = field(default_factory=dict)
    organization: Organization | None = None
    exclude_pk: int | None = None  # the person being edited, who may keep their own number


@dataclass(frozen=True)
class Conflict:
    """The CCCD of a claim belongs to another person: ``message`` is what the caller shows on
    the field; ``routed`` is True when that person is hidden from the actor and the claim went
    to the officers (the message then names no one)."""

    message: str
    routed: bool


def refusal_message(context: str) -> str:
    """Return what the actor is told when the number belongs to someone they may not see."""
    if context == DuplicateContext.UPDATE:
        return _(
            "Không thể lưu số CCCD này cho hồ sơ. Yêu cầu đã được chuyển cho cán bộ thi đua – "
            "khen thưởng để kiểm tra."
        )
    return _(
        "Không thể tạo hồ sơ với số CCCD này. Yêu cầu đã được chuyển cho cán bộ thi đua – khen "
        "thưởng để kiểm tra."
    )


def citizen_id_conflicts(
    *, actor: Any, claims: Sequence[CitizenIdClaim], context: str
) -> dict[Any, Conflict]:
    """Return, by claim key, the conflict of each claim whose number already belongs to
    another person; route those the actor may not see to the officers.

    Call it on a submission that is otherwise valid (so that nothing but a complete record
    is ever looked up), and outside the transaction of a write that will be refused: the
    reviews and their audit events are written here, in one step, and must stay.
    """
    wanted = {claim.citizen_id for claim in claims if claim.citizen_id}
    if not wanted:
        return {}
    owners = {p.citizen_id: p for p in Person.objects.filter(citizen_id__in=wanted)}
    matched = [(c, owners[c.citizen_id]) for c in claims if c.citizen_id in owners]
    matched = [(c, p) for c, p in matched if p.pk != c.exclude_pk]
    if not matched:
        return {}
    visible = set(
        person_list(actor=actor)
        .prefetch_related(None)
        .filter(pk__in={p.pk for _, p in matched})
        .values_list("pk", flat=True)
    )
    conflicts: dict[Any, Conflict] = {}
    hidden: list[tuple[CitizenIdClaim, Person]] = []
    for claim, person in matched:
        if person.pk in visible:
            conflicts[claim.key] = Conflict(_("Số CCCD đã có trong hệ thống."), routed=False)
        else:
            conflicts[claim.key] = Conflict(refusal_message(context), routed=True)
            hidden.append((claim, person))
    if hidden:
        _open_reviews(actor, hidden, context)
    return conflicts


def _open_reviews(actor: Any, hidden: list[tuple[CitizenIdClaim, Person]], context: str) -> None:
    now = timezone.now()
    reviews = [
        DuplicateReview(
            citizen_id=claim.citizen_id,
            person=person,
            organization=claim.organization,
            submitted={key: public_value(value) for key, value in claim.submitted.items()},
            context=context,
            reported_by=actor,
            reported_at=now,
        )
        for claim, person in hidden
    ]
    with transaction.atomic():
        DuplicateReview.objects.bulk_create(reviews)
        record_many(
            [
                PendingEvent(
                    AuditEventType.PERSON_DUPLICATE_REPORTED,
                    actor,
                    review,
                    {
                        "citizen_id": [None, review.citizen_id],
                        "person": [None, review.person.pk],
                        "organization": [None, getattr(review.organization, "pk", None)],
                        "context": [None, review.context],
                    },
                )
                for review in reviews
            ]
        )


@transaction.atomic
def duplicate_review_resolve(
    *, actor: Any, review: DuplicateReview, resolution: str
) -> DuplicateReview:
    """Close a duplicate to review with what the officer found and did (a transfer made, a
    typing error corrected with the unit, a number reported as forged…)."""
    ensure_can_review_duplicates(actor)
    review = DuplicateReview.objects.select_for_update().get(pk=review.pk)
    if review.status == DuplicateReviewStatus.RESOLVED:
        raise ConflictError(_("Mục này đã được xử lý."))
    text = clean_text(resolution or "", multiline=True)
    if not text:
        raise ApplicationError(
            _("Ghi kết quả xử lý."), fields={"resolution": [_("Bắt buộc nhập.")]}
        )
    review.status = DuplicateReviewStatus.RESOLVED
    review.resolved_by = actor
    review.resolved_at = timezone.now()
    review.resolution = text
    review.save(update_fields=["status", "resolved_by", "resolved_at", "resolution"])
    record(
        event_type=AuditEventType.PERSON_DUPLICATE_RESOLVED,
        actor=actor,
        obj=review,
        changes={"status": [DuplicateReviewStatus.OPEN, review.status], "resolution": [None, text]},
    )
    return review
