"""Many people at once: the people import's plan (reads only) and its one short write.

An import of 20,000 rows through the one-person services held the database's write lock and
the audit chain's head for a minute, and cost 17 statements a row (issues #7 and #8). Here:

* ``person_batch_plan`` reads what the rows need in a few queries per 500 entries, never one
  per entry, and decides for each entry what the person services would do — create the person
  with their post (``person_create``), change the fields that differ (``person_update``), move
  them to another unit (a transfer, as ``employment_add``) or correct their current post (as
  ``employment_update``) — with the same rules (identifiers normalised as ``_clean_person_data``
  does, ``person_errors``, the post dates of ``_post_errors``, the duplicate-CCCD rule of
  ``citizen_id_conflicts`` — a number held outside the actor's scope is not revealed and goes to
  the officers, decision 0036 — the same permission checks and overlap rule) and the same
  messages. It writes nothing but those reviews and takes no lock; its outcomes are exact, so
  a dry run is this call alone.
* ``person_batch_prepare`` and ``person_batch_save`` (``people_batch_write``) then build and
  write a plan in one short transaction, with the events the one-at-a-time services would
  record.

Matching (docs/decisions/0009): the same CCCD is the same person; without a CCCD, the same full
name working in the same unit. Only people in the actor's scope match; a CCCD held by anyone
else is the duplicate rule's business (``citizen_id_conflicts``): like ``person_create``, it
opens the officers' reviews of a refused entry when the plan is made, dry run included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
from tdkt.core.text import normalize_identifier, normalize_name
from tdkt.organizations.models import DuplicateContext, Employment, Organization, Person
from tdkt.organizations.permissions import ensure_can_add_records
from tdkt.organizations.selectors import person_list
from tdkt.organizations.selectors.people import current_employment_q

from . import duplicates
from .people import (
    BATCH,
    PERSON_FIELDS,
    _clean_person_data,
    _post_errors,
    person_errors,
)

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
OPTIONAL_FIELDS = ("gender", "date_of_birth", "citizen_id", "nationality", "email", "phone")

T = TypeVar("T")


@dataclass(frozen=True)
class PersonEntry:
    """One person as a file row gives them; ``None`` means "not given" (the cell was empty)."""

    full_name: str
    category: str
    organization: Organization
    start_date: date
    position: str | None = None
    gender: str | None = None
    date_of_birth: date | None = None
    citizen_id: str | None = None
    nationality: str | None = None
    email: str | None = None
    phone: str | None = None

    @property
    def number(self) -> str | None:
        """The CCCD number as the person services store it (``normalize_identifier``)."""
        return normalize_identifier(self.citizen_id or "") or None

    def person_data(self) -> dict[str, Any]:
        """Return the person fields given, cleaned as the person services clean them."""
        data = {"full_name": self.full_name, "category": self.category}
        data |= {name: getattr(self, name) for name in OPTIONAL_FIELDS}
        return _clean_person_data({k: v for k, v in data.items() if v is not None})


@dataclass
class PersonStep:
    """What the batch does with one entry, and why not when ``errors`` is not empty.

    ``errors`` maps the person services' field names (``full_name``, ``citizen_id``,
    ``organization``, ``start_date`` …) to messages.
    """

    entry: PersonEntry
    person: Person | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    current: Employment | None = None
    closes: list[Employment] = field(default_factory=list)
    move: bool = False
    post_changes: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    outcome: str = UNCHANGED
    seen: tuple[Any, ...] = ()

    def error(self, name: str, message: str) -> None:
        """Refuse this entry because of field ``name``."""
        messages = self.errors.setdefault(name, [])
        if message not in messages:
            messages.append(message)


@dataclass
class PersonBatch:
    """A planned batch: one step per entry, in the entries' order."""

    steps: list[PersonStep]

    @property
    def ok(self) -> bool:
        """True when no entry was refused, so the batch may be saved."""
        return not any(step.errors for step in self.steps)


def _chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), BATCH):
        yield values[start : start + BATCH]


def filter_in(queryset: QuerySet[Any], name: str, values: Iterable[Any]) -> list[Any]:
    """Return ``queryset`` filtered on ``name__in=values``, a few hundred values per query."""
    found: list[Any] = []
    for chunk in _chunks(sorted(set(values))):
        found.extend(queryset.filter(**{f"{name}__in": chunk}))
    return found


def _visible(actor: Any) -> QuerySet[Person]:
    """People in the actor's scope, without the list page's prefetch and order."""
    return person_list(actor=actor).prefetch_related(None).order_by()


def fingerprint(person: Person, posts: Sequence[Employment]) -> tuple[Any, ...]:
    """What a plan relied on about a person: their fields and every post."""
    return (
        tuple(getattr(person, name) for name in PERSON_FIELDS),
        tuple(
            sorted((p.pk, p.organization_id, p.position, p.start_date, p.end_date) for p in posts)
        ),
    )


def _overlaps(start: date, end: date | None, others: Iterable[Employment]) -> Employment | None:
    """Return a post whose period meets [start, end] (the rule of ``_check_overlap``)."""
    last = end or date.max
    for other in others:
        if start <= (other.end_date or date.max) and other.start_date <= last:
            return other
    return None


def _overlap_message(other: Employment) -> str:
    return _("Trùng thời gian với quá trình công tác tại %(org)s (từ %(start)s).") % {
        "org": other.organization,
        "start": other.start_date.strftime("%d/%m/%Y"),
    }


def person_batch_plan(
    *, actor: Any, entries: Sequence[PersonEntry], context: str = DuplicateContext.IMPORT
) -> PersonBatch:
    """Decide, without writing, what saving ``entries`` would do, and refuse what it may not.

    Read-only roles are refused (403) before anything is read. Writes nothing of the batch;
    only an entry refused for a CCCD held outside the actor's scope leaves a trace, the
    officers' review (``context`` says where it came from), as with ``person_create``.
    """
    ensure_can_add_records(actor)
    scope = scope_for(actor)
    steps = [PersonStep(entry=entry) for entry in entries]
    for step in steps:
        if not scope.can_write_path(step.entry.organization.path):
            step.error("organization", _("Bạn không có quyền thay đổi dữ liệu của đơn vị này."))
    _match(actor, steps)
    posts = posts_of([step.person for step in steps if step.person is not None])
    _refuse_repeats(steps)
    today = timezone.localdate()  # once: the rows of a batch are checked on the same day
    for step in steps:
        if step.person is None:
            _plan_create(step, today)
        else:
            _plan_update(step, posts.get(step.person.pk, []), scope, today)
    _refuse_duplicates(actor, steps, context)
    return PersonBatch(steps)


def _refuse_duplicates(actor: Any, steps: list[PersonStep], context: str) -> None:
    """The duplicate-CCCD rule of ``person_create`` for new people otherwise valid: a number
    held by someone the actor may see is named, one held outside their scope is not (the entry
    goes to the officers as a review, ``citizen_id_conflicts``)."""
    claims = [
        duplicates.CitizenIdClaim(
            key=index,
            citizen_id=step.changes["citizen_id"],
            submitted={
                **step.changes,
                "position": normalize_name(step.entry.position or ""),
                "start_date": step.entry.start_date,
                "organization": step.entry.organization.name,
            },
            organization=step.entry.organization,
        )
        for index, step in enumerate(steps)
        if step.person is None and step.changes.get("citizen_id") and not step.errors
    ]
    conflicts = duplicates.citizen_id_conflicts(actor=actor, claims=claims, context=context)
    for index, conflict in conflicts.items():
        steps[index].error("citizen_id", conflict.message)


def _match(actor: Any, steps: list[PersonStep]) -> None:
    """Find the existing person of each entry: by CCCD, else by name in the same unit."""
    visible = _visible(actor)
    numbers = [s.entry.number for s in steps if s.entry.number]
    by_number = {p.citizen_id: p for p in filter_in(visible, "citizen_id", numbers)}
    unnumbered = [s for s in steps if not s.entry.number]
    names = [normalize_name(s.entry.full_name) for s in unnumbered]
    candidates = filter_in(visible.filter(citizen_id__isnull=True), "full_name", names)
    today = timezone.localdate()
    by_place: dict[tuple[str, int], list[Person]] = defaultdict(list)
    for post in filter_in(
        Employment.objects.filter(current_employment_q(today)).select_related("person"),
        "person_id",
        [p.pk for p in candidates],
    ):
        by_place[(post.person.full_name, post.organization_id)].append(post.person)
    for step in steps:
        entry = step.entry
        if entry.number:
            step.person = by_number.get(entry.number)
            continue
        same = by_place.get((normalize_name(entry.full_name), entry.organization.pk), [])
        if len(same) > 1:
            step.error("full_name", _("Có nhiều người cùng họ tên ở đơn vị này; ghi số CCCD."))
        elif same:
            step.person = same[0]


def posts_of(people: list[Person], *, organizations: bool = True) -> dict[int, list[Employment]]:
    """Every post of ``people`` (with its organisation, fetched once per organisation), by
    person id."""
    posts: dict[int, list[Employment]] = defaultdict(list)
    found = filter_in(Employment.objects.all(), "person_id", [p.pk for p in people])
    if organizations:
        ids = {post.organization_id for post in found}
        known = {org.pk: org for org in filter_in(Organization.objects.all(), "pk", ids)}
        for post in found:
            post.organization = known[post.organization_id]
    for post in found:
        posts[post.person_id].append(post)
    return posts


def _refuse_repeats(steps: list[PersonStep]) -> None:
    """One person, one entry: a second entry for the same person or CCCD is refused."""
    seen: dict[Any, PersonStep] = {}
    for step in steps:
        key = ("pk", step.person.pk) if step.person else ("cccd", step.entry.number)
        if key[1] is None:
            continue
        if key in seen:
            message = _("Cá nhân này có nhiều lần trong danh sách.")
            step.error("citizen_id", message)
            seen[key].error("citizen_id", message)
        seen.setdefault(key, step)


def _plan_create(step: PersonStep, today: date) -> None:
    data = step.entry.person_data()
    data.setdefault("nationality", "VN")
    errors = person_errors(data, today=today) | _post_errors(
        step.entry.start_date, None, today=today
    )
    for name, messages in errors.items():
        for message in messages:
            step.error(name, message)
    step.changes = data
    step.outcome = CREATED


def _plan_update(step: PersonStep, posts: list[Employment], scope: Any, today: date) -> None:
    person, entry = step.person, step.entry
    assert person is not None  # noqa: S101 - a step with a person is an update
    step.seen = fingerprint(person, posts)
    data = entry.person_data()
    step.changes = {k: v for k, v in data.items() if getattr(person, k) != v}
    merged = {name: getattr(person, name) for name in PERSON_FIELDS} | step.changes
    for name, messages in person_errors(merged, today=today).items():
        for message in messages:
            step.error(name, message)
    open_posts = sorted(
        (p for p in posts if p.end_date is None), key=lambda p: p.start_date, reverse=True
    )
    step.current = open_posts[0] if open_posts else None
    if step.current is None or step.current.organization_id != entry.organization.pk:
        _plan_move(step, posts, today)
    else:
        _plan_correction(step, posts, scope, today)
    changed = step.changes or step.move or step.post_changes
    step.outcome = UPDATED if changed else UNCHANGED


def _plan_move(step: PersonStep, posts: list[Employment], today: date) -> None:
    """A transfer (``employment_add`` with ``close_current``): open posts that began before
    the new one end the day before it."""
    start = step.entry.start_date
    step.move = True
    for name, messages in _post_errors(start, None, closes_current=True, today=today).items():
        for message in messages:
            step.error(name, message)
    step.closes = [p for p in posts if p.end_date is None and p.start_date < start]
    kept = [p for p in posts if p not in step.closes]
    day_before = start - timedelta(days=1)
    closed = [
        Employment(
            pk=p.pk, organization=p.organization, start_date=p.start_date, end_date=day_before
        )
        for p in step.closes
    ]
    if other := _overlaps(start, None, [*kept, *closed]):
        step.error("start_date", _overlap_message(other))


def _plan_correction(step: PersonStep, posts: list[Employment], scope: Any, today: date) -> None:
    """Same unit: a changed position or start date corrects the current post."""
    current, entry = step.current, step.entry
    assert current is not None  # noqa: S101 - a correction has a current post
    if not scope.can_write_path(current.organization.path):
        step.error("organization", _("Bạn không có quyền thay đổi dữ liệu của đơn vị này."))
    position = normalize_name(entry.position) if entry.position is not None else None
    if position is not None and current.position != position:
        step.post_changes["position"] = position
    if current.start_date != entry.start_date:
        step.post_changes["start_date"] = entry.start_date
        dates = _post_errors(entry.start_date, current.end_date, today=today)
        for name, messages in dates.items():
            for message in messages:
                step.error(name, message)
        others = [p for p in posts if p.pk != current.pk]
        if other := _overlaps(entry.start_date, current.end_date, others):
            step.error("start_date", _overlap_message(other))
