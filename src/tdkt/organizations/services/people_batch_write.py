"""Write a planned people batch: the import's one short transaction (see ``people_batch``).

``person_batch_prepare`` builds every row and audit event of a plan without touching the
database; ``person_batch_save`` then checks that nothing the plan read has changed (else the
whole batch is refused, to be checked again), inserts (``tdkt.core.bulk.bulk_insert``) and
updates in bulk, and appends the events with ``record_many``, the chain's head locked once.
New rows get every field the model stores, derived ones included (``set_derived_fields``: the
search and sort keys), as ``person_create`` would give them, and each event has the content the
one-at-a-time service would record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import (
    PendingEvent,
    PreparedEvent,
    diff,
    prepare_events,
    record_many,
    snapshot,
)
from tdkt.core.bulk import bulk_insert
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.core.text import normalize_name
from tdkt.organizations.models import Employment, Person
from tdkt.organizations.permissions import ensure_can_add_records

from .people import BATCH, EMPLOYMENT_FIELDS, PERSON_FIELDS, set_derived_fields
from .people_batch import (
    UNCHANGED,
    PersonBatch,
    PersonStep,
    filter_in,
    fingerprint,
    posts_of,
)


@dataclass
class PreparedBatch:
    """Every row and audit event a planned batch will write, built before its transaction
    opens (``person_batch_prepare``) so that the transaction holds the write lock and the
    audit chain's head only to check and write them."""

    batch: PersonBatch
    prepared_events: list[PreparedEvent] = field(default_factory=list)
    new_people: list[Person] = field(default_factory=list)
    new_posts: list[Employment] = field(default_factory=list)
    changed_people: list[Person] = field(default_factory=list)
    person_fields: set[str] = field(default_factory=set)
    closed: list[Employment] = field(default_factory=list)
    added: list[Employment] = field(default_factory=list)
    corrected: list[Employment] = field(default_factory=list)
    post_fields: set[str] = field(default_factory=set)
    events: list[PendingEvent] = field(default_factory=list)


def person_batch_prepare(*, actor: Any, batch: PersonBatch) -> PreparedBatch:
    """Build the rows and audit events of a planned batch, without touching the database.

    The people import calls it before its write transaction; ``person_batch_save`` calls it
    itself when given a plan.
    """
    ensure_can_add_records(actor)
    if not batch.ok:
        raise ApplicationError(_("Dữ liệu không hợp lệ."))
    work = PreparedBatch(batch)
    _prepare_new_people(actor, [s for s in batch.steps if s.person is None], work)
    _prepare_updates(actor, [s for s in batch.steps if s.person is not None], work)
    work.prepared_events = prepare_events(work.events)
    return work


def person_batch_save(*, actor: Any, batch: PersonBatch | PreparedBatch) -> PersonBatch:
    """Write a planned batch in one transaction and audit every change it makes.

    Refuses (``ConflictError``, nothing written) when a person or post the plan read has
    changed since, or a new CCCD has been taken meanwhile; ``extra["errors"]`` then maps each
    refused entry's index to its field messages. Refuses a plan with errors outright. Given a
    ``PreparedBatch`` the transaction only checks, writes and chains what was prepared.
    """
    ensure_can_add_records(actor)
    work = (
        batch
        if isinstance(batch, PreparedBatch)
        else person_batch_prepare(actor=actor, batch=batch)
    )
    batch = work.batch
    with transaction.atomic():
        _check_unchanged(actor, batch)
        bulk_insert(Person, work.new_people, _columns(Person))
        for post, person in zip(work.new_posts, work.new_people, strict=True):
            post.person_id = person.pk  # the person has its primary key only now
        bulk_insert(Employment, [*work.new_posts, *work.added], _columns(Employment))
        if work.changed_people:
            Person.objects.bulk_update(
                work.changed_people, sorted(work.person_fields), batch_size=BATCH
            )
        if work.closed:
            Employment.objects.bulk_update(work.closed, ["end_date"], batch_size=BATCH)
        if work.corrected:
            Employment.objects.bulk_update(
                work.corrected, sorted(work.post_fields), batch_size=BATCH
            )
        record_many(work.prepared_events)
    return batch


def _check_unchanged(actor: Any, batch: PersonBatch) -> None:
    """Refuse the batch when what its plan read is no longer so (optimistic concurrency)."""
    errors: dict[int, dict[str, list[str]]] = {}
    updates = {
        s.person.pk: (i, s)
        for i, s in enumerate(batch.steps)
        if s.person is not None and s.outcome != UNCHANGED
    }
    people = {p.pk: p for p in filter_in(Person.objects.select_for_update(), "pk", updates)}
    posts = posts_of(list(people.values()), organizations=False)
    for pk, (index, step) in updates.items():
        person = people.get(pk)
        if person is None or fingerprint(person, posts.get(pk, [])) != step.seen:
            errors[index] = {"full_name": [_("Cá nhân này vừa được người khác sửa.")]}
    new = {s.changes.get("citizen_id"): i for i, s in enumerate(batch.steps) if s.person is None}
    new.pop(None, None)
    taken = filter_in(Person.objects.values_list("citizen_id", flat=True), "citizen_id", new)
    # Registered since the plan: the entry is planned again (which applies the duplicate rule
    # and routes a number held outside the scope to the officers); the row says no more.
    changed = _("Dữ liệu của dòng này vừa thay đổi; hãy chạy lại.")
    for number in taken:
        errors[new[number]] = {"citizen_id": [changed]}
    if errors:
        raise ConflictError(
            _("Dữ liệu đã thay đổi trong lúc kiểm tra tệp; không ghi gì, hãy chạy lại."),
            extra={"errors": errors},
        )


def _columns(model: type[Person] | type[Employment]) -> list[str]:
    """Every stored field but the primary key: new rows carry all their values."""
    return [f.name for f in model._meta.concrete_fields if not f.primary_key]


def _prepare_new_people(actor: Any, steps: list[PersonStep], work: PreparedBatch) -> None:
    """``person_create`` for each step: the person, their post, the event."""
    for step in steps:
        person = Person(**step.changes)  # its public id is set here, and its sort key from it
        set_derived_fields(person)
        post = Employment(
            organization_id=step.entry.organization.pk,
            position=normalize_name(step.entry.position or ""),
            start_date=step.entry.start_date,
        )
        changes = diff({}, snapshot(person, PERSON_FIELDS))
        changes["employment"] = [None, snapshot(post, EMPLOYMENT_FIELDS)]
        work.new_people.append(person)
        work.new_posts.append(post)
        work.events.append(PendingEvent(AuditEventType.PERSON_CREATED, actor, person, changes))


def _prepare_updates(actor: Any, steps: list[PersonStep], work: PreparedBatch) -> None:
    """``person_update``, then ``employment_add`` or ``employment_update``, for each step."""
    for step in steps:
        person = step.person
        assert person is not None  # noqa: S101 - updates have their person
        if step.changes:
            before = snapshot(person, PERSON_FIELDS)
            for name, value in step.changes.items():
                setattr(person, name, value)
            derived = set_derived_fields(person) if "full_name" in step.changes else []
            work.changed_people.append(person)
            work.person_fields.update([*step.changes, *derived])
            after = snapshot(person, PERSON_FIELDS)
            work.events.append(
                PendingEvent(AuditEventType.PERSON_UPDATED, actor, person, diff(before, after))
            )
        if step.move:
            _prepare_move(actor, step, work)
        elif step.post_changes and step.current is not None:
            before = snapshot(step.current, EMPLOYMENT_FIELDS)
            for name, value in step.post_changes.items():
                setattr(step.current, name, value)
            work.corrected.append(step.current)
            work.post_fields.update(step.post_changes)
            after = snapshot(step.current, EMPLOYMENT_FIELDS)
            work.events.append(
                PendingEvent(
                    AuditEventType.EMPLOYMENT_UPDATED,
                    actor,
                    person,
                    {"employment": [before, after]},
                )
            )


def _prepare_move(actor: Any, step: PersonStep, work: PreparedBatch) -> None:
    person, entry = step.person, step.entry
    changes: dict[str, Any] = {}
    for post in step.closes:
        before = snapshot(post, EMPLOYMENT_FIELDS)
        post.end_date = entry.start_date - timedelta(days=1)
        work.closed.append(post)
        changes["closed"] = [before, snapshot(post, EMPLOYMENT_FIELDS)]
    post = Employment(
        person=person,
        organization=entry.organization,
        position=normalize_name(entry.position or ""),
        start_date=entry.start_date,
    )
    changes["employment"] = [None, snapshot(post, EMPLOYMENT_FIELDS)]
    work.added.append(post)
    work.events.append(PendingEvent(AuditEventType.EMPLOYMENT_ADDED, actor, person, changes))
