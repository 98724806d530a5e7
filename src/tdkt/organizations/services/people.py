"""Person and employment-history writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.errors import ApplicationError
from tdkt.core.text import fold, normalize_name
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.models import Employment, Organization, Person
from tdkt.organizations.permissions import (
    ensure_can_change_organization,
    ensure_can_change_person,
)
from tdkt.organizations.validators import citizen_id_error, country_error, phone_error

from .common import apply_changes, field_errors, full_clean_or_error, raise_if

PERSON_FIELDS = [
    "full_name",
    "gender",
    "date_of_birth",
    "citizen_id",
    "nationality",
    "category",
    "email",
    "phone",
]
EMPLOYMENT_FIELDS = ["organization", "position", "start_date", "end_date"]
PERSON_TEXT_FIELDS = frozenset(
    {"full_name", "gender", "citizen_id", "nationality", "category", "email", "phone"}
)
#: Values per ``IN (…)`` query: well under SQLite's and PostgreSQL's parameter limits.
BATCH = 500


def person_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """Return the problems of one person's fields, by field, without reading the database.

    Every rule about a person's own fields lives here (the duplicate-CCCD rule needs the
    database and is ``citizen_id_conflicts``): ``person_create``/``person_update`` and the
    people import (``person_batch_plan``, thousands of rows at once) all apply it.
    """
    errors = field_errors(Person, {k: v for k, v in data.items() if k in PERSON_TEXT_FIELDS})
    if not data.get("full_name"):
        errors["full_name"] = [_("Họ và tên là bắt buộc.")]
    citizen_id = data.get("citizen_id")
    if citizen_id:
        message = citizen_id_error(
            citizen_id, date_of_birth=data.get("date_of_birth"), gender=data.get("gender") or ""
        )
        if message:
            errors["citizen_id"] = [message]
    if message := country_error(data.get("nationality") or ""):
        errors["nationality"] = [message]
    if message := phone_error(data.get("phone") or ""):
        errors["phone"] = [message]
    dob = data.get("date_of_birth")
    if isinstance(dob, date) and dob.year < 1900:
        errors["date_of_birth"] = [_("Ngày sinh không hợp lệ.")]
    return errors


def citizen_id_conflicts(
    *, actor: Any, citizen_ids: Iterable[str], exclude_pk: int | None = None
) -> dict[str, str]:
    """Return ``{number: message}`` for each CCCD number another person already holds.

    The one duplicate-CCCD rule, and the one place that decides what the actor is told: the
    person services call it for one number, the people import once for a whole file (a few
    hundred numbers per query), so a change of wording or of who may learn what lands here.
    """
    wanted = sorted({number for number in citizen_ids if number})
    others = Person.objects.all() if exclude_pk is None else Person.objects.exclude(pk=exclude_pk)
    taken: set[str] = set()
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        taken.update(
            number
            for number in others.filter(citizen_id__in=chunk).values_list("citizen_id", flat=True)
            if number
        )
    return {number: _("Số CCCD đã có trong hệ thống.") for number in sorted(taken)}


def _validate_person(data: dict[str, Any], *, actor: Any, exclude_pk: int | None = None) -> None:
    errors = person_errors(data)
    citizen_id = data.get("citizen_id")
    if citizen_id and "citizen_id" not in errors:
        conflicts = citizen_id_conflicts(
            actor=actor, citizen_ids=[citizen_id], exclude_pk=exclude_pk
        )
        if citizen_id in conflicts:
            errors["citizen_id"] = [conflicts[citizen_id]]
    raise_if(errors)


def set_derived_fields(person: Person) -> None:
    """Set the fields computed from others (the folded search key); every writer calls it."""
    person.search_key = fold(person.full_name)


def _clean_person_data(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    if "full_name" in cleaned:
        cleaned["full_name"] = normalize_name(cleaned["full_name"] or "")
    if "citizen_id" in cleaned:
        cleaned["citizen_id"] = (cleaned["citizen_id"] or "").strip() or None
    if "nationality" in cleaned:
        cleaned["nationality"] = (cleaned["nationality"] or "VN").strip().upper()
    return cleaned


@transaction.atomic
def person_create(
    *,
    actor: Any,
    full_name: str,
    category: str,
    organization: Organization,
    start_date: date,
    position: str = "",
    gender: str = "",
    date_of_birth: date | None = None,
    citizen_id: str | None = None,
    nationality: str = "VN",
    email: str = "",
    phone: str = "",
) -> Person:
    """Add a person together with their current post in ``organization``.

    A person always enters the registry through a post, so that they are inside the scope
    of the unit that created them.
    """
    ensure_can_change_organization(actor, organization)
    data = _clean_person_data(
        {
            "full_name": full_name,
            "category": category,
            "gender": gender,
            "date_of_birth": date_of_birth,
            "citizen_id": citizen_id,
            "nationality": nationality,
            "email": email,
            "phone": phone,
        }
    )
    _validate_person(data, actor=actor)
    person = Person(**data)
    set_derived_fields(person)
    full_clean_or_error(person, exclude=["citizen_id"])
    person.save()
    employment = Employment(
        person=person, organization=organization, position=position, start_date=start_date
    )
    full_clean_or_error(employment, exclude=["person"])
    employment.save()
    changes = diff({}, snapshot(person, PERSON_FIELDS))
    changes["employment"] = [None, snapshot(employment, EMPLOYMENT_FIELDS)]
    record(event_type=AuditEventType.PERSON_CREATED, actor=actor, obj=person, changes=changes)
    return person


@transaction.atomic
def person_update(
    *,
    actor: Any,
    person: Person,
    full_name: str | Unchanged = UNCHANGED,
    gender: str | Unchanged = UNCHANGED,
    date_of_birth: date | Unchanged | None = UNCHANGED,
    citizen_id: str | Unchanged | None = UNCHANGED,
    nationality: str | Unchanged = UNCHANGED,
    category: str | Unchanged = UNCHANGED,
    email: str | Unchanged = UNCHANGED,
    phone: str | Unchanged = UNCHANGED,
) -> Person:
    """Change the given fields of a person (the others stay as they are)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    ensure_can_change_person(actor, person)
    before = snapshot(person, PERSON_FIELDS)
    data = _clean_person_data(
        given(
            full_name=full_name,
            gender=gender,
            date_of_birth=date_of_birth,
            citizen_id=citizen_id,
            nationality=nationality,
            category=category,
            email=email,
            phone=phone,
        )
    )
    merged = {name: getattr(person, name) for name in PERSON_FIELDS} | data
    _validate_person(merged, actor=actor, exclude_pk=person.pk)
    changed = apply_changes(person, data)
    if not changed:
        return person
    set_derived_fields(person)
    full_clean_or_error(person, exclude=["citizen_id"])
    person.save(update_fields=[*changed, "search_key"])
    record(
        event_type=AuditEventType.PERSON_UPDATED,
        actor=actor,
        obj=person,
        changes=diff(before, snapshot(person, PERSON_FIELDS)),
    )
    return person


def _check_overlap(employment: Employment) -> None:
    """A person holds one main post at a time: periods may touch but not overlap."""
    others = Employment.objects.filter(person=employment.person).exclude(pk=employment.pk)
    end = employment.end_date or date.max
    for other in others:
        other_end = other.end_date or date.max
        if employment.start_date <= other_end and other.start_date <= end:
            raise ApplicationError(
                _("Quá trình công tác bị trùng thời gian với %(org)s (%(start)s).")
                % {"org": other.organization, "start": other.start_date.strftime("%d/%m/%Y")},
                fields={"start_date": [_("Trùng thời gian với quá trình khác.")]},
            )


@transaction.atomic
def employment_add(
    *,
    actor: Any,
    person: Person,
    organization: Organization,
    start_date: date,
    position: str = "",
    end_date: date | None = None,
    close_current: bool = True,
) -> Employment:
    """Record a new post; with ``close_current`` the open post ends the day before (transfer).

    The actor must be allowed to write both the person (their current unit) and the target
    organisation, so a unit cannot take a person from another unit on its own.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    ensure_can_change_organization(actor, organization)
    if Employment.objects.filter(person=person).exists():
        ensure_can_change_person(actor, person)
    changes: dict[str, Any] = {}
    if close_current:
        for current in Employment.objects.filter(person=person, end_date__isnull=True):
            if current.start_date < start_date:
                before = snapshot(current, EMPLOYMENT_FIELDS)
                current.end_date = date.fromordinal(start_date.toordinal() - 1)
                current.save(update_fields=["end_date"])
                changes["closed"] = [before, snapshot(current, EMPLOYMENT_FIELDS)]
    employment = Employment(
        person=person,
        organization=organization,
        position=normalize_name(position),
        start_date=start_date,
        end_date=end_date,
    )
    full_clean_or_error(employment)
    _check_overlap(employment)
    employment.save()
    changes["employment"] = [None, snapshot(employment, EMPLOYMENT_FIELDS)]
    record(event_type=AuditEventType.EMPLOYMENT_ADDED, actor=actor, obj=person, changes=changes)
    return employment


@transaction.atomic
def employment_update(
    *,
    actor: Any,
    employment: Employment,
    position: str | Unchanged = UNCHANGED,
    start_date: date | Unchanged = UNCHANGED,
    end_date: date | Unchanged | None = UNCHANGED,
) -> Employment:
    """Correct a post (position or dates); the organisation is changed by adding a new post."""
    employment = (
        Employment.objects.select_for_update()
        .select_related("person", "organization")
        .get(pk=employment.pk)
    )
    ensure_can_change_organization(actor, employment.organization)
    before = snapshot(employment, EMPLOYMENT_FIELDS)
    data = given(position=position, start_date=start_date, end_date=end_date)
    if "position" in data:
        data["position"] = normalize_name(data["position"])
    changed = apply_changes(employment, data)
    if not changed:
        return employment
    full_clean_or_error(employment)
    _check_overlap(employment)
    employment.save(update_fields=changed)
    record(
        event_type=AuditEventType.EMPLOYMENT_UPDATED,
        actor=actor,
        obj=employment.person,
        changes={"employment": [before, snapshot(employment, EMPLOYMENT_FIELDS)]},
    )
    return employment
