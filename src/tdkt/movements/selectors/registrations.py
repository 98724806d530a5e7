"""Reads of registrations: campaigns, sheets, the dashboard, and the check a proposal line is
held against (``registration_for``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.core.calendar import MAX_YEAR, MIN_YEAR
from tdkt.core.errors import NotFoundError
from tdkt.movements.codes import covered
from tdkt.movements.constants import RegistrationStatus, SheetState
from tdkt.movements.models import (
    RegistrationCampaign,
    RegistrationLine,
    RegistrationSheet,
)
from tdkt.organizations.models import Employment, Organization, Person

REGISTERED_STATES = (SheetState.SUBMITTED, SheetState.APPROVED)


def reference_date(year: int, today: date | None = None) -> date:
    """The day whose staff must register for ``year``: today, or the year's last day once
    the year is over (a past year is judged by who worked there at its end)."""
    today = today or timezone.localdate()
    return min(today, date(year, 12, 31))


def campaign_list(*, actor: Any) -> QuerySet[RegistrationCampaign]:
    """Return the yearly campaigns (announcements to every unit), latest first; nothing for a
    user who may see nothing."""
    if scope_for(actor).is_empty:
        return RegistrationCampaign.objects.none()
    return RegistrationCampaign.objects.order_by("-year")


def campaign_get(*, actor: Any, year: int) -> RegistrationCampaign:
    """Return the campaign of ``year``; 404 when there is none (or the user sees nothing)."""
    in_range = MIN_YEAR <= year <= MAX_YEAR
    campaign = campaign_list(actor=actor).filter(year=year).first() if in_range else None
    if campaign is None:
        raise NotFoundError(_("Chưa mở đăng ký thi đua năm này."))
    return campaign


def _campaign_units(actor: Any, campaign: RegistrationCampaign) -> QuerySet[Organization]:
    return scoped(campaign.organizations.all(), actor).order_by("path")


def sheet_list(*, actor: Any, campaign: RegistrationCampaign) -> QuerySet[RegistrationSheet]:
    """Return the sheets of the campaign whose unit the actor may see."""
    return scoped(
        campaign.sheets.select_related("organization", "organization__parent"),
        actor,
        path_field="organization__path",
    ).order_by("organization__path")


def sheet_get(*, actor: Any, uuid: UUID | str) -> RegistrationSheet:
    """Return one sheet; one of a unit outside the actor's scope answers like a missing one."""
    scope = scope_for(actor)
    return get_visible(
        RegistrationSheet.objects.select_related(
            "campaign", "organization", "organization__parent"
        ),
        uuid=uuid,
        visible=lambda sheet: scope.covers_path(sheet.organization.path),
        message=_("Không tìm thấy bản đăng ký thi đua."),
    )


def sheet_for_unit(
    *, campaign: RegistrationCampaign, organization: Organization
) -> RegistrationSheet | None:
    """Return the unit's sheet of the campaign, if it started one (the caller holds both)."""
    return campaign.sheets.filter(organization=organization).first()


def sheet_lines(sheet: RegistrationSheet) -> QuerySet[RegistrationLine]:
    """Return the sheet's lines: the collectives first, then people by name."""
    return sheet.lines.select_related("person", "organization").order_by(
        "person__search_key", "organization__path", "code", "id"
    )


def sheet_line_get(*, sheet: RegistrationSheet, line_id: int) -> RegistrationLine:
    """Return a line of a sheet the caller already holds (404 for a line of another sheet)."""
    line = sheet.lines.filter(pk=line_id).select_related("person", "organization").first()
    if line is None:
        raise NotFoundError(_("Không tìm thấy dòng đăng ký."))
    return line


def eligible_people(*, organization: Organization, on: date) -> QuerySet[Person]:
    """Return the people working in ``organization`` itself (not its sub-units) on ``on``:
    the individuals its sheet should list."""
    posts = Employment.objects.filter(organization=organization, start_date__lte=on).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=on)
    )
    return Person.objects.filter(pk__in=posts.values("person_id")).order_by("search_key", "id")


@dataclass
class UnitRegistration:
    """One unit's registration for the dashboard: who should register, who did, the rate."""

    organization: Organization
    sheet: RegistrationSheet | None
    eligible: int
    registered: int
    target_percent: int
    missing_people: list[Person] = field(default_factory=list)
    collective_registered: bool = False

    @property
    def rate(self) -> Decimal:
        """Registered over eligible, in percent with one decimal (100 when nobody is due)."""
        if not self.eligible:
            return Decimal(100)
        share = Decimal(self.registered * 100) / Decimal(self.eligible)
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def unregistered(self) -> int:
        """How many of those due have not registered yet."""
        return self.eligible - self.registered

    @property
    def meets_target(self) -> bool:
        """True when the rate reaches the campaign's target."""
        return self.rate >= self.target_percent


def registration_dashboard(
    *, actor: Any, campaign: RegistrationCampaign, today: date | None = None
) -> list[UnitRegistration]:
    """Return one row per unit of the campaign the actor may see.

    Eligible: the unit itself (a collective) and each person working in it on the reference
    date. Registered: those with a line in a submitted or approved sheet (decision 0604).
    """
    on = reference_date(campaign.year, today)
    units = list(_campaign_units(actor, campaign))
    sheets = {s.organization_id: s for s in campaign.sheets.filter(organization__in=units)}
    people: dict[int, list[Person]] = defaultdict(list)
    posts = (
        Employment.objects.filter(organization__in=units, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("person")
        .order_by("person__search_key", "person_id")
    )
    for post in posts:
        if all(p.pk != post.person_id for p in people[post.organization_id]):
            people[post.organization_id].append(post.person)
    lines: dict[int, set[tuple[str, int]]] = defaultdict(set)
    counted = RegistrationLine.objects.filter(
        sheet__campaign=campaign, sheet__organization__in=units, sheet__state__in=REGISTERED_STATES
    ).values_list("sheet__organization_id", "person_id", "organization_id")
    for unit_id, person_id, org_id in counted:
        lines[unit_id].add(("p", person_id) if person_id else ("o", org_id))
    rows = []
    for unit in units:
        done = lines[unit.pk]
        staff = people[unit.pk]
        missing = [p for p in staff if ("p", p.pk) not in done]
        collective = ("o", unit.pk) in done
        rows.append(
            UnitRegistration(
                organization=unit,
                sheet=sheets.get(unit.pk),
                eligible=len(staff) + 1,
                registered=len(staff) - len(missing) + (1 if collective else 0),
                target_percent=campaign.target_percent,
                missing_people=missing,
                collective_registered=collective,
            )
        )
    return rows


Key = tuple[int | None, int | None, str]
"""(person id, organisation id, code): one recipient and title to check."""


def registration_statuses(*, year: int, keys: Iterable[Key]) -> dict[Key, RegistrationStatus]:
    """Return the registration status of each (person, organisation, code) for ``year``.

    A title counts as registered when it, or a higher title of the same ladder, is on a line
    of an approved sheet (``REGISTERED``) or of a submitted one (``PENDING``).
    """
    keys = list(keys)
    people = {p for p, _o, _c in keys if p}
    orgs = {o for p, o, _c in keys if o and not p}
    approved: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    pending: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    if people or orgs:
        rows = RegistrationLine.objects.filter(
            Q(person_id__in=people) | Q(organization_id__in=orgs),
            sheet__campaign__year=year,
            sheet__state__in=REGISTERED_STATES,
        ).values_list("person_id", "organization_id", "code", "sheet__state")
        for line_person, line_org, line_code, state in rows:
            found: tuple[str, int | None] = ("p", line_person) if line_person else ("o", line_org)
            (approved if state == SheetState.APPROVED else pending)[found].add(line_code)
    result: dict[Key, RegistrationStatus] = {}
    for key in keys:
        person_id, org_id, code = key
        who: tuple[str, int | None] = ("p", person_id) if person_id else ("o", org_id)
        if code in covered(approved.get(who, set())):
            result[key] = RegistrationStatus.REGISTERED
        elif code in covered(pending.get(who, set())):
            result[key] = RegistrationStatus.PENDING
        else:
            result[key] = RegistrationStatus.NOT_REGISTERED
    return result


def registration_held(*, year: int) -> bool:
    """Tell whether the Board ran the yearly registration of ``year`` in the app.

    Years before the app (or a year the Board never opened) have no sheets at all; checking
    proposals against them would flag every line, which tells the officer nothing.
    """
    return RegistrationCampaign.objects.filter(year=year).exists()


def registration_for(
    *,
    year: int,
    code: str,
    person: Person | None = None,
    organization: Organization | None = None,
) -> RegistrationStatus:
    """Tell whether ``person`` (or the collective ``organization``) registered ``code`` for
    ``year``: the one check the commendation workflow holds a proposal line against.

    It takes no actor: the caller already holds the recipient (a line of a proposal it may
    read), and the answer says nothing but this status.
    """
    if (person is None) == (organization is None):
        raise ValueError("registration_for needs exactly one of person and organization")
    key: Key = (
        person.pk if person is not None else None,
        organization.pk if organization is not None else None,
        code,
    )
    return registration_statuses(year=year, keys=[key])[key]
