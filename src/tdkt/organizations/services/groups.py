"""Emulation block/cluster writes: the group, its yearly members and its elected leadership."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.errors import ApplicationError
from tdkt.core.text import clean_text, fold, normalize_name
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.models import EmulationGroup, GroupLeadership, GroupMembership, Organization
from tdkt.organizations.versions import ensure_version, version_of

from .common import apply_changes, full_clean_or_error, raise_if

GROUP_FIELDS = ["name", "kind", "organizer", "description"]


def _check_year(year: int) -> None:
    if not 1990 <= year <= 2100:
        raise ApplicationError(_("Năm không hợp lệ."), fields={"year": [_("Năm không hợp lệ.")]})


def _validate_group(group: EmulationGroup) -> None:
    """Name the two common mistakes plainly; ``full_clean`` checks the rest."""
    errors: dict[str, list[str]] = {}
    if not group.name:
        errors["name"] = [_("Tên khối, cụm thi đua là bắt buộc.")]
    elif EmulationGroup.objects.filter(name__iexact=group.name).exclude(pk=group.pk).exists():
        errors["name"] = [_("Khối, cụm thi đua này đã có trong hệ thống.")]
    raise_if(errors)


@transaction.atomic
def group_create(
    *, actor: Any, name: str, kind: str, organizer: str = "", description: str = ""
) -> EmulationGroup:
    """Add a block or cluster."""
    ensure_board_writer(actor)
    group = EmulationGroup(
        name=normalize_name(name),
        kind=kind,
        organizer=normalize_name(organizer),
        description=clean_text(description, multiline=True),
    )
    group.search_key = fold(group.name)
    _validate_group(group)
    full_clean_or_error(group)
    group.save()
    record(
        event_type=AuditEventType.GROUP_CREATED,
        actor=actor,
        obj=group,
        changes=diff({}, snapshot(group, GROUP_FIELDS)),
    )
    return group


@transaction.atomic
def group_update(
    *,
    actor: Any,
    group: EmulationGroup,
    name: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    organizer: str | Unchanged = UNCHANGED,
    description: str | Unchanged = UNCHANGED,
    expected_version: str | None = None,
) -> EmulationGroup:
    """Change the given fields of a block/cluster (the others stay as they are);
    ``expected_version`` refuses a change drawn from an older version (412, decision 0038)."""
    ensure_board_writer(actor)
    group = EmulationGroup.objects.select_for_update().get(pk=group.pk)
    ensure_version(version_of(group), expected_version, audited=group)
    before = snapshot(group, GROUP_FIELDS)
    data = given(name=name, kind=kind, organizer=organizer, description=description)
    for key in ("name", "organizer"):
        if key in data:
            data[key] = normalize_name(data[key])
    if "description" in data:
        data["description"] = clean_text(data["description"], multiline=True)
    changed = apply_changes(group, data)
    if not changed:
        return group
    group.search_key = fold(group.name)
    _validate_group(group)
    full_clean_or_error(group)
    group.save(update_fields=[*changed, "search_key"])
    record(
        event_type=AuditEventType.GROUP_UPDATED,
        actor=actor,
        obj=group,
        changes=diff(before, snapshot(group, GROUP_FIELDS)),
    )
    return group


@transaction.atomic
def group_members_set(
    *, actor: Any, group: EmulationGroup, year: int, members: Iterable[Organization]
) -> list[GroupMembership]:
    """Replace the members of ``group`` for ``year`` with ``members``."""
    ensure_board_writer(actor)
    _check_year(year)
    wanted = {org.pk: org for org in members}
    existing = {m.organization_id: m for m in group.memberships.filter(year=year)}
    leadership = group.leaderships.filter(year=year).first()
    if leadership is not None:
        kept = {leadership.leader_id, leadership.deputy_id} - {None}
        if not kept <= set(wanted):
            raise ApplicationError(
                _("Không thể bỏ khối trưởng hoặc khối phó khỏi danh sách thành viên năm %(year)s.")
                % {"year": year}
            )
    removed = [m for pk, m in existing.items() if pk not in wanted]
    for membership in removed:
        membership.delete()
    added = [
        GroupMembership.objects.create(group=group, organization=org, year=year)
        for pk, org in wanted.items()
        if pk not in existing
    ]
    if added or removed:
        record(
            event_type=AuditEventType.GROUP_MEMBERS_SET,
            actor=actor,
            obj=group,
            changes={
                "year": [None, year],
                "added": [None, sorted(m.organization.name for m in added)],
                "removed": [sorted(m.organization.name for m in removed), None],
            },
        )
    return list(group.memberships.filter(year=year).select_related("organization"))


@transaction.atomic
def group_leadership_set(
    *,
    actor: Any,
    group: EmulationGroup,
    year: int,
    leader: Organization,
    deputy: Organization | None = None,
) -> GroupLeadership:
    """Record the leader and deputy the members elected for ``year``; both must be members."""
    ensure_board_writer(actor)
    _check_year(year)
    member_ids = set(group.memberships.filter(year=year).values_list("organization_id", flat=True))
    errors: dict[str, list[str]] = {}
    if leader.pk not in member_ids:
        errors["leader"] = [
            _("Khối trưởng phải là thành viên của khối trong năm %(y)s.") % {"y": year}
        ]
    if deputy is not None and deputy.pk not in member_ids:
        errors["deputy"] = [
            _("Khối phó phải là thành viên của khối trong năm %(y)s.") % {"y": year}
        ]
    if deputy is not None and deputy.pk == leader.pk:
        errors["deputy"] = [_("Khối phó phải khác khối trưởng.")]
    if errors:
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=errors)
    leadership = GroupLeadership.objects.select_for_update().filter(group=group, year=year).first()
    before: dict[str, str | None] = {"leader": None, "deputy": None}
    if leadership is None:
        leadership = GroupLeadership(group=group, year=year, leader=leader, deputy=deputy)
    else:
        before = {
            "leader": leadership.leader.name,
            "deputy": getattr(leadership.deputy, "name", None),
        }
        leadership.leader, leadership.deputy = leader, deputy
    full_clean_or_error(leadership, exclude=["group"])
    leadership.save()
    after = {"leader": leader.name, "deputy": getattr(deputy, "name", None)}
    record(
        event_type=AuditEventType.GROUP_LEADERSHIP_SET,
        actor=actor,
        obj=group,
        changes={"year": [None, year], **diff(before, after)},
    )
    return leadership
