"""Reads of petitions, each checked against the actor first (``permissions.ensure_read``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.accounts.scopes import get_visible
from tdkt.commendations.selectors.work import WorkItem
from tdkt.core.calendar import WorkingCalendar
from tdkt.core.selectors import working_calendar
from tdkt.core.text import fold

from .constants import PetitionKind, PetitionState
from .deadlines import (
    MAX_EXTENSIONS_DEFAULT,
    RULES,
    DayUnit,
    DeadlineRule,
    DeadlineSettings,
    Period,
)
from .models import DeadlineParameter, Petition
from .permissions import ensure_read, may_handle, may_read

MAX_EXTENSIONS = "denunciation_max_extensions"


def deadline_settings() -> DeadlineSettings:
    """The periods in force: the officer's values over the rules' defaults."""
    periods: dict[str, Period] = {}
    max_extensions = MAX_EXTENSIONS_DEFAULT
    for row in DeadlineParameter.objects.all():
        if row.name == MAX_EXTENSIONS:
            max_extensions = row.days
        elif row.unit in DayUnit.__members__.values():
            periods[row.name] = Period(row.days, DayUnit(row.unit))
    return DeadlineSettings(periods=periods, max_extensions=max_extensions)


@dataclass(frozen=True)
class ParameterRow:
    """One line of the parameters page: the rule, the value in force, who changed it."""

    name: str
    label: str
    default_days: int
    default_unit: str
    days: int
    unit: str
    source: str
    verified: bool
    changed: DeadlineParameter | None
    unit_editable: bool = True

    @property
    def version(self) -> int:
        return self.changed.version if self.changed else 0


def deadline_rows(*, actor: Any) -> list[ParameterRow]:
    """Every named period and the extension count, with the value in force."""
    ensure_read(actor)
    stored = {row.name: row for row in DeadlineParameter.objects.select_related("updated_by")}
    rows = []
    for rule in RULES:
        changed = stored.get(rule.name)
        rows.append(_row(rule, changed))
    changed = stored.get(MAX_EXTENSIONS)
    rows.append(
        ParameterRow(
            name=MAX_EXTENSIONS,
            label=_("Số lần gia hạn giải quyết tố cáo tối đa"),
            default_days=MAX_EXTENSIONS_DEFAULT,
            default_unit="",
            days=changed.days if changed else MAX_EXTENSIONS_DEFAULT,
            unit="",
            source="Luật Tố cáo 2018, Điều 30",
            verified=False,
            changed=changed,
            unit_editable=False,
        )
    )
    return rows


def _row(rule: DeadlineRule, changed: DeadlineParameter | None) -> ParameterRow:
    return ParameterRow(
        name=rule.name,
        label=str(rule.label),
        default_days=rule.days,
        default_unit=rule.unit.value,
        days=changed.days if changed else rule.days,
        unit=changed.unit if changed else rule.unit.value,
        source=rule.source,
        verified=rule.verified,
        changed=changed,
        unit_editable=not rule.fixed_unit,
    )


@dataclass(frozen=True)
class Urgency:
    """How close the current step's deadline is: ``overdue``, ``due_soon`` or ``on_time``."""

    level: str
    due_on: date
    text: str


def urgency_of(
    petition: Petition, *, today: date, calendar: WorkingCalendar, settings: DeadlineSettings
) -> Urgency | None:
    """Say how the petition stands against its deadline; None once it has ended."""
    due = petition.current_due_on
    if due is None:
        return None
    if due < today:
        late = calendar.working_days_between(due, today)
        days = (today - due).days
        text = ngettext("Quá hạn %(days)s ngày", "Quá hạn %(days)s ngày", days) % {"days": days}
        if late != days:
            text += " " + _("(%(n)s ngày làm việc)") % {"n": late}
        return Urgency("overdue", due, text)
    if due == today:
        return Urgency("due_soon", due, _("Đến hạn hôm nay"))
    left = calendar.working_days_between(today, due)
    soon = settings.period("due_soon").days
    text = ngettext("Còn %(n)s ngày làm việc", "Còn %(n)s ngày làm việc", left) % {"n": left}
    return Urgency("due_soon" if left <= soon else "on_time", due, text)


@dataclass(frozen=True)
class PetitionFilters:
    kind: str = ""
    state: str = ""
    year: int | None = None
    urgency: str = ""
    text: str = ""


def _due_between(first: date | None, last: date | None) -> Q:
    received = Q(state=PetitionState.RECEIVED)
    accepted = Q(state=PetitionState.ACCEPTED)
    if first is not None:
        received &= Q(acceptance_due_on__gte=first)
        accepted &= Q(due_on__gte=first)
    if last is not None:
        received &= Q(acceptance_due_on__lte=last)
        accepted &= Q(due_on__lte=last)
    return received | accepted


def petition_list(*, actor: Any, filters: PetitionFilters | None = None) -> QuerySet[Petition]:
    """The register, newest first, narrowed by ``filters``."""
    ensure_read(actor)
    found = Petition.objects.select_related("concerned_person", "concerned_organization")
    f = filters or PetitionFilters()
    if f.kind:
        found = found.filter(kind=f.kind)
    if f.state == "open":
        found = found.filter(state__in=[PetitionState.RECEIVED, PetitionState.ACCEPTED])
    elif f.state:
        found = found.filter(state=f.state)
    if f.year:
        found = found.filter(year=f.year)
    if f.urgency:
        today = timezone.localdate()
        if f.urgency == "overdue":
            found = found.filter(_due_between(None, date.fromordinal(today.toordinal() - 1)))
        elif f.urgency == "due_soon":
            soon = deadline_settings().period("due_soon").days
            last = working_calendar().add_working_days(today, soon)
            found = found.filter(_due_between(today, last))
    if f.text:
        words = fold(f.text).split()
        for word in words[:5]:
            found = found.filter(search_key__contains=word)
    return found


def petition_get(*, actor: Any, uuid: UUID | str) -> Petition:
    """One petition, 404 for those who may not read the register (no existence oracle)."""
    ensure_read(actor)
    return get_visible(
        Petition.objects.select_related("concerned_person", "concerned_organization", "handler"),
        uuid=uuid,
        visible=lambda petition: may_read(actor),
        message=_("Không tìm thấy đơn thư."),
    )


def handler_choices() -> QuerySet[User]:
    """The active officers a petition may be given to."""
    return User.objects.filter(
        is_active=True, role__in=[Role.EMULATION_OFFICER, Role.ADMIN]
    ).order_by("first_name", "username")


def petition_years(*, actor: Any) -> list[int]:
    ensure_read(actor)
    return list(Petition.objects.order_by("-year").values_list("year", flat=True).distinct())


@dataclass(frozen=True)
class PetitionCounts:
    open: int
    overdue: int
    due_soon: int


def petition_counts(*, actor: Any) -> PetitionCounts | None:
    """The open petitions and how many are late or close to their deadline (dashboard)."""
    if not may_read(actor):
        return None
    today = timezone.localdate()
    soon = deadline_settings().period("due_soon").days
    last = working_calendar().add_working_days(today, soon)
    yesterday = date.fromordinal(today.toordinal() - 1)
    figures = Petition.objects.aggregate(
        open=Count("pk", filter=Q(state__in=[PetitionState.RECEIVED, PetitionState.ACCEPTED])),
        overdue=Count("pk", filter=_due_between(None, yesterday)),
        due_soon=Count("pk", filter=_due_between(today, last)),
    )
    return PetitionCounts(**figures)


def under_verification(
    person_ids: Iterable[int], organization_ids: Iterable[int]
) -> tuple[set[int], set[int]]:
    """The people and organisations among those given that an accepted complaint or
    denunciation concerns: they are being verified, so commending them waits (NĐ 152/2025
    Art 4). Used by the commendation workflow's flags; reads no actor because the flag shows
    only that a check applies, never the petition."""
    people = set(person_ids)
    orgs = set(organization_ids)
    if not people and not orgs:
        return set(), set()
    rows = Petition.objects.filter(
        Q(concerned_person__in=people) | Q(concerned_organization__in=orgs),
        state=PetitionState.ACCEPTED,
        kind__in=[PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION],
    ).values_list("concerned_person_id", "concerned_organization_id")
    found_people = {p for p, _o in rows if p in people}
    found_orgs = {o for _p, o in rows if o in orgs}
    return found_people, found_orgs


def petition_work(*, actor: Any) -> list[WorkItem]:
    """The dashboard's waiting work of petitions: late ones, nearly late ones (handlers only:
    a leader reads the register but does not act on it)."""
    if not may_handle(actor):
        return []
    counts = petition_counts(actor=actor)
    if counts is None:
        return []
    url = reverse("petitions:petition-list")
    items = []
    if counts.overdue:
        items.append(
            WorkItem(_("Đơn thư quá hạn giải quyết"), counts.overdue, f"{url}?urgency=overdue")
        )
    if counts.due_soon:
        items.append(WorkItem(_("Đơn thư sắp đến hạn"), counts.due_soon, f"{url}?urgency=due_soon"))
    return items
