"""Industrial zone writes (board-wide reference data)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.text import fold, normalize_name
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.constants import ZoneKind, ZoneStatus
from tdkt.organizations.models import IndustrialZone
from tdkt.organizations.versions import ensure_version, version_of

from .common import apply_changes, full_clean_or_error, raise_if

ZONE_FIELDS = ["name", "kind", "district", "area_ha", "status"]


def _validate_zone(zone: IndustrialZone) -> None:
    errors: dict[str, list[str]] = {}
    if not zone.name:
        errors["name"] = [_("Tên khu công nghiệp là bắt buộc.")]
    elif IndustrialZone.objects.filter(name__iexact=zone.name).exclude(pk=zone.pk).exists():
        errors["name"] = [_("Khu công nghiệp này đã có trong hệ thống.")]
    if zone.area_ha is not None and zone.area_ha <= 0:
        errors["area_ha"] = [_("Diện tích phải lớn hơn 0.")]
    raise_if(errors)


@transaction.atomic
def zone_create(
    *,
    actor: Any,
    name: str,
    district: str = "",
    area_ha: Decimal | None = None,
    status: str = ZoneStatus.OPERATING,
    kind: str = ZoneKind.INDUSTRIAL,
) -> IndustrialZone:
    """Add an industrial zone."""
    ensure_board_writer(actor)
    zone = IndustrialZone(
        name=normalize_name(name),
        kind=kind,
        district=normalize_name(district),
        area_ha=area_ha,
        status=status,
    )
    zone.search_key = fold(zone.name)
    _validate_zone(zone)
    full_clean_or_error(zone)
    zone.save()
    record(
        event_type=AuditEventType.ZONE_CREATED,
        actor=actor,
        obj=zone,
        changes=diff({}, snapshot(zone, ZONE_FIELDS)),
    )
    return zone


@transaction.atomic
def zone_update(
    *,
    actor: Any,
    zone: IndustrialZone,
    name: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    district: str | Unchanged = UNCHANGED,
    area_ha: Decimal | Unchanged | None = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
    expected_version: str | None = None,
) -> IndustrialZone:
    """Change the given fields of an industrial zone (the others stay as they are);
    ``expected_version`` refuses a change drawn from an older version (412, decision 0038)."""
    ensure_board_writer(actor)
    zone = IndustrialZone.objects.select_for_update().get(pk=zone.pk)
    ensure_version(version_of(zone), expected_version, audited=zone)
    before = snapshot(zone, ZONE_FIELDS)
    data = given(name=name, kind=kind, district=district, area_ha=area_ha, status=status)
    for key in ("name", "district"):
        if key in data:
            data[key] = normalize_name(data[key])
    changed = apply_changes(zone, data)
    if not changed:
        return zone
    zone.search_key = fold(zone.name)
    _validate_zone(zone)
    full_clean_or_error(zone)
    zone.save(update_fields=[*changed, "search_key"])
    record(
        event_type=AuditEventType.ZONE_UPDATED,
        actor=actor,
        obj=zone,
        changes=diff(before, snapshot(zone, ZONE_FIELDS)),
    )
    return zone
