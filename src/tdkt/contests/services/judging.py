"""Writes of the judging: a juror's mark or declared conflict, the organiser's prizes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.contests.constants import MAX_POINTS, ContestState, PrizeRank
from tdkt.contests.models import Entry, Score
from tdkt.contests.permissions import (
    ensure_can_manage_contests,
    ensure_juror,
    excluded_automatically,
)
from tdkt.contests.selectors import contest_results, expected_jurors
from tdkt.core.errors import ConflictError

from .common import field_error, lock_contest, one_line


def _fresh(entry: Entry) -> Entry:
    """Return ``entry`` read again with its contest locked (the caller's copy may be old)."""
    fresh = Entry.objects.select_related("contest", "organization").get(pk=entry.pk)
    fresh.contest = lock_contest(fresh.contest)
    return fresh


def _ensure_judging(entry: Entry) -> None:
    if entry.contest.state != ContestState.JUDGING:
        raise ConflictError(_("Cuộc thi không ở bước chấm bài."))
    if entry.withdrawn_at is not None:
        raise ConflictError(_("Bài dự thi đã rút, không chấm."))


def complete(entry: Entry) -> bool:
    """True when every juror expected on ``entry`` has scored it (marks are then shown)."""
    scores = list(Score.objects.filter(entry=entry))
    expected = {j.pk for j in expected_jurors(entry.contest, entry, scores)}
    marked = {s.juror_id for s in scores if not s.conflict}
    return bool(expected) and expected <= marked


def reveal_if_complete(entry: Entry) -> bool:
    """Record when ``entry``'s marks are first shown (every expected juror has scored it):
    from then on they are final and a juror added later is not expected on it (decision
    0804). Return True when the marks are shown."""
    if entry.marks_revealed_at is not None:
        return True
    if not complete(entry):
        return False
    entry.marks_revealed_at = timezone.now()
    Entry.objects.filter(pk=entry.pk).update(marks_revealed_at=entry.marks_revealed_at)
    return True


def _points(value: Any) -> Decimal:
    try:
        points = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        points = Decimal(-1)
    if not points.is_finite() or not Decimal(0) <= points <= MAX_POINTS:
        raise field_error("points", _("Điểm từ 0 đến 100."))
    if points != points.quantize(Decimal("0.01")):
        raise field_error("points", _("Điểm lấy tối đa hai chữ số thập phân."))
    return points


@transaction.atomic
def score_set(*, actor: Any, entry: Entry, points: Any, note: str = "") -> Score:
    """Record the juror's mark of ``entry`` (0–100). A juror may correct their mark until
    every expected juror has scored the entry; then the marks are shown and final."""
    ensure_juror(actor, entry.contest)
    entry = _fresh(entry)
    _ensure_judging(entry)
    if excluded_automatically(actor, entry):
        raise ConflictError(
            _("Bạn ở phía gửi bài hoặc là nhân vật của bài này: bạn không chấm bài này.")
        )
    value = _points(points)
    note = one_line(note)[:500]
    existing = Score.objects.filter(entry=entry, juror=actor).first()
    if existing is not None and existing.conflict:
        raise ConflictError(_("Bạn đã xin không chấm bài này."))
    if existing is None and entry.marks_revealed_at is not None:
        raise ConflictError(_("Điểm của bài này đã được công khai: bạn không chấm bài này."))
    if existing is not None and reveal_if_complete(entry):
        raise ConflictError(_("Ban giám khảo đã chấm đủ bài này: điểm không sửa được nữa."))
    before = existing.points if existing is not None else None
    if existing is None:
        score = Score.objects.create(entry=entry, juror=actor, points=value, note=note)
    else:
        existing.points, existing.note = value, note
        existing.save(update_fields=["points", "note", "updated_at"])
        score = existing
    record(
        event_type=AuditEventType.CONTEST_SCORE_SET,
        actor=actor,
        obj=entry,
        changes={"points": [before, value], **({"note": [None, note]} if note else {})},
    )
    reveal_if_complete(entry)
    return score


@transaction.atomic
def conflict_declare(*, actor: Any, entry: Entry, reason: str) -> Score:
    """Record that the juror will not score ``entry`` (conflict of interest), with the reason;
    the entry then expects one mark fewer."""
    ensure_juror(actor, entry.contest)
    entry = _fresh(entry)
    _ensure_judging(entry)
    reason = one_line(reason)[:500]
    if not reason:
        raise field_error("reason", _("Cần ghi lý do xin không chấm."))
    if Score.objects.filter(entry=entry, juror=actor).exists():
        raise ConflictError(_("Bạn đã chấm hoặc đã xin không chấm bài này."))
    if excluded_automatically(actor, entry):
        raise ConflictError(
            _("Bạn ở phía gửi bài hoặc là nhân vật của bài này: bạn đã được miễn chấm bài này.")
        )
    if entry.marks_revealed_at is not None:
        raise ConflictError(_("Điểm của bài này đã được công khai: bạn không chấm bài này."))
    score = Score.objects.create(entry=entry, juror=actor, conflict=True, note=reason)
    record(
        event_type=AuditEventType.CONTEST_CONFLICT_DECLARED,
        actor=actor,
        obj=entry,
        changes={"reason": [None, reason]},
    )
    reveal_if_complete(entry)
    return score


@transaction.atomic
def entry_prize_set(*, actor: Any, entry: Entry, prize: str) -> Entry:
    """Give ``entry`` the prize ``prize`` (or none with ""), within the contest's number of
    prizes of that rank; only a fully scored entry may win."""
    ensure_can_manage_contests(actor)
    locked = _fresh(entry)
    contest = locked.contest
    _ensure_judging(locked)
    if prize and prize not in PrizeRank.values:
        raise field_error("prize", _("Chọn một giải."))
    if prize:
        row = next(
            (
                r
                for r in contest_results(actor=None, contest=contest).rows
                if r.entry.pk == locked.pk
            ),
            None,
        )
        if row is None or not row.complete:
            raise ConflictError(_("Bài chưa được ban giám khảo chấm đủ: chưa trao giải được."))
        given_out = Entry.objects.filter(contest=contest, prize=prize).exclude(pk=locked.pk).count()
        limit = contest.prize_count(prize)
        if given_out >= limit:
            raise field_error(
                "prize",
                _("Cuộc thi chỉ có %(n)s %(prize)s, đã trao đủ.")
                % {"n": limit, "prize": str(PrizeRank(prize).label).lower()},
            )
    if locked.prize == prize:
        return locked
    before = locked.prize
    locked.prize = prize
    locked.save(update_fields=["prize"])
    record(
        event_type=AuditEventType.CONTEST_PRIZE_SET,
        actor=actor,
        obj=locked,
        changes={"prize": [before or None, prize or None]},
    )
    return locked
