"""Pledge writes: draw up the criteria and tie-break rules, open, sign, publish the ranking."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.emulation_groups.constants import CriterionKind, PledgeState, TieBreakKind
from tdkt.emulation_groups.models import Criterion, Pledge, PledgeSignature, TieBreakRule
from tdkt.emulation_groups.permissions import (
    ensure_can_manage_pledge,
    ensure_is_member,
    member_ids,
)
from tdkt.emulation_groups.scoring import pledge_ranking
from tdkt.organizations.models import EmulationGroup, Organization

from .common import (
    MAX_NOTE,
    MAX_TEXT,
    bump,
    check_version,
    check_year,
    lock_pledge,
    points_value,
    require_draft,
    require_state,
    text_value,
)


@transaction.atomic
def pledge_create(
    *, actor: Any, group: EmulationGroup, year: int, title: str, note: str = ""
) -> Pledge:
    """Start the pledge of ``group`` for ``year`` as a draft (one per block and year)."""
    ensure_can_manage_pledge(actor, group, year)
    check_year(year)
    title = text_value(title, "title", required=True, limit=300)
    note = text_value(note, "note", required=False, limit=MAX_NOTE)
    if Pledge.objects.filter(group=group, year=year).exists():
        message = _("Khối đã có giao ước năm %(year)s.") % {"year": year}
        raise ApplicationError(message, fields={"year": [message]})
    pledge = Pledge.objects.create(group=group, year=year, title=title, note=note)
    record(
        event_type=AuditEventType.PLEDGE_CREATED,
        actor=actor,
        obj=pledge,
        changes={"group": [None, group.name], "year": [None, year], "title": [None, title]},
    )
    return pledge


@transaction.atomic
def pledge_update(
    *,
    actor: Any,
    pledge: Pledge,
    title: str | Unchanged = UNCHANGED,
    note: str | Unchanged = UNCHANGED,
    expected_version: int | None = None,
) -> Pledge:
    """Change the title or note of a pledge (the other fields stay as they are)."""
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    locked = lock_pledge(pledge)
    check_version(locked, expected_version)
    require_state(locked, PledgeState.DRAFT, _("Giao ước đã mở ký, không sửa được nội dung nữa."))
    data = given(title=title, note=note)
    if "title" in data:
        data["title"] = text_value(data["title"], "title", required=True, limit=300)
    if "note" in data:
        data["note"] = text_value(data["note"], "note", required=False, limit=MAX_NOTE)
    before = {name: getattr(locked, name) for name in data}
    changed = [name for name, value in data.items() if before[name] != value]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, data[name])
    locked.save(update_fields=changed)
    bump(locked)
    record(
        event_type=AuditEventType.PLEDGE_UPDATED,
        actor=actor,
        obj=locked,
        changes=diff(before, {name: getattr(locked, name) for name in data}),
    )
    return locked


@transaction.atomic
def criterion_add(
    *,
    actor: Any,
    pledge: Pledge,
    kind: str,
    text: str,
    max_points: Decimal | str,
    weight: Decimal | str = Decimal(1),
    expected_version: int | None = None,
) -> Criterion:
    """Add a criterion, bonus or penalty item at the end of a draft pledge's scale."""
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    locked = lock_pledge(pledge)
    check_version(locked, expected_version)
    require_draft(locked)
    if kind not in CriterionKind.values:
        raise ApplicationError(_("Loại tiêu chí không hợp lệ."), fields={"kind": [_("Chọn lại.")]})
    text = text_value(text, "text", required=True, limit=MAX_TEXT)
    top = points_value(max_points, "max_points", None)
    factor = points_value(weight, "weight", None) if kind == CriterionKind.SCORED else Decimal(1)
    if top <= 0:
        message = _("Điểm tối đa phải lớn hơn 0.")
        raise ApplicationError(message, fields={"max_points": [message]})
    if factor <= 0:
        message = _("Hệ số phải lớn hơn 0.")
        raise ApplicationError(message, fields={"weight": [message]})
    position = (locked.criteria.aggregate(top=Max("position"))["top"] or 0) + 1
    criterion = Criterion.objects.create(
        pledge=locked, position=position, kind=kind, text=text, weight=factor, max_points=top
    )
    bump(locked)
    record(
        event_type=AuditEventType.PLEDGE_CRITERION_ADDED,
        actor=actor,
        obj=locked,
        changes={
            "criterion": [None, text],
            "kind": [None, kind],
            "weight": [None, str(factor)],
            "max_points": [None, str(top)],
        },
    )
    return criterion


@transaction.atomic
def criterion_remove(
    *, actor: Any, criterion: Criterion, expected_version: int | None = None
) -> None:
    """Remove a line of a draft pledge's scale (and the tie-break rules naming it)."""
    pledge = criterion.pledge
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    locked = lock_pledge(pledge)
    check_version(locked, expected_version)
    require_draft(locked)
    text = criterion.text
    Criterion.objects.filter(pk=criterion.pk).delete()
    bump(locked)
    record(
        event_type=AuditEventType.PLEDGE_CRITERION_REMOVED,
        actor=actor,
        obj=locked,
        changes={"criterion": [text, None]},
    )


@transaction.atomic
def tie_break_add(
    *,
    actor: Any,
    pledge: Pledge,
    kind: str,
    criterion: Criterion | None = None,
    expected_version: int | None = None,
) -> TieBreakRule:
    """Declare the next tie-break rule of a draft pledge (applied in the declared order)."""
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    locked = lock_pledge(pledge)
    check_version(locked, expected_version)
    require_draft(locked)
    if kind not in TieBreakKind.values:
        raise ApplicationError(_("Quy tắc không hợp lệ."), fields={"kind": [_("Chọn lại.")]})
    if kind == TieBreakKind.CRITERION:
        if (
            criterion is None
            or criterion.pledge_id != locked.pk
            or criterion.kind != CriterionKind.SCORED
        ):
            message = _("Hãy chọn một tiêu chí chấm điểm của giao ước này.")
            raise ApplicationError(message, fields={"criterion": [message]})
    else:
        criterion = None
    if locked.tie_breaks.filter(kind=kind, criterion=criterion).exists():
        message = _("Quy tắc này đã có trong danh sách.")
        raise ApplicationError(message, fields={"kind": [message]})
    position = (locked.tie_breaks.aggregate(top=Max("position"))["top"] or 0) + 1
    rule = TieBreakRule.objects.create(
        pledge=locked, position=position, kind=kind, criterion=criterion
    )
    bump(locked)
    record(
        event_type=AuditEventType.PLEDGE_TIE_BREAK_ADDED,
        actor=actor,
        obj=locked,
        changes={
            "position": [None, position],
            "kind": [None, kind],
            "criterion": [None, criterion.text if criterion else None],
        },
    )
    return rule


@transaction.atomic
def tie_break_remove(
    *, actor: Any, rule: TieBreakRule, expected_version: int | None = None
) -> None:
    """Remove a declared tie-break rule of a draft pledge; the others keep their order."""
    pledge = rule.pledge
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    locked = lock_pledge(pledge)
    check_version(locked, expected_version)
    require_draft(locked)
    TieBreakRule.objects.filter(pk=rule.pk).delete()
    bump(locked)
    record(
        event_type=AuditEventType.PLEDGE_TIE_BREAK_REMOVED,
        actor=actor,
        obj=locked,
        changes={"position": [rule.position, None], "kind": [rule.kind, None]},
    )


@transaction.atomic
def pledge_open(*, actor: Any, pledge: Pledge, expected_version: int | None = None) -> Pledge:
    """Freeze the scale and open the pledge for signing, self-assessment and review."""
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    locked = lock_pledge(pledge)
    check_version(locked, expected_version)
    require_draft(locked)
    if not locked.criteria.filter(kind=CriterionKind.SCORED).exists():
        raise ApplicationError(_("Giao ước cần ít nhất một tiêu chí chấm điểm."))
    if len(member_ids(locked.group, locked.year)) < 2:
        raise ApplicationError(
            _("Khối cần ít nhất hai thành viên trong năm %(year)s.") % {"year": locked.year}
        )
    locked.state = PledgeState.OPEN
    locked.opened_at = timezone.now()
    locked.save(update_fields=["state", "opened_at"])
    bump(locked)
    record(
        event_type=AuditEventType.PLEDGE_OPENED,
        actor=actor,
        obj=locked,
        changes={"state": [PledgeState.DRAFT.value, PledgeState.OPEN.value]},
    )
    return locked


@transaction.atomic
def pledge_sign(
    *, actor: Any, pledge: Pledge, organization: Organization | None = None
) -> PledgeSignature:
    """Confirm, for the actor's own member organisation, that it signs the pledge.

    ``organization`` is for the system only (recording a signature given on paper).
    """
    organization = ensure_is_member(actor, pledge, organization)
    locked = lock_pledge(pledge)
    require_state(locked, PledgeState.OPEN, _("Giao ước chưa mở ký hoặc đã công bố kết quả."))
    if locked.signatures.filter(organization=organization).exists():
        raise ConflictError(_("Đơn vị bạn đã ký giao ước này."))
    signature = PledgeSignature.objects.create(
        pledge=locked, organization=organization, signed_by=actor, signed_at=timezone.now()
    )
    record(
        event_type=AuditEventType.PLEDGE_SIGNED,
        actor=actor,
        obj=locked,
        changes={"member": [None, organization.name]},
    )
    return signature


@transaction.atomic
def pledge_publish(*, actor: Any, pledge: Pledge, expected_version: int | None = None) -> Pledge:
    """Close scoring and publish the ranking; every member must have signed."""
    ensure_can_manage_pledge(actor, pledge.group, pledge.year)
    locked = lock_pledge(pledge)
    check_version(locked, expected_version)
    require_state(locked, PledgeState.OPEN, _("Giao ước không ở trạng thái đang thực hiện."))
    unsigned = member_ids(locked.group, locked.year) - set(
        locked.signatures.values_list("organization_id", flat=True)
    )
    if unsigned:
        raise ApplicationError(_("Còn %(n)s thành viên chưa ký giao ước.") % {"n": len(unsigned)})
    placements = pledge_ranking(locked)
    locked.state = PledgeState.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["state", "published_at"])
    bump(locked)
    record(
        event_type=AuditEventType.PLEDGE_PUBLISHED,
        actor=actor,
        obj=locked,
        changes={
            "state": [PledgeState.OPEN.value, PledgeState.PUBLISHED.value],
            "ranking": [
                None,
                [f"{p.position}. {p.member.name}: {p.member.total}" for p in placements],
            ],
        },
    )
    return locked
