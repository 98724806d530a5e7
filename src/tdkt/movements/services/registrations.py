"""Writes of the yearly registration: campaigns, units' sheets (prefilled) and their lines.

Moves of a sheet (submit, approve, return) are in ``movements.registration_workflow``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.calendar import MAX_YEAR, MIN_YEAR
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.movements.codes import DEFAULT_CODE, code_label, registrable
from tdkt.movements.constants import REGISTRATION_TARGET_PERCENT, CampaignState
from tdkt.movements.models import RegistrationCampaign, RegistrationLine, RegistrationSheet
from tdkt.movements.permissions import (
    ensure_can_manage_registration,
    ensure_can_prepare_sheet,
)
from tdkt.movements.registration_workflow import EDITABLE
from tdkt.movements.selectors.registrations import eligible_people, reference_date
from tdkt.notifications.services import notify_organizations
from tdkt.organizations.models import Organization, Person
from tdkt.rules.codes import COLLECTIVE, INDIVIDUAL

CAMPAIGN_FIELDS = ["year", "deadline", "target_percent", "note", "state"]


def _campaign_errors(data: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if "year" in data and not MIN_YEAR <= int(data["year"]) <= MAX_YEAR:
        errors["year"] = [_("Năm nằm ngoài phạm vi lịch làm việc.")]
    deadline = data.get("deadline", date.min)
    if "deadline" in data and (
        not isinstance(deadline, date) or not MIN_YEAR <= deadline.year <= MAX_YEAR
    ):
        errors["deadline"] = [_("Cần ghi hạn đăng ký trong phạm vi lịch làm việc.")]
    if "target_percent" in data and not 1 <= int(data["target_percent"]) <= 100:
        errors["target_percent"] = [_("Chỉ tiêu là một tỷ lệ từ 1 đến 100 %.")]
    if "state" in data and data["state"] not in CampaignState.values:
        errors["state"] = [_("Trạng thái không hợp lệ.")]
    return errors


@transaction.atomic
def campaign_open(
    *,
    actor: Any,
    year: int,
    deadline: date,
    organizations: Iterable[Organization],
    target_percent: int = REGISTRATION_TARGET_PERCENT,
    note: str = "",
) -> RegistrationCampaign:
    """Open the registration of ``year`` for ``organizations`` and notify them."""
    ensure_can_manage_registration(actor)
    units = {org.pk: org for org in organizations}
    data = {"year": year, "deadline": deadline, "target_percent": target_percent}
    errors = _campaign_errors(data)
    if not units:
        errors["organizations"] = [_("Chọn ít nhất một đơn vị.")]
    elif inactive := [o.name for o in units.values() if not o.is_active]:
        errors["organizations"] = [
            _("Đơn vị không còn hoạt động: %(names)s.") % {"names": ", ".join(inactive)}
        ]
    if "year" not in errors and RegistrationCampaign.objects.filter(year=year).exists():
        errors["year"] = [_("Đã mở đăng ký thi đua năm này.")]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)
    campaign = RegistrationCampaign.objects.create(
        year=year,
        deadline=deadline,
        target_percent=target_percent,
        note=note.strip(),
        created_by=actor,
    )
    campaign.organizations.set(units.values())
    record(
        event_type=AuditEventType.REGISTRATION_CAMPAIGN_OPENED,
        actor=actor,
        obj=campaign,
        changes={
            **diff({}, snapshot(campaign, CAMPAIGN_FIELDS)),
            "organizations": [None, sorted(o.name for o in units.values())],
        },
    )
    with translation.override("vi"):
        title = _("Đăng ký thi đua năm %(year)s") % {"year": year}
        body = _(
            "Đề nghị đơn vị lập bản đăng ký thi đua năm %(year)s của tập thể và từng cá nhân, "
            "gửi trước ngày %(deadline)s."
        ) % {"year": year, "deadline": f"{deadline:%d/%m/%Y}"}
    notify_organizations(
        actor=actor,
        organizations=units.values(),
        kind="registration.opened",
        title=title,
        body=body,
        link=reverse("movements:registration-year", kwargs={"year": year}),
    )
    return campaign


@transaction.atomic
def campaign_update(
    *,
    actor: Any,
    campaign: RegistrationCampaign,
    expected_version: int | None = None,
    deadline: date | Unchanged = UNCHANGED,
    target_percent: int | Unchanged = UNCHANGED,
    note: str | Unchanged = UNCHANGED,
    state: str | Unchanged = UNCHANGED,
) -> RegistrationCampaign:
    """Change a campaign's deadline, target or note, or close (reopen) it."""
    ensure_can_manage_registration(actor)
    locked = RegistrationCampaign.objects.select_for_update().get(pk=campaign.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            _("Đợt đăng ký vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi.")
        )
    data = given(deadline=deadline, target_percent=target_percent, note=note, state=state)
    if "note" in data:
        data["note"] = str(data["note"]).strip()
    errors = _campaign_errors(data)
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)
    before = snapshot(locked, CAMPAIGN_FIELDS)
    for name, value in data.items():
        setattr(locked, name, value)
    changes = diff(before, snapshot(locked, CAMPAIGN_FIELDS))
    if not changes:
        return locked
    locked.version = F("version") + 1
    locked.save(update_fields=[*sorted(changes), "version"])
    locked.refresh_from_db(fields=["version"])
    record(
        event_type=AuditEventType.REGISTRATION_CAMPAIGN_UPDATED,
        actor=actor,
        obj=locked,
        changes=changes,
    )
    return locked


def _ensure_open(campaign: RegistrationCampaign) -> None:
    if campaign.state != CampaignState.OPEN:
        raise ConflictError(_("Đợt đăng ký thi đua đã kết thúc."))


def _prefill(
    campaign: RegistrationCampaign, organization: Organization, on: date
) -> tuple[list[RegistrationLine], int]:
    """Lines copied from last year's sheet for those still here, plus the default title for
    the unit and for each of its people not on last year's sheet."""
    staff = list(eligible_people(organization=organization, on=on))
    staff_ids = {p.pk for p in staff}
    children = set(
        Organization.objects.filter(parent=organization, is_active=True).values_list(
            "pk", flat=True
        )
    )
    last = (
        RegistrationLine.objects.filter(
            sheet__campaign__year=campaign.year - 1, sheet__organization=organization
        )
        .select_related("person", "organization")
        .order_by("id")
    )
    lines: list[RegistrationLine] = []
    seen: set[tuple[int | None, int | None, str]] = set()
    for old in last:
        if old.person_id in staff_ids or old.organization_id in children | {organization.pk}:
            key = (old.person_id, old.organization_id, old.code)
            if key in seen:
                continue
            seen.add(key)
            lines.append(
                RegistrationLine(
                    person_id=old.person_id,
                    organization_id=old.organization_id,
                    code=old.code,
                    note=old.note,
                )
            )
    copied = len(lines)
    people_done = {line.person_id for line in lines if line.person_id}
    if not any(line.organization_id == organization.pk for line in lines):
        lines.insert(0, RegistrationLine(organization=organization, code=DEFAULT_CODE[COLLECTIVE]))
    lines.extend(
        RegistrationLine(person=person, code=DEFAULT_CODE[INDIVIDUAL])
        for person in staff
        if person.pk not in people_done
    )
    return lines, copied


@transaction.atomic
def sheet_start(
    *,
    actor: Any,
    campaign: RegistrationCampaign,
    organization: Organization,
    today: date | None = None,
) -> RegistrationSheet:
    """Start the unit's sheet for the campaign, prefilled from last year (decision 0604)."""
    ensure_can_prepare_sheet(actor, organization)
    locked = RegistrationCampaign.objects.select_for_update().get(pk=campaign.pk)
    _ensure_open(locked)
    if not locked.organizations.filter(pk=organization.pk).exists():
        raise ApplicationError(_("Đơn vị không thuộc danh sách đăng ký thi đua năm này."))
    if locked.sheets.filter(organization=organization).exists():
        raise ConflictError(_("Đơn vị đã lập bản đăng ký thi đua năm này."))
    sheet = RegistrationSheet.objects.create(
        campaign=locked, organization=organization, created_by=actor
    )
    lines, copied = _prefill(locked, organization, reference_date(locked.year, today))
    for line in lines:
        line.sheet = sheet
    RegistrationLine.objects.bulk_create(lines)
    record(
        event_type=AuditEventType.REGISTRATION_SHEET_STARTED,
        actor=actor,
        obj=sheet,
        changes={
            "organization": [None, organization.pk],
            "lines": [None, len(lines)],
            "copied": [None, copied],
        },
    )
    return sheet


def _lock_for_edit(
    actor: Any, sheet: RegistrationSheet, expected_version: int | None
) -> RegistrationSheet:
    ensure_can_prepare_sheet(actor, sheet.organization)
    locked = (
        RegistrationSheet.objects.select_for_update()
        .select_related("campaign", "organization")
        .get(pk=sheet.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            _("Bản đăng ký vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi.")
        )
    _ensure_open(locked.campaign)
    if locked.state not in EDITABLE:
        raise ConflictError(_("Bản đăng ký đã gửi, không sửa được nữa."))
    return locked


def _bump(sheet: RegistrationSheet) -> None:
    sheet.version = F("version") + 1
    sheet.save(update_fields=["version"])
    sheet.refresh_from_db(fields=["version"])


def _registrant_name(line: RegistrationLine) -> str:
    return str(line.person or line.organization)


@transaction.atomic
def sheet_line_add(
    *,
    actor: Any,
    sheet: RegistrationSheet,
    code: str,
    person: Person | None = None,
    organization: Organization | None = None,
    note: str = "",
    expected_version: int | None = None,
    today: date | None = None,
) -> RegistrationLine:
    """Add a title for a person working in the unit, or for the unit (or a sub-unit)."""
    locked = _lock_for_edit(actor, sheet, expected_version)
    unit = locked.organization
    errors: dict[str, list[str]] = {}
    if (person is None) == (organization is None):
        errors["registrant"] = [_("Chọn một cá nhân hoặc một tập thể.")]
    kind = INDIVIDUAL if person is not None else COLLECTIVE
    if code not in registrable(kind):
        errors["code"] = [_("Danh hiệu, hình thức này không dành cho đối tượng đã chọn.")]
    if person is not None:
        on = reference_date(locked.campaign.year, today)
        if not eligible_people(organization=unit, on=on).filter(pk=person.pk).exists():
            errors["registrant"] = [_("Cá nhân không công tác tại đơn vị này.")]
    if organization is not None and not (
        organization.pk == unit.pk or (organization.parent_id == unit.pk and organization.is_active)
    ):
        errors["registrant"] = [_("Tập thể phải là đơn vị này hoặc đơn vị trực thuộc.")]
    note = " ".join(note.split())
    if len(note) > 300:
        errors["note"] = [_("Ghi chú tối đa 300 ký tự.")]
    if (
        not errors
        and locked.lines.filter(person=person, organization=organization, code=code).exists()
    ):
        errors["code"] = [_("Đã đăng ký danh hiệu, hình thức này.")]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], fields=errors)
    line = RegistrationLine.objects.create(
        sheet=locked, person=person, organization=organization, code=code, note=note
    )
    _bump(locked)
    record(
        event_type=AuditEventType.REGISTRATION_LINE_ADDED,
        actor=actor,
        obj=locked,
        changes={
            "registrant": [None, _registrant_name(line)],
            "title": [None, code_label(code, "vi")],
        },
    )
    return line


@transaction.atomic
def sheet_line_remove(
    *, actor: Any, line: RegistrationLine, expected_version: int | None = None
) -> RegistrationSheet:
    """Remove a line from a sheet being prepared."""
    locked = _lock_for_edit(actor, line.sheet, expected_version)
    current = RegistrationLine.objects.select_related("person", "organization").get(
        pk=line.pk, sheet=locked
    )
    name, code = _registrant_name(current), current.code
    current.delete()
    _bump(locked)
    record(
        event_type=AuditEventType.REGISTRATION_LINE_REMOVED,
        actor=actor,
        obj=locked,
        changes={"registrant": [name, None], "title": [code_label(code, "vi"), None]},
    )
    return locked
