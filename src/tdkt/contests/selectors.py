"""Reads of contests, entries and scores, scoped to what the actor may see (decision 0803).

* A contest in draft is seen by board-wide readers only; once open it is announced to every
  signed-in user who belongs to a unit (and to its jurors).
* An entry is seen, before the results, only by the organisers (board-wide writers), by the
  writers of the unit that sent it, and (once judging starts) by the jurors; anybody else is
  answered 404 exactly as for a missing entry. After publication the winning entries are
  exemplary models that every signed-in user may read.
* A juror sees their own marks, and the other jurors' marks of an entry only once every
  juror who may score it has done so (decision 0804); so do the organisers.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.scopes import get_visible, is_board_writer, scope_for
from tdkt.contests.constants import CLOSING_SOON_DAYS, PRIZE_ORDER, ContestState
from tdkt.contests.models import Contest, Entry, Score
from tdkt.contests.permissions import (
    excluded_automatically,
    is_juror,
    is_submitting_side,
    submitting_organization,
)
from tdkt.contests.ranking import Marks, Ranked, rank
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.selectors import organization_list, person_list

S = ContestState
SUBJECT_CHOICES_LIMIT = 300


def _signed_in(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and actor.is_active)


# Contests ------------------------------------------------------------------------------------


def _contest_visible_q(actor: Any) -> Q:
    if actor is None or scope_for(actor).everything:
        return Q()
    if not _signed_in(actor):
        return Q(pk__in=[])
    announced = ~Q(state=S.DRAFT)
    if scope_for(actor).is_empty:
        return announced & Q(jurors=actor)
    return announced


def contest_list(*, actor: Any, year: int | None = None) -> QuerySet[Contest]:
    """Return the contests the actor may see, latest first."""
    qs = Contest.objects.filter(_contest_visible_q(actor)).distinct()
    if year is not None:
        qs = qs.filter(year=year)
    return qs.order_by("-year", "-opens_on", "id")


def _contest_visible(actor: Any, contest: Contest) -> bool:
    if actor is None or scope_for(actor).everything:
        return True
    if not _signed_in(actor) or contest.state == S.DRAFT:
        return False
    return not scope_for(actor).is_empty or is_juror(actor, contest)


def contest_get(*, actor: Any, uuid: UUID | str) -> Contest:
    """Return one contest with its jury; one the actor may not see answers 404."""
    jurors = Prefetch("jurors", queryset=User.objects.select_related("organization"))
    return get_visible(
        Contest.objects.prefetch_related(jurors),
        uuid=uuid,
        visible=lambda c: _contest_visible(actor, c),
        message=_("Không tìm thấy cuộc thi."),
    )


# Entries -------------------------------------------------------------------------------------


def _entries() -> QuerySet[Entry]:
    return Entry.objects.select_related(
        "contest", "organization", "subject_person", "subject_organization", "submitted_by"
    )


def entry_visible(actor: Any, entry: Entry) -> bool:
    """Return True when the actor may read ``entry`` (see the module's rules)."""
    if actor is None or is_board_writer(actor):
        return True
    if not _signed_in(actor):
        return False
    if is_submitting_side(actor, entry):
        return True
    contest = entry.contest
    if entry.withdrawn_at is not None:
        return False
    if contest.state in (S.JUDGING, S.PUBLISHED) and is_juror(actor, contest):
        return True
    return contest.state == S.PUBLISHED and bool(entry.prize)


def entry_get(*, actor: Any, uuid: UUID | str) -> Entry:
    """Return one entry; an entry the actor may not read answers 404 like a missing one."""
    return get_visible(
        _entries().prefetch_related("contest__jurors"),
        uuid=uuid,
        visible=lambda e: entry_visible(actor, e),
        message=_("Không tìm thấy bài dự thi."),
    )


def my_entries(*, actor: Any, contest: Contest) -> list[Entry]:
    """Return the entries of the units the actor writes for (withdrawn ones too)."""
    if actor is None or scope_for(actor).everything:
        return []
    return [e for e in _entries().filter(contest=contest) if is_submitting_side(actor, e)]


def entry_list(*, actor: Any, contest: Contest) -> list[Entry]:
    """Return the entries of ``contest`` the actor may read, in the order they came."""
    if actor is None or is_board_writer(actor):
        return list(_entries().filter(contest=contest))
    return [e for e in _entries().filter(contest=contest) if entry_visible(actor, e)]


# Judging -------------------------------------------------------------------------------------


@dataclass
class ResultRow:
    """One entry in the judging table: its place, the marks the reader may see, their own."""

    entry: Entry
    ranked: Ranked
    expected_jurors: list[Any]
    marks: list[Score] = field(default_factory=list)
    conflicts: list[Score] = field(default_factory=list)
    mine: Score | None = None
    excluded: bool = False
    tied_titles: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.ranked.complete


@dataclass
class Results:
    """The judging table of a contest, best first."""

    contest: Contest
    rows: list[ResultRow]

    @property
    def all_complete(self) -> bool:
        """True when every entry taking part has all the marks it expects."""
        return bool(self.rows) and all(row.complete for row in self.rows)

    def given(self, rank_: str) -> int:
        """Return how many prizes of ``rank_`` are assigned."""
        return sum(1 for row in self.rows if row.entry.prize == rank_)


def expected_jurors(contest: Contest, entry: Entry, scores: list[Score]) -> list[Any]:
    """Return the jurors whose marks ``entry`` expects, given its ``scores``.

    A juror who marked the entry always counts: the exclusion is decided when scoring, so a
    later change of unit or a locked account does not remove a mark. A juror who has not
    marked it is expected unless they declared a conflict, are excluded from it (decision
    0806), their account is locked, or the entry's marks were already shown (a juror added
    later does not reopen them; decision 0804).
    """
    marked = {s.juror_id for s in scores if not s.conflict}
    conflicts = {s.juror_id for s in scores if s.conflict}
    revealed = entry.marks_revealed_at is not None
    return [
        j
        for j in contest.jurors.all()
        if j.pk in marked
        or (
            j.pk not in conflicts
            and not revealed
            and j.is_active
            and not excluded_automatically(j, entry)
        )
    ]


def contest_results(*, actor: Any, contest: Contest) -> Results:
    """Return the entries taking part (not withdrawn), ranked, with what the actor may see of
    the marks: organisers and jurors see every mark of a complete entry, and a juror their
    own marks at any time; nobody else reads this table (an empty one). Jurors read it only
    once the judging starts. A published contest keeps the averages and ranks frozen when
    its results were published."""
    organiser = actor is None or is_board_writer(actor)
    juror = is_juror(actor, contest) and contest.state in (S.JUDGING, S.PUBLISHED)
    if not (organiser or juror) or contest.state == S.DRAFT:
        return Results(contest, [])
    entries = list(_entries().filter(contest=contest, withdrawn_at__isnull=True))
    scores = Score.objects.filter(entry__contest=contest).select_related("juror")
    by_entry: dict[int, list[Score]] = {}
    for score in scores:
        by_entry.setdefault(score.entry_id, []).append(score)
    rows: dict[Hashable, ResultRow] = {}
    inputs = []
    for entry in entries:
        own = by_entry.get(entry.pk, [])
        {s.juror_id for s in own if s.conflict}
        expected = expected_jurors(contest, entry, own)
        expected_ids = {j.pk for j in expected}
        marks = [s for s in own if not s.conflict and s.juror_id in expected_ids]
        inputs.append(Marks(entry.pk, tuple(Decimal(s.points or 0) for s in marks), len(expected)))
        mine = next((s for s in own if actor is not None and s.juror_id == actor.pk), None)
        rows[entry.pk] = ResultRow(
            entry=entry,
            ranked=Ranked(entry.pk, 0, 0, None, None),
            expected_jurors=expected,
            marks=marks,
            conflicts=[s for s in own if s.conflict],
            mine=mine,
            excluded=juror and (mine is None or mine.conflict) and actor.pk not in expected_ids,
        )
    ordered = []
    titles: dict[Hashable, str] = {e.pk: e.title for e in entries}
    ranked_all = rank(inputs)
    if contest.state == S.PUBLISHED:
        ranked_all = _frozen(ranked_all, {e.pk: e for e in entries})
    for ranked in ranked_all:
        row = rows[ranked.key]
        row.ranked = ranked
        row.tied_titles = [titles[k] for k in ranked.tied_with]
        if not ranked.complete:
            row.marks = [s for s in row.marks if actor is not None and s.juror_id == actor.pk]
        ordered.append(row)
    return Results(contest, ordered)


def _frozen(ranked_all: list[Ranked], entries: dict[Hashable, Entry]) -> list[Ranked]:
    """Return the ranking as frozen at publication (each entry's average and rank then)."""
    frozen = []
    for r in ranked_all:
        e = entries[r.key]
        if e.final_rank is not None:
            r = Ranked(r.key, r.expected, r.expected, e.final_average, e.final_rank)
        frozen.append(r)
    by_average: dict[Any, list[Hashable]] = {}
    for r in frozen:
        if r.rank is not None:
            by_average.setdefault(r.average, []).append(r.key)
    result = [
        Ranked(
            r.key,
            r.scored,
            r.expected,
            r.average,
            r.rank,
            tuple(k for k in by_average.get(r.average, []) if k != r.key)
            if r.rank is not None
            else (),
        )
        for r in frozen
    ]
    result.sort(key=lambda r: (r.rank is None, r.rank or 0))
    return result


def freeze_results(contest: Contest) -> None:
    """Write each entry's average and rank as they stand (called when publishing)."""
    for row in contest_results(actor=None, contest=contest).rows:
        Entry.objects.filter(pk=row.entry.pk).update(
            final_average=row.ranked.average, final_rank=row.ranked.rank
        )


def jury_queue(*, actor: Any, contest: Contest) -> list[ResultRow]:
    """Return the entries the juror still has to score (or declare a conflict on)."""
    if contest.state != S.JUDGING or not is_juror(actor, contest):
        return []
    return [
        row
        for row in contest_results(actor=actor, contest=contest).rows
        if row.mine is None and not row.excluded
    ]


# Exemplary models ----------------------------------------------------------------------------


def exemplary_models(*, actor: Any, year: int | None = None) -> list[Entry]:
    """Return the winning entries of published contests (gương điển hình), newest contest
    first, then by prize; every signed-in user may read them."""
    if actor is not None and not _signed_in(actor):
        return []
    qs = _entries().filter(contest__state=S.PUBLISHED, withdrawn_at__isnull=True).exclude(prize="")
    if year is not None:
        qs = qs.filter(contest__year=year)
    order = {rank_: i for i, rank_ in enumerate(PRIZE_ORDER)}
    return sorted(qs, key=lambda e: (-e.contest.year, e.contest_id, order[e.prize], e.title))


@dataclass(frozen=True)
class PrizeLine:
    """One line of the prize list: the entry, its prize, its average and the money."""

    entry: Entry
    average: Decimal | None
    amount: int


def prize_list(*, actor: Any, contest: Contest) -> list[PrizeLine]:
    """Return the prize list: organisers at any time after judging starts, everybody who may
    see the contest once the results are published."""
    if contest.state == S.PUBLISHED:
        averages = {
            row.entry.pk: row.ranked.average
            for row in contest_results(actor=None, contest=contest).rows
        }
    elif (actor is None or is_board_writer(actor)) and contest.state == S.JUDGING:
        averages = {
            row.entry.pk: row.ranked.average
            for row in contest_results(actor=actor, contest=contest).rows
        }
    else:
        return []
    order = {rank_: i for i, rank_ in enumerate(PRIZE_ORDER)}
    winners = [
        e for e in _entries().filter(contest=contest, withdrawn_at__isnull=True).exclude(prize="")
    ]
    winners.sort(key=lambda e: (order[e.prize], -(averages.get(e.pk) or 0), e.title))
    return [PrizeLine(e, averages.get(e.pk), contest.prize_amount(e.prize)) for e in winners]


# The submitting form -------------------------------------------------------------------------


def subject_people(*, actor: Any, organization: Organization) -> list[Person]:
    """Return the people of ``organization`` the actor may see (a bounded list for a form)."""
    return list(person_list(actor=actor, organization=organization)[:SUBJECT_CHOICES_LIMIT])


def subject_collectives(*, actor: Any, organization: Organization) -> list[Organization]:
    """Return ``organization`` and the units under it that the actor may see."""
    units = organization_list(actor=actor).filter(path__startswith=organization.path)
    return list(units.order_by("path")[:SUBJECT_CHOICES_LIMIT])


# The dashboard -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    """One kind of waiting work: what, how many, and the page to do it on."""

    label: str
    count: int
    url: str


def contest_work(*, actor: Any, today: date | None = None) -> list[WorkItem]:
    """The waiting work of ``actor`` in the writing contests: entries to score (jurors),
    contests closing soon (units that send entries), contests to move on (organisers)."""
    if not _signed_in(actor):
        return []
    today = today or timezone.localdate()
    items: list[WorkItem] = []
    judging = Contest.objects.filter(state=S.JUDGING, jurors=actor).prefetch_related("jurors")
    to_score = sum(len(jury_queue(actor=actor, contest=c)) for c in judging)
    if to_score:
        items.append(
            WorkItem(_("Bài dự thi chờ bạn chấm điểm"), to_score, reverse("contests:contest-list"))
        )
    if submitting_organization(actor) is not None:
        soon = Contest.objects.filter(
            state=S.OPEN,
            opens_on__lte=today,
            closes_on__gte=today,
            closes_on__lte=today + timedelta(days=CLOSING_SOON_DAYS),
        ).count()
        if soon:
            items.append(
                WorkItem(
                    _("Cuộc thi viết sắp hết hạn nhận bài"), soon, reverse("contests:contest-list")
                )
            )
    if is_board_writer(actor):
        closed = Contest.objects.filter(state=S.OPEN, closes_on__lt=today).count()
        if closed:
            items.append(
                WorkItem(
                    _("Cuộc thi viết đã hết hạn nhận bài, chờ chuyển sang chấm"),
                    closed,
                    reverse("contests:contest-list"),
                )
            )
        ready = [
            c
            for c in Contest.objects.filter(state=S.JUDGING).prefetch_related("jurors")
            if contest_results(actor=actor, contest=c).all_complete
        ]
        if ready:
            items.append(
                WorkItem(
                    _("Cuộc thi viết đã chấm xong, chờ trao giải và công bố"),
                    len(ready),
                    reverse("contests:contest-list"),
                )
            )
    return items


# The jury form -------------------------------------------------------------------------------

JUROR_ROLES = ("emulation_officer", "leader", "council_member", "unit_head")


JUROR_CANDIDATES_LIMIT = 500


def juror_candidates(*, actor: Any, contest: Contest) -> list[Any]:
    """Return the accounts an organiser may put on the jury: the Board's active officers,
    leaders, council members and heads of units (at most ``JUROR_CANDIDATES_LIMIT``), and
    always every current juror (whom a cut must never drop from the form)."""
    if not (actor is None or is_board_writer(actor)):
        return []
    current = {u.pk for u in contest.jurors.all()}
    order = ("last_name", "first_name", "username")
    others = (
        User.objects.filter(is_active=True, role__in=JUROR_ROLES)
        .exclude(pk__in=current)
        .select_related("organization")
        .order_by(*order)
    )
    jurors = User.objects.filter(pk__in=current).select_related("organization")
    users = [*jurors, *others[:JUROR_CANDIDATES_LIMIT]]
    return sorted(users, key=lambda u: (u.last_name, u.first_name, u.username))
