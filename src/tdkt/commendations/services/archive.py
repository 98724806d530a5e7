"""Writes of the archive: awards, yearly ratings, initiatives and disciplines.

Each service takes a batch of entries (one entry for a form, thousands for an import) and
writes it in one short transaction: permission, validation of every entry, one query to find
what already exists, ``bulk_create``, then one audit event per new or changed row appended
with ``record_many`` (the chain's head is locked once). Validation reads only; an import
validates its file before calling these, outside any write transaction.

Re-recording an existing fact changes nothing (the same award of the same decision, the same
rating, the same initiative or discipline), so an import can be run twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import PendingEvent, record_many, snapshot
from tdkt.commendations.authority import issuer_level
from tdkt.commendations.constants import (
    AwardOrigin,
    AwardStatus,
    DisciplineLevel,
    InitiativeScope,
    IssuerLevel,
    Rating,
)
from tdkt.commendations.models import Award, Discipline, Initiative, YearlyRating
from tdkt.commendations.permissions import ensure_can_record_archive
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.core.text import fold, normalize_name
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.selectors import person_list
from tdkt.rules.codes import AWARD_CODES, COLLECTIVE, INDIVIDUAL, applies_to
from tdkt.rules.labels import CODE_LABELS

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"

# "125/QĐ-BQL", "1234/QĐ-UBND", "85/QĐ-TTg": number, "/", type and issuer (Decree 30 §1.2).
DECISION_NUMBER = re.compile(r"^\d{1,6}/[0-9A-Za-zĐđ]+(-[0-9A-Za-zĐđ]+)*$")
FIRST_YEAR = 1945
AWARD_FIELDS = [
    "person",
    "organization",
    "recipient_name",
    "unit_label",
    "code",
    "issuer_level",
    "year",
    "period_end_year",
    "achievement",
    "decision_number",
    "decision_date",
    "issuer_name",
    "prize_vnd",
    "status",
    "origin",
]


@dataclass(frozen=True)
class RecordResult:
    """What a batch did: one outcome per entry (created, updated or unchanged), in order."""

    outcomes: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """Return how many entries had ``outcome``."""
        return self.outcomes.count(outcome)


def _fail(index: int, field_name: str, message: str) -> ApplicationError:
    """An error about entry ``index`` (importers place it on the row, forms on the field)."""
    return ApplicationError(message, fields={field_name: [message]}, extra={"index": index})


def _check_year(index: int, name: str, year: int) -> None:
    last = timezone.localdate().year
    if not FIRST_YEAR <= year <= last:
        raise _fail(
            index,
            name,
            _("Năm phải trong khoảng %(first)s–%(last)s.") % {"first": FIRST_YEAR, "last": last},
        )


def normalize_decision_number(value: str) -> str:
    """Return a decision number without spaces, e.g. "125 / QĐ-BQL" → "125/QĐ-BQL"."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", value or ""))


def decision_number_error(value: str) -> str | None:
    """Return why ``value`` is not a document number of the form number/SYMBOL, or None."""
    if not DECISION_NUMBER.match(value):
        return _("Số quyết định phải có dạng số/ký hiệu, ví dụ 125/QĐ-BQL.")
    return None


def _recipient(person: Person | None, organization: Organization | None) -> str:
    if (person is None) == (organization is None):
        raise ValueError("an archive entry names exactly one recipient")
    return INDIVIDUAL if person is not None else COLLECTIVE


# --- awards ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AwardEntry:
    """One award to record. Empty ``recipient_name`` takes the person's or unit's name."""

    person: Person | None = None
    organization: Organization | None = None
    code: str
    year: int
    decision_number: str
    period_end_year: int | None = None
    decision_date: date | None = None
    issuer_level: str = ""
    issuer_name: str = ""
    prize_vnd: int | None = None
    achievement: str = ""
    recipient_name: str = ""
    unit_label: str = ""


def _award_key(award: Award) -> tuple[Any, ...]:
    return (award.person_id, award.organization_id, award.code, award.year, award.decision_number)


def _entry_key(entry: AwardEntry, number: str) -> tuple[Any, ...]:
    person = entry.person.pk if entry.person else None
    organization = entry.organization.pk if entry.organization else None
    return (person, organization, entry.code, entry.year, number)


def _validate_award(index: int, entry: AwardEntry) -> str:
    kind = _recipient(entry.person, entry.organization)
    if entry.code not in AWARD_CODES:
        raise _fail(index, "code", _("Không có danh hiệu, hình thức này."))
    if not applies_to(entry.code, kind):
        label = CODE_LABELS["vi"][entry.code]
        message = (
            _("“%(code)s” không xét cho cá nhân.")
            if kind == INDIVIDUAL
            else _("“%(code)s” không xét cho tập thể.")
        )
        raise _fail(index, "code", message % {"code": label})
    _check_year(index, "year", entry.year)
    if entry.period_end_year is not None:
        _check_year(index, "period_end_year", entry.period_end_year)
        if entry.period_end_year < entry.year:
            raise _fail(index, "period_end_year", _("Năm kết thúc phải sau năm bắt đầu."))
    number = normalize_decision_number(entry.decision_number)
    if problem := decision_number_error(number):
        raise _fail(index, "decision_number", problem)
    if entry.decision_date is not None and entry.decision_date.year < entry.year:
        raise _fail(index, "decision_date", _("Ngày quyết định phải sau năm thành tích được khen."))
    if entry.issuer_level and entry.issuer_level not in IssuerLevel.values:
        raise _fail(index, "issuer_level", _("Cấp khen thưởng không hợp lệ."))
    if entry.prize_vnd is not None and entry.prize_vnd < 0:
        raise _fail(index, "prize_vnd", _("Tiền thưởng không được âm."))
    return number


def _default_name(person: Person | None, organization: Organization | None) -> str:
    if person is not None:
        return person.full_name
    return organization.name if organization is not None else ""


@transaction.atomic
def awards_record(*, actor: Any, entries: Sequence[AwardEntry]) -> RecordResult:
    """Add awards to the archive (origin "imported": decided outside tdkt), all or none.

    An award already in the archive for the same recipient, code, year and decision is left
    as it is. Only board-wide writers record awards: they are legal acts of the Board or of
    higher authorities, copied from the decisions.
    """
    ensure_can_record_archive(actor)
    numbers = [_validate_award(i, entry) for i, entry in enumerate(entries)]
    existing = {
        _award_key(award)
        for award in Award.objects.filter(
            code__in={e.code for e in entries},
            year__in={e.year for e in entries},
            decision_number__in=set(numbers),
        )
    }
    new: list[Award] = []
    outcomes: list[str] = []
    for entry, number in zip(entries, numbers, strict=True):
        key = _entry_key(entry, number)
        if key in existing:
            outcomes.append(UNCHANGED)
            continue
        existing.add(key)
        name = normalize_name(entry.recipient_name) or _default_name(
            entry.person, entry.organization
        )
        new.append(
            Award(
                person=entry.person,
                organization=entry.organization,
                recipient_name=name[:300],
                unit_label=normalize_name(entry.unit_label)[:300],
                code=entry.code,
                issuer_level=entry.issuer_level or issuer_level(entry.code),
                year=entry.year,
                period_end_year=entry.period_end_year,
                achievement=entry.achievement.strip(),
                decision_number=number,
                decision_date=entry.decision_date,
                issuer_name=normalize_name(entry.issuer_name)[:300],
                prize_vnd=entry.prize_vnd,
                status=AwardStatus.GRANTED,
                origin=AwardOrigin.IMPORTED,
                search_key=fold(name)[:300],
                created_by=actor,
            )
        )
        outcomes.append(CREATED)
    created = Award.objects.bulk_create(new, batch_size=500)
    record_many(
        [
            PendingEvent(
                AuditEventType.AWARD_RECORDED,
                actor,
                award,
                {
                    k: [None, v]
                    for k, v in snapshot(award, AWARD_FIELDS).items()
                    if v not in ("", None)
                },
            )
            for award in created
        ]
    )
    return RecordResult(outcomes)


# --- yearly ratings -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class RatingEntry:
    """The rating of a person or a collective for one year."""

    person: Person | None = None
    organization: Organization | None = None
    year: int
    rating: str
    note: str = ""


def _ensure_can_rate(actor: Any, entries: Sequence[RatingEntry]) -> None:
    """Refuse (403) when one entry is about someone the actor may not rate.

    A writer rates the people currently working in their scope and the organisations of it;
    the check reads the people of the batch in one scoped query.
    """
    scope = scope_for(actor)
    if not scope.can_write:
        raise PermissionDeniedError(_("Bạn không có quyền ghi xếp loại."))
    if scope.everything:
        return
    person_ids = {e.person.pk for e in entries if e.person is not None}
    visible = set(person_list(actor=actor).filter(pk__in=person_ids).values_list("pk", flat=True))
    for entry in entries:
        if entry.person is not None and entry.person.pk not in visible:
            raise PermissionDeniedError(_("Bạn không có quyền ghi xếp loại của người này."))
        if entry.organization is not None and not scope.covers_path(entry.organization.path):
            raise PermissionDeniedError(_("Bạn không có quyền ghi xếp loại của đơn vị này."))


@transaction.atomic
def ratings_record(*, actor: Any, entries: Sequence[RatingEntry]) -> RecordResult:
    """Record yearly ratings: a new year is added, a different rating replaces the old one.

    Two entries for the same subject and year in one batch are refused (which one is right?).
    """
    _ensure_can_rate(actor, entries)
    seen: dict[tuple[int | None, int | None, int], int] = {}
    for i, entry in enumerate(entries):
        _recipient(entry.person, entry.organization)
        _check_year(i, "year", entry.year)
        if entry.rating not in Rating.values:
            raise _fail(i, "rating", _("Mức độ hoàn thành nhiệm vụ không hợp lệ."))
        key = (
            entry.person.pk if entry.person else None,
            entry.organization.pk if entry.organization else None,
            entry.year,
        )
        if key in seen:
            raise _fail(
                i,
                "year",
                _("Trùng xếp loại cùng năm với dòng thứ %(n)s của danh sách.")
                % {"n": seen[key] + 1},
            )
        seen[key] = i
    existing = {
        (r.person_id, r.organization_id, r.year): r
        for r in YearlyRating.objects.select_for_update().filter(
            Q(person__in=[e.person for e in entries if e.person])
            | Q(organization__in=[e.organization for e in entries if e.organization]),
            year__in={e.year for e in entries},
        )
    }
    new: list[YearlyRating] = []
    events: list[PendingEvent] = []
    outcomes: list[str] = []
    for entry in entries:
        key = (
            entry.person.pk if entry.person else None,
            entry.organization.pk if entry.organization else None,
            entry.year,
        )
        note = entry.note.strip()[:300]
        found = existing.get(key)
        if found is None:
            new.append(
                YearlyRating(
                    person=entry.person,
                    organization=entry.organization,
                    year=entry.year,
                    rating=entry.rating,
                    note=note,
                )
            )
            outcomes.append(CREATED)
        elif found.rating != entry.rating or (note and found.note != note):
            changes = {"rating": [found.rating, entry.rating], "year": [None, entry.year]}
            if note and found.note != note:
                changes["note"] = [found.note, note]
                found.note = note
            found.rating = entry.rating
            found.save(update_fields=["rating", "note"])
            events.append(
                PendingEvent(
                    AuditEventType.RATING_UPDATED,
                    actor,
                    _subject(found),
                    changes,
                    object_repr=str(found)[:300],
                )
            )
            outcomes.append(UPDATED)
        else:
            outcomes.append(UNCHANGED)
    events.extend(
        PendingEvent(
            AuditEventType.RATING_RECORDED,
            actor,
            _subject(rating),
            {"year": [None, rating.year], "rating": [None, rating.rating]},
        )
        for rating in YearlyRating.objects.bulk_create(new, batch_size=500)
    )
    record_many(events)
    return RecordResult(outcomes)


def _subject(row: YearlyRating | Discipline | Initiative) -> Person | Organization:
    """The person or organisation a yearly fact is about: its audit events are filed there,
    so the fact shows in that record's history."""
    if row.person is not None:
        return row.person
    if isinstance(row, YearlyRating) and row.organization is not None:
        return row.organization
    raise ValueError("a yearly fact is about a person or an organisation")


# --- initiatives ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class InitiativeEntry:
    """A recognised initiative or research project of a person."""

    person: Person
    title: str
    year: int
    scope: str
    recognized_by: str = ""
    decision_number: str = ""
    recognized_on: date | None = None


@transaction.atomic
def initiatives_record(*, actor: Any, entries: Sequence[InitiativeEntry]) -> RecordResult:
    """Record recognised initiatives; the same title for the same person and year is kept once."""
    ensure_can_record_archive(actor)
    titles = []
    for i, entry in enumerate(entries):
        title = normalize_name(entry.title)
        if not title:
            raise _fail(i, "title", _("Cần ghi tên sáng kiến."))
        _check_year(i, "year", entry.year)
        if entry.scope not in InitiativeScope.values:
            raise _fail(i, "scope", _("Phạm vi ảnh hưởng không hợp lệ."))
        number = normalize_decision_number(entry.decision_number)
        if number and (message := decision_number_error(number)):
            raise _fail(i, "decision_number", message)
        titles.append(title)
    existing = {
        (row.person_id, fold(row.title), row.year)
        for row in Initiative.objects.filter(
            person__in=[e.person for e in entries], year__in={e.year for e in entries}
        )
    }
    new: list[Initiative] = []
    outcomes: list[str] = []
    for entry, title in zip(entries, titles, strict=True):
        key = (entry.person.pk, fold(title), entry.year)
        if key in existing:
            outcomes.append(UNCHANGED)
            continue
        existing.add(key)
        new.append(
            Initiative(
                person=entry.person,
                title=title[:500],
                year=entry.year,
                scope=entry.scope,
                recognized_by=normalize_name(entry.recognized_by)[:300],
                decision_number=normalize_decision_number(entry.decision_number),
                recognized_on=entry.recognized_on,
            )
        )
        outcomes.append(CREATED)
    record_many(
        [
            PendingEvent(
                AuditEventType.INITIATIVE_RECORDED,
                actor,
                row.person,
                {
                    "title": [None, row.title],
                    "year": [None, row.year],
                    "scope": [None, row.scope],
                },
            )
            for row in Initiative.objects.bulk_create(new, batch_size=500)
        ]
    )
    return RecordResult(outcomes)


# --- disciplines ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class DisciplineEntry:
    """A disciplinary measure against a person."""

    person: Person
    year: int
    level: str
    decision_number: str = ""
    decided_on: date | None = None
    note: str = ""


@transaction.atomic
def disciplines_record(*, actor: Any, entries: Sequence[DisciplineEntry]) -> RecordResult:
    """Record disciplinary measures; the same measure of the same decision is kept once."""
    ensure_can_record_archive(actor)
    numbers = []
    for i, entry in enumerate(entries):
        _check_year(i, "year", entry.year)
        if entry.level not in DisciplineLevel.values:
            raise _fail(i, "level", _("Hình thức kỷ luật không hợp lệ."))
        number = normalize_decision_number(entry.decision_number)
        if number and (message := decision_number_error(number)):
            raise _fail(i, "decision_number", message)
        numbers.append(number)
    existing = {
        (row.person_id, row.year, row.level, row.decision_number)
        for row in Discipline.objects.filter(
            person__in=[e.person for e in entries], year__in={e.year for e in entries}
        )
    }
    new: list[Discipline] = []
    outcomes: list[str] = []
    for entry, number in zip(entries, numbers, strict=True):
        key = (entry.person.pk, entry.year, entry.level, number)
        if key in existing:
            outcomes.append(UNCHANGED)
            continue
        existing.add(key)
        new.append(
            Discipline(
                person=entry.person,
                year=entry.year,
                level=entry.level,
                decision_number=number,
                decided_on=entry.decided_on,
                note=entry.note.strip()[:300],
            )
        )
        outcomes.append(CREATED)
    record_many(
        [
            PendingEvent(
                AuditEventType.DISCIPLINE_RECORDED,
                actor,
                row.person,
                {"year": [None, row.year], "level": [None, row.level]},
            )
            for row in Discipline.objects.bulk_create(new, batch_size=500)
        ]
    )
    return RecordResult(outcomes)
