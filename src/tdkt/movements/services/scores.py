"""Writes of units' scores on a movement's criteria: typed in, or computed from data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.movements.constants import CriterionSource
from tdkt.movements.models import Criterion, CriterionScore, Movement
from tdkt.movements.permissions import ensure_can_manage_movements
from tdkt.movements.sources import SourceQuery, points_from_share, provider_for
from tdkt.movements.workflow import SCORING
from tdkt.organizations.models import Organization


@dataclass(frozen=True)
class ScoreInput:
    """What an officer enters for one criterion of one unit (points None: not scored)."""

    criterion: Criterion
    points: Decimal | None
    bonus: Decimal = Decimal(0)
    penalty: Decimal = Decimal(0)
    note: str = ""


def _lock_scoring(movement: Movement) -> Movement:
    locked = Movement.objects.select_for_update().get(pk=movement.pk)
    if locked.state not in SCORING:
        raise ConflictError(_("Chỉ chấm điểm khi phong trào đã phát động và chưa kết thúc."))
    return locked


def _fmt(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def _check(item: ScoreInput) -> dict[str, list[str]]:
    c = item.criterion
    errors: dict[str, list[str]] = {}
    if item.points is not None and not Decimal(0) <= item.points <= c.max_points:
        errors[f"points_{c.pk}"] = [_("Điểm từ 0 đến %(max)s.") % {"max": _fmt(c.max_points)}]
    if not Decimal(0) <= item.bonus <= c.bonus_max:
        errors[f"bonus_{c.pk}"] = [_("Điểm thưởng từ 0 đến %(max)s.") % {"max": _fmt(c.bonus_max)}]
    if not Decimal(0) <= item.penalty <= c.penalty_max:
        errors[f"penalty_{c.pk}"] = [_("Điểm trừ từ 0 đến %(max)s.") % {"max": _fmt(c.penalty_max)}]
    if len(item.note) > 300:
        errors[f"note_{c.pk}"] = [_("Ghi chú tối đa 300 ký tự.")]
    return errors


@transaction.atomic
def movement_scores_set(
    *,
    actor: Any,
    movement: Movement,
    organization: Organization,
    scores: Sequence[ScoreInput],
    expected_versions: Mapping[int, int] | None = None,
) -> list[CriterionScore]:
    """Record one unit's points, bonus and penalty on the movement's criteria.

    ``expected_versions`` maps a criterion id to the version of the unit's score the form
    showed (0 when it had none): a score changed by someone else meanwhile is a conflict.
    Points of a criterion computed from data are not typed in (its bonus and penalty are).
    """
    ensure_can_manage_movements(actor)
    locked = _lock_scoring(movement)
    if not locked.participants.filter(organization=organization).exists():
        raise ApplicationError(_("Đơn vị không tham gia phong trào này."))
    own = {c.pk: c for c in locked.criteria.all()}
    errors: dict[str, list[str]] = {}
    for item in scores:
        if item.criterion.pk not in own:
            raise ApplicationError(_("Tiêu chí không thuộc phong trào này."))
        errors.update(_check(item))
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)
    existing = {
        s.criterion_id: s
        for s in CriterionScore.objects.select_for_update().filter(
            criterion__movement=locked, organization=organization
        )
    }
    expected = expected_versions or {}
    for item in scores:
        current = existing.get(item.criterion.pk)
        if item.criterion.pk in expected and expected[item.criterion.pk] != (
            current.version if current else 0
        ):
            raise ConflictError(
                _("Điểm của đơn vị vừa được người khác sửa. Hãy tải lại trang để xem thay đổi.")
            )
    saved, lines = [], []
    for item in scores:
        criterion = own[item.criterion.pk]
        current = existing.get(criterion.pk)
        manual = criterion.source == CriterionSource.MANUAL
        points = item.points if manual else (current.points if current else None)
        values = (points, item.bonus, item.penalty, item.note.strip())
        if current is not None and values == (
            current.points,
            current.bonus,
            current.penalty,
            current.note,
        ):
            continue
        fields = ["points", "bonus", "penalty", "note", "updated_by", "updated_at"]
        if current is None:
            current = CriterionScore(criterion=criterion, organization=organization)
            fields = []
        else:
            current.version = F("version") + 1
            fields.append("version")
        current.points, current.bonus, current.penalty, current.note = values
        current.updated_by = actor
        current.save(update_fields=fields or None)
        current.refresh_from_db(fields=["version"])
        saved.append(current)
        lines.append(
            f"{criterion.position}. {criterion.text}: {_fmt(points)}"
            f" (+{_fmt(item.bonus)} / −{_fmt(item.penalty)})"
        )
    if lines:
        record(
            event_type=AuditEventType.MOVEMENT_SCORES_SET,
            actor=actor,
            obj=locked,
            changes={"organization": [None, organization.pk], "scores": [None, lines]},
        )
    return saved


@transaction.atomic
def movement_scores_compute(*, actor: Any, movement: Movement) -> int:
    """Compute the points of the criteria linked to data for every participating unit.

    A criterion whose data source is not installed, or a unit without a figure, is left as it
    is. Returns the number of scores written or changed.
    """
    ensure_can_manage_movements(actor)
    locked = _lock_scoring(movement)
    linked = [c for c in locked.criteria.all() if c.source != CriterionSource.MANUAL]
    providers = {c.pk: provider_for(c.source) for c in linked}
    if not linked:
        raise ApplicationError(_("Phong trào không có tiêu chí tính điểm từ số liệu."))
    if not any(providers.values()):
        raise ApplicationError(_("Chưa có nguồn số liệu cho các tiêu chí này trên hệ thống."))
    units = [p.organization for p in locked.participants.select_related("organization")]
    existing = {
        (s.criterion_id, s.organization_id): s
        for s in CriterionScore.objects.select_for_update().filter(criterion__in=linked)
    }
    written, lines = 0, []
    for criterion in linked:
        provider = providers[criterion.pk]
        if provider is None:
            continue
        for unit in units:
            share = provider(
                SourceQuery(
                    organization=unit,
                    indicator_code=criterion.indicator_code,
                    starts_on=locked.starts_on,
                    ends_on=locked.ends_on,
                )
            )
            if share is None:
                continue
            points = points_from_share(share, criterion.max_points)
            current = existing.get((criterion.pk, unit.pk))
            if current is not None and current.points == points and current.computed:
                continue
            fields = ["points", "computed", "updated_by", "updated_at", "version"]
            if current is None:
                current = CriterionScore(criterion=criterion, organization=unit)
                fields = []
            else:
                current.version = F("version") + 1
            current.points, current.computed, current.updated_by = points, True, actor
            current.save(update_fields=fields or None)
            written += 1
            lines.append(f"{unit.name} — {criterion.position}. {criterion.text}: {_fmt(points)}")
    if written:
        record(
            event_type=AuditEventType.MOVEMENT_SCORES_COMPUTED,
            actor=actor,
            obj=locked,
            changes={"scores": [None, lines]},
        )
    return written
