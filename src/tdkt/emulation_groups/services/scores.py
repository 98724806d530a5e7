"""Score writes: a member's self-assessment with evidence, the leading member's review."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.uploads import check_upload
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.emulation_groups.constants import PledgeState
from tdkt.emulation_groups.models import Criterion, Evidence, Score
from tdkt.emulation_groups.permissions import ensure_acts_for, ensure_can_review
from tdkt.organizations.models import Organization

from .common import MAX_NOTE, lock_pledge, points_value, require_state, text_value

MAX_EVIDENCE_PER_SCORE = 10


def _stale() -> ConflictError:
    return ConflictError(_("Điểm vừa được người khác thay đổi. Hãy tải lại trang rồi làm lại."))


@transaction.atomic
def score_self_assess(
    *,
    actor: Any,
    criterion: Criterion,
    organization: Organization,
    points: Decimal | str,
    note: str = "",
    expected_version: int | None = None,
) -> Score:
    """Record (or correct, until reviewed) the member's own points on one criterion."""
    pledge = criterion.pledge
    ensure_acts_for(actor, pledge, organization)
    locked = lock_pledge(pledge)
    require_state(locked, PledgeState.OPEN, _("Giao ước không còn nhận tự chấm điểm."))
    if not locked.signatures.filter(organization=organization).exists():
        raise ApplicationError(_("Đơn vị cần ký giao ước trước khi tự chấm điểm."))
    value = points_value(points, "points", criterion.max_points)
    note = text_value(note, "note", required=False, limit=MAX_NOTE)
    score = (
        Score.objects.select_for_update()
        .filter(criterion=criterion, organization=organization)
        .first()
    )
    now = timezone.now()
    if score is None:
        if expected_version not in (None, 0):
            raise _stale()
        score = Score.objects.create(
            criterion=criterion,
            organization=organization,
            self_points=value,
            self_note=note,
            assessed_by=actor,
            assessed_at=now,
        )
        before: list[str | None] = [None, None]
    else:
        if expected_version is not None and score.version != expected_version:
            raise _stale()
        if score.reviewed_at is not None:
            raise ConflictError(_("Khối trưởng đã thẩm định điểm này, không tự sửa được nữa."))
        if score.self_points == value and score.self_note == note:
            return score
        before = [str(score.self_points), score.self_note]
        score.self_points, score.self_note = value, note
        score.assessed_by, score.assessed_at = actor, now
        score.version = F("version") + 1
        score.save(
            update_fields=["self_points", "self_note", "assessed_by", "assessed_at", "version"]
        )
        score.refresh_from_db(fields=["version"])
    record(
        event_type=AuditEventType.PLEDGE_SELF_ASSESSED,
        actor=actor,
        obj=locked,
        changes={
            "member": [None, organization.name],
            "criterion": [None, criterion.text],
            "points": [before[0], str(value)],
            "note": [before[1], note],
        },
    )
    return score


@transaction.atomic
def evidence_add(*, actor: Any, score: Score, name: str, data: bytes) -> Evidence:
    """Attach a file (PDF, Word, Excel, image; checked by its bytes) to a self-assessed score."""
    pledge = score.criterion.pledge
    ensure_acts_for(actor, pledge, score.organization)
    locked = lock_pledge(pledge)
    require_state(locked, PledgeState.OPEN, _("Giao ước không còn nhận minh chứng."))
    checked = check_upload(name, data)
    if score.evidence.count() >= MAX_EVIDENCE_PER_SCORE:
        raise ApplicationError(
            _("Mỗi tiêu chí có tối đa %(n)s tệp minh chứng.") % {"n": MAX_EVIDENCE_PER_SCORE}
        )
    evidence = Evidence(
        score=score,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
        uploaded_at=timezone.now(),
    )
    # Stored under a random name: the client's name is kept only in the row, cleaned.
    evidence.file.save(uuid.uuid4().hex, ContentFile(data), save=False)
    try:
        evidence.save()
        record(
            event_type=AuditEventType.PLEDGE_EVIDENCE_ADDED,
            actor=actor,
            obj=locked,
            changes={
                "member": [None, score.organization.name],
                "criterion": [None, score.criterion.text],
                "file": [None, checked.name],
            },
        )
    except Exception:
        evidence.file.delete(save=False)  # nothing half-written: no file without its row
        raise
    return evidence


@transaction.atomic
def score_review(
    *,
    actor: Any,
    score: Score,
    points: Decimal | str,
    reason: str = "",
    expected_version: int | None = None,
) -> Score:
    """Confirm or adjust a member's points as the leading member; a change needs a reason.

    The audit event keeps the points before and after, with the reason.
    """
    pledge = score.criterion.pledge
    ensure_can_review(actor, pledge)
    locked = lock_pledge(pledge)
    require_state(locked, PledgeState.OPEN, _("Giao ước không còn nhận thẩm định điểm."))
    current = Score.objects.select_for_update().select_related("criterion").get(pk=score.pk)
    if expected_version is not None and current.version != expected_version:
        raise _stale()
    value = points_value(points, "points", current.criterion.max_points)
    reason = text_value(reason, "reason", required=False, limit=MAX_NOTE)
    if value != current.self_points and not reason:
        message = _("Hãy nêu lý do điều chỉnh điểm.")
        raise ApplicationError(message, fields={"reason": [message]})
    before = str(current.points)
    current.reviewed_points, current.review_reason = value, reason
    current.reviewed_by, current.reviewed_at = actor, timezone.now()
    current.version = F("version") + 1
    current.save(
        update_fields=[
            "reviewed_points",
            "review_reason",
            "reviewed_by",
            "reviewed_at",
            "version",
        ]
    )
    current.refresh_from_db(fields=["version"])
    record(
        event_type=AuditEventType.PLEDGE_REVIEWED,
        actor=actor,
        obj=locked,
        changes={
            "member": [None, current.organization.name],
            "criterion": [None, current.criterion.text],
            "points": [before, str(value)],
            "reason": [None, reason],
        },
    )
    return current
