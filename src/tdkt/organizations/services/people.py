"""Person and employment-history writes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import uuid4

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.errors import ApplicationError
from tdkt.core.text import clean_text, normalize_identifier, normalize_name
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.keys import person_keys
from tdkt.organizations.models import DuplicateContext, Employment, Organization, Person
from tdkt.organizations.permissions import (
    ensure_can_change_organization,
    ensure_can_change_person,
)
from tdkt.organizations.validators import (
    birth_date_error,
    citizen_id_error,
    country_error,
    phone_error,
    post_dates_errors,
)
from tdkt.organizations.versions import ensure_version, history_version, version_of

from . import duplicates
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


def person_errors(data: Mapping[str, Any], *, today: date | None = None) -> dict[str, list[str]]:
    """Return the problems of one person's fields, by field, without reading the database.

    Every rule about a person's own fields lives here (the duplicate-CCCD rule needs the
    database and is ``_duplicate_refusal``/``citizen_id_conflicts``, for a submission that
    is otherwise valid): ``person_create``/``person_update`` and the
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
    birth = dob if isinstance(dob, date) else None
    if message := birth_date_error(birth, today=today or _today()):
        errors["date_of_birth"] = [message]
    return errors


def _duplicate_refusal(
    actor: Any,
    data: dict[str, Any],
    *,
    context: str,
    organization: Organization | None,
    exclude_pk: int | None = None,
    extra: dict[str, Any] | None = None,
) -> ApplicationError | None:
    """Return the refusal when the CCCD of ``data`` already belongs to another person.

    For a person the actor may not see, ``citizen_id_conflicts`` has routed the attempt to
    the officers (a review, audited): the caller raises the refusal after its transaction,
    so that the review stays while the refused write does not happen.
    """
    claim = duplicates.CitizenIdClaim(
        key=None,
        citizen_id=data.get("citizen_id") or "",
        submitted={
            **data,
            **(extra or {}),
            "organization": organization.name if organization else None,
        },
        organization=organization,
        exclude_pk=exclude_pk,
    )
    conflicts = duplicates.citizen_id_conflicts(actor=actor, claims=[claim], context=context)
    conflict = conflicts.get(None)
    if conflict is None:
        return None
    if conflict.routed:
        field_message = _("Cán bộ thi đua – khen thưởng sẽ kiểm tra số CCCD này.")
        return ApplicationError(conflict.message, fields={"citizen_id": [field_message]})
    return ApplicationError(_("Dữ liệu không hợp lệ."), fields={"citizen_id": [conflict.message]})


def _today() -> date:
    return timezone.localdate()


def _post_errors(
    start: date | None,
    end: date | None,
    *,
    closes_current: bool = False,
    today: date | None = None,
) -> dict[str, list[str]]:
    """Return the field errors of a post's dates (``post_dates_errors``); a transfer, which
    closes the current post, must lead to a post still held today or later. A batch passes
    ``today`` once for all its rows."""
    today = today or _today()
    errors = post_dates_errors(start, end, today=today)
    if closes_current and end is not None and end < today and "end_date" not in errors:
        errors["end_date"] = [
            _(
                "Điều chuyển phải sang một quá trình công tác còn hiệu lực: để trống Đến ngày, "
                "hoặc bỏ chọn kết thúc quá trình công tác hiện tại."
            )
        ]
    return errors


def set_derived_fields(person: Person) -> list[str]:
    """Set the fields computed from others (the folded search key and the sort key, see
    ``tdkt.organizations.keys``) and return their names; every writer calls it."""
    keys = person_keys(person.full_name, person.uuid)
    for name, value in keys.items():
        setattr(person, name, value)
    return list(keys)


def _clean_person_data(data: dict[str, Any]) -> dict[str, Any]:
    """Normalise the given text fields the same way whatever the entry path (ADR 0035)."""
    cleaned = dict(data)
    if "full_name" in cleaned:
        cleaned["full_name"] = normalize_name(cleaned["full_name"] or "")
    if "citizen_id" in cleaned:
        cleaned["citizen_id"] = normalize_identifier(cleaned["citizen_id"] or "") or None
    if "nationality" in cleaned:
        cleaned["nationality"] = normalize_identifier(cleaned["nationality"] or "").upper() or "VN"
    if "phone" in cleaned:
        cleaned["phone"] = normalize_identifier(cleaned["phone"] or "")
    if "email" in cleaned:
        cleaned["email"] = clean_text(cleaned["email"] or "")
    return cleaned


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
    of the unit that created them. One transaction; only a refusal for a CCCD registered
    outside the actor's scope leaves a trace, the officers' review (decision 0036).
    """
    with transaction.atomic():
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
        raise_if(person_errors(data) | _post_errors(start_date, None))
        position = normalize_name(position)
        refusal = _duplicate_refusal(
            actor,
            data,
            context=DuplicateContext.CREATE,
            organization=organization,
            extra={"start_date": start_date, "position": position},
        )
        if refusal is None:
            return _create_person(
                actor, data, organization=organization, start_date=start_date, position=position
            )
    raise refusal


def _create_person(
    actor: Any, data: dict[str, Any], *, organization: Organization, start_date: date, position: str
) -> Person:
    public_id = uuid4()
    person = Person(uuid=public_id, **data, **person_keys(data["full_name"], public_id))
    full_clean_or_error(person, exclude=["citizen_id", "sort_key"])
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
    expected_version: str | None = None,
) -> Person:
    """Change the given fields of a person (the others stay as they are), in one transaction
    (a CCCD registered outside the actor's scope is refused as in ``person_create``).

    ``expected_version`` is the ``version_of`` the edit was drawn from: a person changed
    since is refused (412) and nothing is written (decision 0038).
    """
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        ensure_can_change_person(actor, person)
        ensure_version(version_of(person), expected_version, audited=person)
        before = snapshot(person, PERSON_FIELDS)
        # The stored fields are normalised too, so a record written before a normalisation
        # rule existed is repaired (and audited) by its next edit instead of failing.
        stored = {name: getattr(person, name) for name in PERSON_FIELDS}
        merged = _clean_person_data(
            stored
            | given(
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
        raise_if(person_errors(merged))
        refusal = None
        if merged["citizen_id"] != stored["citizen_id"]:
            refusal = _duplicate_refusal(
                actor,
                merged,
                context=DuplicateContext.UPDATE,
                organization=None,
                exclude_pk=person.pk,
            )
        if refusal is None:
            changed = apply_changes(person, merged)
            if changed:
                keys = person_keys(person.full_name, person.uuid) if "full_name" in changed else {}
                for name, value in keys.items():
                    setattr(person, name, value)
                full_clean_or_error(person, exclude=["citizen_id", "sort_key"])
                person.save(update_fields=[*changed, *keys])
                record(
                    event_type=AuditEventType.PERSON_UPDATED,
                    actor=actor,
                    obj=person,
                    changes=diff(before, snapshot(person, PERSON_FIELDS)),
                )
            return person
    raise refusal


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
    expected_version: str | None = None,
) -> Employment:
    """Record a new post; with ``close_current`` the open post ends the day before (transfer).

    The actor must be allowed to write both the person (their current unit) and the target
    organisation, so a unit cannot take a person from another unit on its own.
    ``expected_version`` is the ``history_version`` the transfer was drawn from (412 when the
    history changed since: two transfers at once must not close each other's post).
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    ensure_can_change_organization(actor, organization)
    if Employment.objects.filter(person=person).exists():
        ensure_can_change_person(actor, person)
    ensure_version(history_version(person), expected_version, audited=person)
    open_before = Employment.objects.filter(
        person=person, end_date__isnull=True, start_date__lt=start_date
    )
    raise_if(
        _post_errors(start_date, end_date, closes_current=close_current and open_before.exists())
    )
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
    expected_version: str | None = None,
) -> Employment:
    """Correct a post (position or dates); the organisation is changed by adding a new post.

    ``expected_version`` is the post's ``version_of`` the correction was drawn from (412 when
    it changed since)."""
    employment = (
        Employment.objects.select_for_update()
        .select_related("person", "organization")
        .get(pk=employment.pk)
    )
    ensure_can_change_organization(actor, employment.organization)
    ensure_version(version_of(employment), expected_version, audited=employment.person)
    before = snapshot(employment, EMPLOYMENT_FIELDS)
    data = given(position=position, start_date=start_date, end_date=end_date)
    if "position" in data:
        data["position"] = normalize_name(data["position"])
    changed = apply_changes(employment, data)
    if not changed:
        return employment
    if {"start_date", "end_date"} & set(changed):
        raise_if(_post_errors(employment.start_date, employment.end_date))
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
