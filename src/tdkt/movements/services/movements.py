"""Writes of a movement itself: create, update, plan file, participating units."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.calendar import MAX_YEAR, MIN_YEAR
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.movements.constants import MovementKind, MovementState
from tdkt.movements.models import Movement, Participant
from tdkt.movements.permissions import ensure_can_manage_movements
from tdkt.movements.uploads import check_plan_file
from tdkt.movements.workflow import EDITABLE, bump, lock_movement
from tdkt.organizations.models import Organization

MOVEMENT_FIELDS = [
    "code",
    "name",
    "kind",
    "slogan",
    "starts_on",
    "ends_on",
    "plan_number",
    "plan_date",
    "higher_movement",
    "higher_movement_text",
    "description",
]
CODE = re.compile(r"^[A-Za-zĐđ0-9][A-Za-zĐđ0-9._-]{0,29}$")
# "163/KH-BQL", "1445/KH-BQL", "724/BQL-VPĐD", "08-CTr/TU": a number, "/", then the symbol.
DOCUMENT_NUMBER = re.compile(r"^\d{1,6}(?:-[A-Za-zĐđ]+)?/[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*$")


def _clean_text(data: dict[str, Any], name: str) -> None:
    if name in data:
        data[name] = " ".join(str(data[name] or "").split())


def _validate(data: dict[str, Any], movement: Movement | None) -> dict[str, Any]:
    """Normalise and check the given fields against each other (merged with ``movement``)."""
    for name in ("code", "name", "slogan", "plan_number", "higher_movement_text"):
        _clean_text(data, name)
    if "description" in data:
        data["description"] = str(data["description"] or "").strip()
    errors: dict[str, list[str]] = {}
    merged = {f: getattr(movement, f) for f in MOVEMENT_FIELDS} if movement else {}
    merged.update(data)
    if "code" in data:
        if not CODE.match(data["code"]):
            errors["code"] = [_("Mã gồm chữ, số, dấu chấm, gạch ngang; tối đa 30 ký tự.")]
        elif (
            Movement.objects.filter(code__iexact=data["code"])
            .exclude(pk=movement.pk if movement is not None else 0)
            .exists()
        ):
            errors["code"] = [_("Đã có phong trào mang mã này.")]
    if "name" in data and not data["name"]:
        errors["name"] = [_("Cần ghi tên phong trào.")]
    if "kind" in data and data["kind"] not in MovementKind.values:
        errors["kind"] = [_("Chọn loại phong trào.")]
    if data.get("plan_number") and not DOCUMENT_NUMBER.match(data["plan_number"]):
        errors["plan_number"] = [_("Số kế hoạch có dạng số/ký hiệu, ví dụ 163/KH-BQL.")]
    starts, ends = merged.get("starts_on"), merged.get("ends_on")
    if not isinstance(starts, date):
        errors["starts_on"] = [_("Cần ghi ngày bắt đầu.")]
    if not isinstance(ends, date):
        errors["ends_on"] = [_("Cần ghi ngày kết thúc.")]
    if isinstance(starts, date) and isinstance(ends, date) and not errors:
        errors.update(_period_errors(merged.get("kind", ""), starts, ends))
    higher = merged.get("higher_movement")
    if higher is not None and movement is not None and _relays(higher, movement):
        errors["higher_movement"] = [_("Phong trào không hưởng ứng chính nó được.")]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)
    return data


def _period_errors(kind: str, starts: date, ends: date) -> dict[str, list[str]]:
    if ends < starts:
        return {"ends_on": [_("Ngày kết thúc không được trước ngày bắt đầu.")]}
    if not (starts.year >= MIN_YEAR and ends.year <= MAX_YEAR):
        return {"starts_on": [_("Thời gian nằm ngoài phạm vi lịch làm việc.")]}
    if kind == MovementKind.REGULAR and starts.year != ends.year:
        return {"ends_on": [_("Phong trào thường xuyên hằng năm nằm trong một năm.")]}
    if kind == MovementKind.FIVE_YEAR and ends.year - starts.year != 4:
        return {"ends_on": [_("Phong trào giai đoạn 5 năm kéo dài 5 năm, ví dụ 2021–2025.")]}
    return {}


def _readable(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Name the higher movement in the audit event instead of its row id."""
    if "higher_movement" in changes:
        ids = [v for v in changes["higher_movement"] if v is not None]
        names = dict(Movement.objects.filter(pk__in=ids).values_list("pk", "name"))
        changes["higher_movement"] = [
            names.get(v) if v else None for v in changes["higher_movement"]
        ]
    return changes


def _relays(higher: Movement, movement: Movement) -> bool:
    """True when ``movement`` is ``higher`` or one of the movements ``higher`` relays."""
    seen: set[int] = set()
    current: Movement | None = higher
    while current is not None and current.pk not in seen:
        if current.pk == movement.pk:
            return True
        seen.add(current.pk)
        current = current.higher_movement
    return False


@transaction.atomic
def movement_create(
    *,
    actor: Any,
    code: str,
    name: str,
    kind: str,
    starts_on: date,
    ends_on: date,
    slogan: str = "",
    plan_number: str = "",
    plan_date: date | None = None,
    higher_movement: Movement | None = None,
    higher_movement_text: str = "",
    description: str = "",
    plan_file: tuple[str, bytes] | None = None,
) -> Movement:
    """Create a movement in draft, with its plan document (name, bytes) when given: both or
    neither are written."""
    ensure_can_manage_movements(actor)
    data = _validate(
        {
            "code": code,
            "name": name,
            "kind": kind,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "slogan": slogan,
            "plan_number": plan_number,
            "plan_date": plan_date,
            "higher_movement": higher_movement,
            "higher_movement_text": higher_movement_text,
            "description": description,
        },
        None,
    )
    movement = Movement.objects.create(**data, created_by=actor)
    record(
        event_type=AuditEventType.MOVEMENT_CREATED,
        actor=actor,
        obj=movement,
        changes=_readable(diff({}, snapshot(movement, MOVEMENT_FIELDS))),
    )
    if plan_file is not None:
        movement = movement_plan_file_set(
            actor=actor, movement=movement, name=plan_file[0], data=plan_file[1]
        )
    return movement


def ensure_editable(movement: Movement) -> None:
    """Refuse a change to a closed movement (its record is final)."""
    if movement.state not in EDITABLE:
        raise ConflictError(_("Phong trào đã kết thúc, không sửa được nữa."))


@transaction.atomic
def movement_update(
    *,
    actor: Any,
    movement: Movement,
    expected_version: int | None = None,
    code: str | Unchanged = UNCHANGED,
    name: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    starts_on: date | Unchanged = UNCHANGED,
    ends_on: date | Unchanged = UNCHANGED,
    slogan: str | Unchanged = UNCHANGED,
    plan_number: str | Unchanged = UNCHANGED,
    plan_date: date | Unchanged | None = UNCHANGED,
    higher_movement: Movement | Unchanged | None = UNCHANGED,
    higher_movement_text: str | Unchanged = UNCHANGED,
    description: str | Unchanged = UNCHANGED,
    plan_file: tuple[str, bytes] | None = None,
) -> Movement:
    """Change the given fields of a movement that is not closed, and replace its plan
    document (name, bytes) when given, all or nothing."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(movement, expected_version)
    ensure_editable(locked)
    data = _validate(
        given(
            code=code,
            name=name,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            slogan=slogan,
            plan_number=plan_number,
            plan_date=plan_date,
            higher_movement=higher_movement,
            higher_movement_text=higher_movement_text,
            description=description,
        ),
        locked,
    )
    before = snapshot(locked, MOVEMENT_FIELDS)
    for name_, value in data.items():
        setattr(locked, name_, value)
    changes = diff(before, snapshot(locked, MOVEMENT_FIELDS))
    if changes:
        bump(locked, *sorted({n for n in data if n in changes}))
        record(
            event_type=AuditEventType.MOVEMENT_UPDATED,
            actor=actor,
            obj=locked,
            changes=_readable(changes),
        )
    if plan_file is not None:
        locked = movement_plan_file_set(
            actor=actor, movement=locked, name=plan_file[0], data=plan_file[1]
        )
    return locked


@transaction.atomic
def movement_plan_file_set(
    *,
    actor: Any,
    movement: Movement,
    name: str,
    data: bytes,
    expected_version: int | None = None,
) -> Movement:
    """Store the plan document (PDF or .docx) in private storage, replacing an earlier one.

    The old file is deleted after the commit; if the row cannot be written the new file is
    removed again, so storage and database never disagree for long.
    """
    ensure_can_manage_movements(actor)
    locked = lock_movement(movement, expected_version)
    ensure_editable(locked)
    checked = check_plan_file(name, data)
    old_name = locked.plan_file.name if locked.plan_file else ""
    before = locked.plan_file_name
    locked.plan_file.save("upload", ContentFile(data), save=False)
    locked.plan_file_name = checked.name
    locked.plan_file_type = checked.content_type
    locked.plan_file_size = checked.size
    locked.plan_file_sha256 = hashlib.sha256(data).hexdigest()
    storage, new_name = locked.plan_file.storage, locked.plan_file.name
    try:
        bump(
            locked,
            "plan_file",
            "plan_file_name",
            "plan_file_type",
            "plan_file_size",
            "plan_file_sha256",
        )
        record(
            event_type=AuditEventType.MOVEMENT_PLAN_FILE_SET,
            actor=actor,
            obj=locked,
            changes={
                "plan_file_name": [before or None, checked.name],
                "size": [None, checked.size],
                "sha256": [None, locked.plan_file_sha256],
            },
        )
    except BaseException:
        storage.delete(new_name)
        raise
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return locked


@transaction.atomic
def movement_participants_set(
    *,
    actor: Any,
    movement: Movement,
    organizations: Iterable[Organization],
    expected_version: int | None = None,
) -> Movement:
    """Set the participating units. Once launched, units may be added (and are notified at
    once) but not removed: they were told to take part."""
    ensure_can_manage_movements(actor)
    locked = lock_movement(movement, expected_version)
    ensure_editable(locked)
    wanted = {org.pk: org for org in organizations}
    inactive = [org.name for org in wanted.values() if not org.is_active]
    if inactive:
        message = _("Đơn vị không còn hoạt động: %(names)s.") % {"names": ", ".join(inactive)}
        raise ApplicationError(message, fields={"organizations": [message]})
    current = dict(locked.participants.values_list("organization_id", "pk"))
    added = [org for pk, org in wanted.items() if pk not in current]
    removed = [pk for pk in current if pk not in wanted]
    if removed and locked.state != MovementState.DRAFT:
        message = _("Phong trào đã phát động: chỉ thêm được đơn vị, không bỏ được.")
        raise ApplicationError(message, fields={"organizations": [message]})
    if not added and not removed:
        return locked
    Participant.objects.filter(movement=locked, organization_id__in=removed).delete()
    Participant.objects.bulk_create(Participant(movement=locked, organization=o) for o in added)
    bump(locked)
    changes: dict[str, list[Any]] = {}
    if added:
        changes["added"] = [None, sorted(o.name for o in added)]
    if removed:
        names = Organization.objects.filter(pk__in=removed).values_list("name", flat=True)
        changes["removed"] = [sorted(names), None]
    record(
        event_type=AuditEventType.MOVEMENT_PARTICIPANTS_SET,
        actor=actor,
        obj=locked,
        changes=changes,
    )
    if added and locked.state != MovementState.DRAFT:
        from tdkt.movements.services.launch import announce_to

        announce_to(actor, locked, added)
    return locked
