"""Writes of a movement's criteria (tiêu chí with their scale) and deadlines."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.calendar import MAX_YEAR, MIN_YEAR
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.movements.constants import MAX_POINTS, CriterionSource, DeadlineKind
from tdkt.movements.models import Criterion, CriterionScore, Deadline, Movement
from tdkt.movements.permissions import ensure_can_manage_movements
from tdkt.movements.services.movements import ensure_editable
from tdkt.movements.workflow import bump, lock_movement

CRITERION_FIELDS = [
    "text",
    "weight",
    "max_points",
    "bonus_max",
    "penalty_max",
    "source",
    "indicator_code",
]
INDICATOR_CODE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")


def _readable(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Write the scale's numbers as Vietnamese read them ("0,5", "40") in the audit event."""

    def text(value: Any) -> Any:
        number = _decimal(value) if value is not None else None
        return value if number is None else f"{number.normalize():f}".replace(".", ",")

    return {
        name: [text(v) for v in pair] if name in DECIMAL_FIELDS else pair
        for name, pair in changes.items()
    }


DECIMAL_FIELDS = frozenset({"weight", "max_points", "bonus_max", "penalty_max"})


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _validate(data: dict[str, Any], criterion: Criterion | None) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    if "text" in data:
        data["text"] = " ".join(str(data["text"] or "").split())
        if not data["text"]:
            errors["text"] = [_("Cần ghi nội dung tiêu chí.")]
        elif len(data["text"]) > 500:
            errors["text"] = [_("Tiêu chí tối đa 500 ký tự.")]
    limits = {
        "weight": (Decimal("0.01"), Decimal(100), _("Hệ số từ 0,01 đến 100.")),
        "max_points": (Decimal("0.01"), MAX_POINTS, _("Điểm tối đa từ 0,01 đến 1.000.")),
        "bonus_max": (Decimal(0), MAX_POINTS, _("Điểm thưởng từ 0 đến 1.000.")),
        "penalty_max": (Decimal(0), MAX_POINTS, _("Điểm trừ từ 0 đến 1.000.")),
    }
    for name, (low, high, message) in limits.items():
        if name in data:
            number = _decimal(data[name])
            if number is None or not low <= number <= high:
                errors[name] = [message]
            else:
                data[name] = number.quantize(Decimal("0.01"))
    merged = {f: getattr(criterion, f) for f in CRITERION_FIELDS} if criterion else {}
    merged.update(data)
    source = merged.get("source", CriterionSource.MANUAL)
    if source not in CriterionSource.values:
        errors["source"] = [_("Chọn cách tính điểm.")]
    elif source == CriterionSource.INDICATOR:
        code = str(merged.get("indicator_code") or "").strip()
        if not INDICATOR_CODE.match(code):
            errors["indicator_code"] = [
                _("Ghi mã chỉ tiêu như trong tệp nhập số liệu (chữ thường, số, gạch dưới).")
            ]
        data["indicator_code"] = code
    else:
        data["indicator_code"] = ""
    if criterion is not None and "max_points" in data and "max_points" not in errors:
        over = CriterionScore.objects.filter(
            criterion=criterion, points__gt=data["max_points"]
        ).exists()
        if over:
            errors["max_points"] = [_("Đã có đơn vị được chấm cao hơn điểm tối đa mới.")]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)
    return data


@transaction.atomic
def criterion_add(
    *,
    actor: Any,
    movement: Movement,
    text: str,
    max_points: Decimal | int | str,
    weight: Decimal | int | str = 1,
    bonus_max: Decimal | int | str = 0,
    penalty_max: Decimal | int | str = 0,
    source: str = CriterionSource.MANUAL,
    indicator_code: str = "",
    expected_version: int | None = None,
) -> Criterion:
    """Add a criterion at the end of the movement's list."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(movement, expected_version)
    ensure_editable(locked)
    data = _validate(
        {
            "text": text,
            "weight": weight,
            "max_points": max_points,
            "bonus_max": bonus_max,
            "penalty_max": penalty_max,
            "source": source,
            "indicator_code": indicator_code,
        },
        None,
    )
    last = locked.criteria.aggregate(last=Max("position"))["last"]
    criterion = Criterion.objects.create(movement=locked, position=(last or 0) + 1, **data)
    bump(locked)
    record(
        event_type=AuditEventType.MOVEMENT_CRITERION_ADDED,
        actor=actor,
        obj=locked,
        changes=_readable(diff({}, snapshot(criterion, CRITERION_FIELDS))),
    )
    return criterion


@transaction.atomic
def criterion_update(
    *,
    actor: Any,
    criterion: Criterion,
    expected_version: int | None = None,
    text: str | Unchanged = UNCHANGED,
    weight: Decimal | int | str | Unchanged = UNCHANGED,
    max_points: Decimal | int | str | Unchanged = UNCHANGED,
    bonus_max: Decimal | int | str | Unchanged = UNCHANGED,
    penalty_max: Decimal | int | str | Unchanged = UNCHANGED,
    source: str | Unchanged = UNCHANGED,
    indicator_code: str | Unchanged = UNCHANGED,
) -> Criterion:
    """Change the given fields of a criterion (the movement's version guards the edit)."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(criterion.movement, expected_version)
    ensure_editable(locked)
    current = Criterion.objects.get(pk=criterion.pk, movement=locked)
    data = _validate(
        given(
            text=text,
            weight=weight,
            max_points=max_points,
            bonus_max=bonus_max,
            penalty_max=penalty_max,
            source=source,
            indicator_code=indicator_code,
        ),
        current,
    )
    before = snapshot(current, CRITERION_FIELDS)
    for name, value in data.items():
        setattr(current, name, value)
    changes = diff(before, snapshot(current, CRITERION_FIELDS))
    if not changes:
        return current
    current.save(update_fields=sorted(changes))
    bump(locked)
    record(
        event_type=AuditEventType.MOVEMENT_CRITERION_UPDATED,
        actor=actor,
        obj=locked,
        changes={"criterion": [None, current.text], **_readable(changes)},
    )
    return current


@transaction.atomic
def criterion_remove(
    *, actor: Any, criterion: Criterion, expected_version: int | None = None
) -> Movement:
    """Remove a criterion nobody has been scored on yet (scores are never dropped silently)."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(criterion.movement, expected_version)
    ensure_editable(locked)
    current = Criterion.objects.get(pk=criterion.pk, movement=locked)
    if current.scores.exists():
        raise ConflictError(_("Tiêu chí đã có điểm chấm, không bỏ được."))
    text = current.text
    current.delete()
    bump(locked)
    record(
        event_type=AuditEventType.MOVEMENT_CRITERION_REMOVED,
        actor=actor,
        obj=locked,
        changes={"criterion": [text, None]},
    )
    return locked


@transaction.atomic
def deadline_add(
    *,
    actor: Any,
    movement: Movement,
    kind: str,
    title: str,
    due_on: date,
    expected_version: int | None = None,
) -> Deadline:
    """Add a deadline that participants are reminded of (decision 0603)."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(movement, expected_version)
    ensure_editable(locked)
    errors: dict[str, list[str]] = {}
    title = " ".join(title.split())
    if kind not in DeadlineKind.values:
        errors["kind"] = [_("Chọn loại mốc.")]
    if not title:
        errors["title"] = [_("Cần ghi nội dung.")]
    elif len(title) > 200:
        errors["title"] = [_("Nội dung tối đa 200 ký tự.")]
    if not isinstance(due_on, date) or not MIN_YEAR <= due_on.year <= MAX_YEAR:
        errors["due_on"] = [_("Cần ghi hạn trong phạm vi lịch làm việc.")]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)
    deadline = Deadline.objects.create(movement=locked, kind=kind, title=title, due_on=due_on)
    bump(locked)
    record(
        event_type=AuditEventType.MOVEMENT_DEADLINE_ADDED,
        actor=actor,
        obj=locked,
        changes={
            "deadline": [None, title],
            "due_on": [None, due_on],
            "deadline_kind": [None, str(DeadlineKind(kind).label)],
        },
    )
    return deadline


@transaction.atomic
def deadline_remove(
    *, actor: Any, deadline: Deadline, expected_version: int | None = None
) -> Movement:
    """Remove a deadline (with the record of its reminders)."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(deadline.movement, expected_version)
    ensure_editable(locked)
    current = Deadline.objects.get(pk=deadline.pk, movement=locked)
    title, due_on = current.title, current.due_on
    current.delete()
    bump(locked)
    record(
        event_type=AuditEventType.MOVEMENT_DEADLINE_REMOVED,
        actor=actor,
        obj=locked,
        changes={"deadline": [title, None], "due_on": [due_on, None]},
    )
    return locked
