"""Organisation tree writes, including the enterprise profile of enterprises."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.errors import ApplicationError
from tdkt.core.text import fold, normalize_identifier, normalize_name
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.keys import tree_key
from tdkt.organizations.models import Enterprise, IndustrialZone, Organization
from tdkt.organizations.permissions import (
    ENTERPRISE_PROFILE_FIELDS,
    ORGANIZATION_FIELDS,
    ensure_can_change_fields,
    ensure_can_change_organization,
    ensure_can_create,
    ensure_can_place_under,
)
from tdkt.organizations.structure import (
    children_fit,
    compatible_kinds,
    kind_label,
    placement_error,
)
from tdkt.organizations.validators import country_error, tax_code_error
from tdkt.organizations.versions import ensure_version, version_of

from .common import apply_changes, full_clean_or_error, raise_if, refuse_unknown

ORG_FIELDS = list(ORGANIZATION_FIELDS)
ENTERPRISE_FIELDS = list(ENTERPRISE_PROFILE_FIELDS)


def tax_code_conflicts(
    *, tax_codes: Iterable[str], exclude_pk: int | None = None
) -> dict[str, str]:
    """Return ``{tax code: message}`` for each tax code another enterprise already has.

    The one duplicate-tax-code rule: the organisation services call it for one code, the
    organisations import once for a whole file (a few hundred codes per query).
    """
    wanted = sorted({code for code in tax_codes if code})
    others = Enterprise.objects.all()
    if exclude_pk is not None:
        others = others.exclude(organization_id=exclude_pk)
    taken: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        taken.update(others.filter(tax_code__in=chunk).values_list("tax_code", flat=True))
    return {code: _("Mã số thuế đã có trong hệ thống.") for code in sorted(taken)}


def _validate_enterprise(data: dict[str, Any], *, exclude_pk: int | None = None) -> None:
    errors: dict[str, list[str]] = {}
    tax_code = normalize_identifier(str(data.get("tax_code") or ""))
    if message := tax_code_error(tax_code):
        errors["tax_code"] = [message]
    elif conflict := tax_code_conflicts(tax_codes=[tax_code], exclude_pk=exclude_pk):
        errors["tax_code"] = [conflict[tax_code]]
    if data.get("investment_type") not in {"fdi", "ddi"}:
        errors["investment_type"] = [_("Chọn loại hình FDI hoặc DDI.")]
    if message := country_error(_country(data.get("investor_country"))):
        errors["investor_country"] = [message]
    if data.get("investment_type") == "fdi" and not _country(data.get("investor_country")):
        errors["investor_country"] = [_("Doanh nghiệp FDI phải có quốc gia nhà đầu tư.")]
    capital = data.get("registered_capital")
    if capital is not None and Decimal(capital) < 0:
        errors["registered_capital"] = [_("Vốn đăng ký không được âm.")]
    raise_if(errors)


@transaction.atomic
def organization_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    parent: Organization | None = None,
    short_name: str = "",
    address: str = "",
    enterprise: dict[str, Any] | None = None,
) -> Organization:
    """Add an organisation of ``kind`` under ``parent`` (decision 0037: who may add which
    kind, and which kind fits under which, are ``permissions.ensure_can_create`` and
    ``structure.placement_error``).

    ``enterprise`` carries the profile fields (``ENTERPRISE_FIELDS``: tax_code,
    investment_type, investor_country, zone, registered_capital, capital_currency) and is
    required for kind ``enterprise``; any other key is a TypeError.
    """
    ensure_can_create(actor, parent, kind)
    if enterprise is not None:
        refuse_unknown(enterprise, ENTERPRISE_FIELDS, "enterprise")
    if message := placement_error(kind, parent.kind if parent else None):
        raise ApplicationError(message, fields={"kind": [message]})
    if kind == OrganizationKind.ENTERPRISE and enterprise is None:
        raise ApplicationError(
            _("Doanh nghiệp phải có mã số thuế và loại hình đầu tư."),
            fields={"tax_code": [_("Bắt buộc.")]},
        )
    if kind != OrganizationKind.ENTERPRISE and enterprise is not None:
        raise ApplicationError(_("Chỉ doanh nghiệp mới có thông tin doanh nghiệp."))
    org = Organization(
        name=normalize_name(name),
        short_name=normalize_name(short_name),
        kind=kind,
        parent=parent,
        address=normalize_name(address),
    )
    org.search_key = fold(f"{org.name} {org.short_name}")
    full_clean_or_error(org, exclude=["path"])
    if enterprise is not None:
        _validate_enterprise(enterprise)
    org.save()
    org.path = f"{parent.path if parent else '/'}{org.pk}/"
    org.tree_key = _tree_key(org, parent)
    org.save(update_fields=["path", "tree_key"])
    changes = diff({}, snapshot(org, ORG_FIELDS))
    if enterprise is not None:
        profile = Enterprise(organization=org, **_enterprise_values(enterprise))
        full_clean_or_error(profile, exclude=["organization"])
        profile.save()
        changes |= diff({}, snapshot(profile, ENTERPRISE_FIELDS))
    record(event_type=AuditEventType.ORGANIZATION_CREATED, actor=actor, obj=org, changes=changes)
    return org


def _country(value: Any) -> str:
    return normalize_identifier(str(value or "")).upper()


def _enterprise_values(data: dict[str, Any]) -> dict[str, Any]:
    zone = data.get("zone")
    if zone is not None and not isinstance(zone, IndustrialZone):
        zone = IndustrialZone.objects.get(pk=zone)
    capital = data.get("registered_capital")
    return {
        "tax_code": normalize_identifier(str(data["tax_code"])),
        "investment_type": data["investment_type"],
        "investor_country": _country(data.get("investor_country")),
        "zone": zone,
        "registered_capital": Decimal(capital) if capital is not None and capital != "" else None,
        "capital_currency": data.get("capital_currency") or "VND",
    }


@transaction.atomic
def organization_update(
    *,
    actor: Any,
    organization: Organization,
    name: str | Unchanged = UNCHANGED,
    short_name: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    parent: Organization | Unchanged | None = UNCHANGED,
    address: str | Unchanged = UNCHANGED,
    is_active: bool | Unchanged = UNCHANGED,
    enterprise: dict[str, Any] | None = None,
    expected_version: str | None = None,
) -> Organization:
    """Change the given fields of an organisation; a new ``parent`` moves its whole subtree.

    ``enterprise`` holds the profile fields to change (see ``organization_create``). Who may
    change which field is ``permissions.changeable_fields``, checked on the fields whose value
    changes before any value is validated; a kind changes only within
    ``structure.compatible_kinds`` and must fit its parent and its children (decision 0037).
    ``expected_version`` is the ``version_of`` (enterprise profile included) the edit was
    drawn from: 412 when the organisation changed since (decision 0038).
    """
    org = Organization.objects.select_for_update().get(pk=organization.pk)
    ensure_can_change_organization(actor, org)
    ensure_version(version_of(org), expected_version, audited=org)
    if enterprise is not None:
        refuse_unknown(enterprise, ENTERPRISE_FIELDS, "enterprise")
    before = snapshot(org, ORG_FIELDS)
    data = given(
        name=name,
        short_name=short_name,
        kind=kind,
        parent=parent,
        address=address,
        is_active=is_active,
    )
    for key in ("name", "short_name", "address"):
        if key in data:
            data[key] = normalize_name(data[key])
    profile = (
        Enterprise.objects.filter(organization=org).first() if enterprise is not None else None
    )
    changing = {key for key, value in data.items() if getattr(org, key) != value}
    ensure_can_change_fields(actor, org, changing | _profile_changes(profile, enterprise or {}))
    new_parent = data.get("parent", org.parent)
    if "parent" in changing:
        _check_move(actor, org, new_parent)
    if changing & {"kind", "parent"}:
        _check_placement(org, data.get("kind", org.kind), new_parent)
    changed = apply_changes(org, data)
    changes: dict[str, list[Any]] = {}
    if changed:
        org.search_key = fold(f"{org.name} {org.short_name}")
        full_clean_or_error(org, exclude=["path"])
        org.save(update_fields=[*changed, "search_key"])
        if "parent" in changed:
            _move_subtree(org, new_parent)
        if {"name", "kind", "parent"} & set(changed):
            _rekey_subtree(org, new_parent)
        changes = diff(before, snapshot(org, ORG_FIELDS))
    if enterprise is not None:
        changes |= _update_enterprise(org, profile, enterprise)
    if changes:
        record(
            event_type=AuditEventType.ORGANIZATION_UPDATED, actor=actor, obj=org, changes=changes
        )
    return org


def _profile_changes(profile: Enterprise | None, data: dict[str, Any]) -> set[str]:
    """Return the profile fields of ``data`` whose value differs from ``profile``'s, compared
    as they would be stored, without validating them (that comes after the permission)."""
    if profile is None:
        return set(data)
    new: dict[str, Callable[[Any], Any]] = {
        "tax_code": lambda v: normalize_identifier(str(v or "")),
        "investor_country": _country,
        "zone": lambda v: getattr(v, "pk", v),
        "registered_capital": _decimal_or_raw,
        "capital_currency": lambda v: v or "VND",
    }
    current = snapshot(profile, ENTERPRISE_FIELDS) | {
        "zone": profile.zone_id,
        "registered_capital": profile.registered_capital,
    }
    return {key for key, value in data.items() if new.get(key, lambda v: v)(value) != current[key]}


def _decimal_or_raw(value: Any) -> Any:
    try:
        return None if value is None or value == "" else Decimal(value)
    except (ArithmeticError, TypeError, ValueError):
        return value


def _check_move(actor: Any, org: Organization, new_parent: Organization | None) -> None:
    ensure_can_place_under(actor, new_parent)
    if new_parent is not None and new_parent.path.startswith(org.path):
        raise ApplicationError(
            _("Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó."),
            fields={"parent": [_("Đơn vị cấp trên không hợp lệ.")]},
        )


def _check_placement(org: Organization, kind: str, parent: Organization | None) -> None:
    """Refuse a kind change outside the compatible kinds, or a kind or a move that no longer
    fits the parent or the children (400)."""
    field = "kind" if kind != org.kind else "parent"
    if kind not in compatible_kinds(org.kind):
        message = _("Không đổi được loại tổ chức từ %(old)s thành %(new)s.") % {
            "old": kind_label(org.kind).lower(),
            "new": kind_label(kind).lower(),
        }
        raise ApplicationError(message, fields={"kind": [message]})
    if misplaced := placement_error(kind, parent.kind if parent else None):
        raise ApplicationError(misplaced, fields={field: [misplaced]})
    children = Organization.objects.filter(parent=org).values_list("kind", flat=True)
    if not children_fit(kind, children):
        message = _("Các đơn vị cấp dưới của tổ chức này không thể thuộc %(kind)s.") % {
            "kind": kind_label(kind).lower()
        }
        raise ApplicationError(message, fields={"kind": [message]})


def _move_subtree(org: Organization, new_parent: Organization | None) -> None:
    old_path = org.path
    new_path = f"{new_parent.path if new_parent else '/'}{org.pk}/"
    Organization.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
    )
    org.path = new_path


def _tree_key(org: Organization, parent: Organization | None) -> str:
    return tree_key(parent.tree_key if parent else "", name=org.name, kind=org.kind, pk=org.pk)


def _rekey_subtree(org: Organization, parent: Organization | None) -> None:
    """Give ``org`` its new tree key and carry it to every descendant (one UPDATE)."""
    old_key, new_key = org.tree_key, _tree_key(org, parent)
    if new_key == old_key:
        return
    Organization.objects.filter(path__startswith=org.path).update(
        tree_key=Concat(Value(new_key), Substr("tree_key", len(old_key) + 1))
    )
    org.tree_key = new_key


def _update_enterprise(
    org: Organization, profile: Enterprise | None, data: dict[str, Any]
) -> dict[str, list[Any]]:
    if profile is None:
        raise ApplicationError(_("Tổ chức này không phải doanh nghiệp."))
    before = snapshot(profile, ENTERPRISE_FIELDS)
    merged = {**before, **data}
    if "zone" in merged and merged["zone"] is not None and "zone" not in data:
        merged["zone"] = profile.zone
    _validate_enterprise(merged, exclude_pk=org.pk)
    changed = apply_changes(profile, _enterprise_values(merged))
    if not changed:
        return {}
    full_clean_or_error(profile, exclude=["organization"])
    profile.save(update_fields=changed)
    return diff(before, snapshot(profile, ENTERPRISE_FIELDS))
