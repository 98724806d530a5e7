"""Writes of rounds (đợt xét): officers open, edit, close and reopen them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.commendations.constants import RoundKind, RoundState
from tdkt.commendations.models import Round
from tdkt.commendations.permissions import ensure_can_manage_rounds
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.text import normalize_name
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.rules import REGISTRY
from tdkt.rules.codes import AWARD_CODES
from tdkt.rules.labels import CODE_LABELS

ROUND_FIELDS = [
    "name",
    "kind",
    "year",
    "accepted_codes",
    "unit_deadline",
    "rule_set",
    "description",
    "state",
]


def _readable(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Record accepted codes by their names, as the timeline shows them."""
    if "accepted_codes" in changes:
        changes["accepted_codes"] = [
            None if codes is None else [CODE_LABELS["vi"].get(c, c) for c in codes]
            for codes in changes["accepted_codes"]
        ]
    return changes


def _validate(data: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise round fields; raise one error listing every bad field."""
    errors: dict[str, list[str]] = {}
    if "name" in data:
        data["name"] = normalize_name(data["name"] or "")
        if not data["name"]:
            errors["name"] = [_("Cần ghi tên đợt xét.")]
    if "kind" in data and data["kind"] not in RoundKind.values:
        errors["kind"] = [_("Loại đợt xét không hợp lệ.")]
    if "year" in data and not 2000 <= int(data["year"]) <= 2100:
        errors["year"] = [_("Năm phải trong khoảng 2000–2100.")]
    if "accepted_codes" in data:
        codes = list(dict.fromkeys(data["accepted_codes"] or []))
        if not codes:
            errors["accepted_codes"] = [_("Chọn ít nhất một danh hiệu, hình thức.")]
        elif unknown := [c for c in codes if c not in AWARD_CODES]:
            errors["accepted_codes"] = [
                _("Không có danh hiệu, hình thức: %(codes)s.") % {"codes": ", ".join(unknown)}
            ]
        data["accepted_codes"] = [c for c in AWARD_CODES if c in codes]
    if "rule_set" in data:
        data["rule_set"] = (data["rule_set"] or "").strip()
        if data["rule_set"] and data["rule_set"] not in REGISTRY.names():
            errors["rule_set"] = [_("Không có bộ quy tắc này.")]
    if "unit_deadline" in data and not isinstance(data["unit_deadline"], date):
        errors["unit_deadline"] = [_("Cần ghi hạn gửi hồ sơ.")]
    if "description" in data:
        data["description"] = (data["description"] or "").strip()
    if errors:
        first = next(iter(errors.values()))[0]
        raise ApplicationError(first, fields=errors)
    return data


@transaction.atomic
def round_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    year: int,
    accepted_codes: Sequence[str],
    unit_deadline: date,
    rule_set: str = "",
    description: str = "",
) -> Round:
    """Open a round for proposals."""
    ensure_can_manage_rounds(actor)
    data = _validate(
        {
            "name": name,
            "kind": kind,
            "year": year,
            "accepted_codes": list(accepted_codes),
            "unit_deadline": unit_deadline,
            "rule_set": rule_set,
            "description": description,
        }
    )
    round_ = Round.objects.create(**data, state=RoundState.OPEN, created_by=actor)
    record(
        event_type=AuditEventType.ROUND_CREATED,
        actor=actor,
        obj=round_,
        changes=_readable(diff({}, snapshot(round_, ROUND_FIELDS))),
    )
    return round_


def _locked(round_: Round, expected_version: int | None) -> Round:
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ApplicationError(
            _("Đợt xét vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi."),
            code=ErrorCode.CONFLICT,
        )
    return locked


@transaction.atomic
def round_update(
    *,
    actor: Any,
    round: Round,
    expected_version: int | None = None,
    name: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    year: int | Unchanged = UNCHANGED,
    accepted_codes: Sequence[str] | Unchanged = UNCHANGED,
    unit_deadline: date | Unchanged = UNCHANGED,
    rule_set: str | Unchanged = UNCHANGED,
    description: str | Unchanged = UNCHANGED,
) -> Round:
    """Change the given fields of a round; a stale form (``expected_version``) is refused."""
    ensure_can_manage_rounds(actor)
    locked = _locked(round, expected_version)
    data = _validate(
        given(
            name=name,
            kind=kind,
            year=year,
            accepted_codes=list(accepted_codes)
            if not isinstance(accepted_codes, Unchanged)
            else UNCHANGED,
            unit_deadline=unit_deadline,
            rule_set=rule_set,
            description=description,
        )
    )
    before = snapshot(locked, ROUND_FIELDS)
    for key, value in data.items():
        setattr(locked, key, value)
    changes = _readable(diff(before, snapshot(locked, ROUND_FIELDS)))
    if not changes:
        return locked
    locked.version = F("version") + 1
    locked.save(update_fields=[*data, "version"])
    locked.refresh_from_db(fields=["version"])
    record(event_type=AuditEventType.ROUND_UPDATED, actor=actor, obj=locked, changes=changes)
    return locked


@transaction.atomic
def round_set_state(
    *,
    actor: Any,
    round: Round,
    state: str,
    expected_version: int | None = None,
) -> Round:
    """Close a round (no more proposals are submitted) or reopen it."""
    ensure_can_manage_rounds(actor)
    locked = _locked(round, expected_version)
    if state not in RoundState.values:
        raise ApplicationError(_("Trạng thái đợt xét không hợp lệ."))
    if locked.state == state:
        return locked
    source = locked.state
    locked.state = state
    locked.version = F("version") + 1
    locked.save(update_fields=["state", "version"])
    locked.refresh_from_db(fields=["version"])
    event = (
        AuditEventType.ROUND_CLOSED if state == RoundState.CLOSED else AuditEventType.ROUND_REOPENED
    )
    record(event_type=event, actor=actor, obj=locked, changes={"state": [source, state]})
    return locked
