"""The bridge between the archive and the rule engine (STYLE.md §7 rule 3).

* ``history_rows`` reads the history of many subjects in **one** query: a UNION ALL of the
  four archive tables (granted awards, yearly ratings, initiatives, disciplines), as the
  engine's batch rows ``(subject_id, year, kind, code, scope, used_for)``. The archive rows are
  the only copy of history; nothing is cached or copied.
* ``person_case`` / ``collective_case`` turn one subject's rows into the engine's ``Case``;
  a ``UnitCase`` holds a unit's cases for one round.
* ``judge`` is the **only** function that calls the engine (docs/decisions/0503). Everything
  that needs a verdict — the eligibility page, the flags of proposal lines, the API and the
  benchmark — goes through it, so switching to another entry point of ``tdkt.rules`` is a
  change here only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import groupby
from typing import Any

from django.db import connections
from django.db.models import CharField, IntegerField, QuerySet, Value
from django.db.models.functions import Cast, Coalesce

from tdkt.commendations.constants import AwardStatus, DisciplineLevel, Rating
from tdkt.commendations.models import Award, Discipline, Initiative, YearlyRating
from tdkt.organizations.models import Employment
from tdkt.rules import (
    AchievementRecord,
    Candidate,
    CapResult,
    Case,
    CollectiveFacts,
    ConditionResult,
    DisciplineRecord,
    InitiativeRecord,
    UnitCase,
    evaluate_unit,
    render,
    select_rule_set,
)
from tdkt.rules import screen as screen_cases
from tdkt.rules.codes import (
    ADVANCED_WORKER,
    CODES_BY_KIND,
    COLLECTIVE,
    DISCIPLINE_RANK,
    GRASSROOTS_FIGHTER,
    INDIVIDUAL,
    RATING_RANK,
)

HistoryRow = tuple[int, int, str, str, str | None, str | None]
"""``(subject_id, year, kind, code, scope, used_for)``: the rule engine's batch row."""


def _null() -> Cast:
    return Cast(Value(None), output_field=CharField())


def history_rows(
    *, people: QuerySet[Any] | None = None, organizations: Any = None
) -> list[HistoryRow]:
    """Return the history rows of the given people, or of the given organisations, in one query.

    ``people`` / ``organizations`` are querysets of ids (``.values("pk")``) or of rows; the
    filter is a subquery, so thousands of subjects cost one statement on both databases. Only
    granted awards count (a draft line of an unsigned decision or a revoked award does not).
    An award for a period counts for its last year (``period_end_year``), as the engine reads
    chains of periods (docs/rules/README.md).
    """
    if (people is None) == (organizations is None):
        raise ValueError("give either people or organizations")
    field = "person_id" if people is not None else "organization_id"
    subjects = {"person__in": people} if people is not None else {"organization__in": organizations}
    awards = Award.objects.filter(status=AwardStatus.GRANTED, **subjects).values_list(
        field,
        Coalesce("period_end_year", "year", output_field=IntegerField()),
        Value("award", output_field=CharField()),
        "code",
        _null(),
        _null(),
    )
    ratings = YearlyRating.objects.filter(**subjects).values_list(
        field, "year", Value("rating", output_field=CharField()), "rating", _null(), _null()
    )
    queries = [awards.order_by(), ratings.order_by()]
    if people is not None:
        initiatives = Initiative.objects.filter(**subjects).values_list(
            field,
            "year",
            Value("initiative", output_field=CharField()),
            Cast("id", output_field=CharField()),
            "scope",
            Cast("used_for_id", output_field=CharField()),
        )
        disciplines = Discipline.objects.filter(**subjects).values_list(
            field, "year", Value("discipline", output_field=CharField()), "level", _null(), _null()
        )
        queries += [initiatives.order_by(), disciplines.order_by()]
    union = queries[0].union(*queries[1:], all=True)
    # Read the rows as the driver returns them: plain ints and strings already, so the
    # per-value converters of the ORM (the larger part of the time on 20,000 rows) are skipped.
    sql, params = union.query.sql_with_params()
    with connections[union.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[HistoryRow] = cursor.fetchall()
    return sorted(rows, key=lambda row: (row[0], row[1]))


@dataclass
class History:
    """One subject's facts as the engine reads them."""

    ratings: list[tuple[int, str]]
    awards: list[AchievementRecord]
    initiatives: list[InitiativeRecord]
    discipline: list[DisciplineRecord]

    @classmethod
    def empty(cls) -> History:
        """Return a history with no fact at all."""
        return cls([], [], [], [])


def group_history(rows: Iterable[HistoryRow]) -> dict[int, History]:
    """Group history rows by subject id."""
    out: dict[int, History] = defaultdict(History.empty)
    for subject, year, kind, code, scope, used_for in rows:
        history = out[subject]
        if kind == "rating":
            history.ratings.append((year, code))
        elif kind == "award":
            history.awards.append(AchievementRecord(year, code))
        elif kind == "initiative":
            history.initiatives.append(InitiativeRecord(code, year, scope or "", used_for))
        elif kind == "discipline":
            history.discipline.append(DisciplineRecord(year, code))
    return dict(out)


def continuous_service_starts(people: QuerySet[Any]) -> dict[int, date]:
    """Return, per person, the start of their continuous service up to their current post.

    Posts that follow each other without a gap (a transfer ends the old post the day before
    the new one starts) count as one period, contract time included (legal-rules §11 ex. 8).
    """
    rows = (
        Employment.objects.filter(person__in=people)
        .order_by("person_id", "start_date")
        .values_list("person_id", "start_date", "end_date")
    )
    starts: dict[int, date] = {}
    open_ended = date.max - timedelta(days=1)
    for person_id, posts in groupby(rows, key=lambda r: r[0]):
        start: date | None = None
        reach = open_ended
        for _, begin, end in posts:
            if start is None or begin > reach + timedelta(days=1):
                start = begin
                reach = end or open_ended
            else:
                reach = max(reach, end or open_ended)
        if start is not None:
            starts[person_id] = start
    return starts


@dataclass(frozen=True)
class RoundTerms:
    """What a round fixes for every case: the year, the decision date, the rule set (a name,
    or "auto" for the one in force on ``as_of``) and the accepted codes."""

    year: int
    as_of: date
    rule_set: str
    codes: tuple[str, ...]


def person_case(
    person_id: int,
    history: History | None,
    terms: RoundTerms,
    *,
    recruited_on: date | None = None,
    candidates: Sequence[str] | None = None,
) -> Case:
    """Return the case of one person for a round (``candidates`` default to the round's codes
    that apply to individuals)."""
    history = history or History.empty()
    return Case(
        as_of=terms.as_of,
        year=terms.year,
        subject=Candidate(kind=INDIVIDUAL, recruited_on=recruited_on),
        ratings=tuple(history.ratings),
        awards=tuple(history.awards),
        initiatives=tuple(history.initiatives),
        discipline=tuple(history.discipline),
        candidates=_candidates(INDIVIDUAL, terms, candidates),
        rule_set=terms.rule_set,
        id=f"p{person_id}",
    )


@dataclass
class MemberCounts:
    """Counts over a collective's members for one year (Law 2022 Art 27–28)."""

    members: int = 0
    completing: int = 0
    advanced: int = 0
    grassroots: int = 0
    disciplined: int = 0


def member_counts(members: Iterable[Sequence[HistoryRow]], year: int) -> MemberCounts:
    """Count, from each member's history rows, who completed their tasks in ``year``, who was
    LĐTT or CSTĐCS that year and who was disciplined with a warning or heavier."""
    counts = MemberCounts()
    complete = RATING_RANK[Rating.COMPLETE]
    heavy = DISCIPLINE_RANK[DisciplineLevel.WARNING]
    for rows in members:
        counts.members += 1
        rated: str | None = None
        codes: set[str] = set()
        disciplined = False
        for _subject, y, kind, code, _scope, _used in rows:
            if y != year:
                continue
            if kind == "rating":
                rated = code
            elif kind == "award":
                codes.add(code)
            elif kind == "discipline":
                disciplined = disciplined or DISCIPLINE_RANK[code] >= heavy
        counts.completing += rated is not None and RATING_RANK[rated] >= complete
        counts.advanced += ADVANCED_WORKER in codes
        counts.grassroots += GRASSROOTS_FIGHTER in codes
        counts.disciplined += disciplined
    return counts


def collective_case(
    organization_id: int,
    history: History | None,
    terms: RoundTerms,
    *,
    counts: MemberCounts,
    leads_block: bool | None = None,
    candidates: Sequence[str] | None = None,
) -> Case:
    """Return the case of one collective for a round, with its member counts for the year."""
    history = history or History.empty()
    rating = next((r for y, r in reversed(history.ratings) if y == terms.year), None)
    facts = CollectiveFacts(
        members=counts.members,
        members_completing_tasks=counts.completing,
        members_advanced_worker=counts.advanced,
        members_grassroots_fighter=counts.grassroots,
        members_disciplined_warning_or_above=counts.disciplined,
        rating=rating,
        leads_block=leads_block,
    )
    return Case(
        as_of=terms.as_of,
        year=terms.year,
        subject=Candidate(kind=COLLECTIVE),
        ratings=tuple(history.ratings),
        awards=tuple(history.awards),
        collective=facts,
        candidates=_candidates(COLLECTIVE, terms, candidates),
        rule_set=terms.rule_set,
        id=f"o{organization_id}",
    )


def _candidates(kind: str, terms: RoundTerms, given: Sequence[str] | None) -> tuple[str, ...]:
    wanted = terms.codes if given is None else tuple(given)
    return tuple(code for code in wanted if code in CODES_BY_KIND[kind])


# --- the one call into the engine ------------------------------------------------------------


@dataclass(frozen=True)
class CodeVerdict:
    """The engine's answer for one code of one subject.

    ``conditions`` is None when the verdict came from the screening path (no explanation).
    """

    code: str
    eligible: bool
    vote: str
    conditions: tuple[ConditionResult, ...] | None = None
    prize_vnd: int | None = None


@dataclass(frozen=True)
class Judgement:
    """Verdicts of every case of a unit, by case id, and the unit's caps when all were explained."""

    rule_set: str
    verdicts: dict[str, tuple[CodeVerdict, ...]]
    caps: tuple[CapResult, ...]


@dataclass(frozen=True)
class Screened:
    """A person to screen straight from their history rows, without building a case."""

    id: str
    rows: Sequence[HistoryRow]
    recruited_on: date | None = None
    codes: tuple[str, ...] | None = None


def judge(
    unit: UnitCase,
    *,
    overrides: Mapping[str, Any] | None = None,
    explain: Collection[str] | None = None,
    screen: Sequence[Screened] = (),
) -> Judgement:
    """Return the engine's verdicts for every case of ``unit`` and every ``screen`` subject.

    ``explain=None`` explains every case and computes the unit's caps (``evaluate_unit``).
    Otherwise individuals outside ``explain`` are screened by the batch path (verdicts without
    text, about a hundred times faster), and collectives and the cases in ``explain`` are
    explained. ``screen`` subjects are always screened, read from their rows as they are (a
    unit of thousands costs no case objects). Both paths decide alike
    (tests/rules/test_rules_properties.py); the rule set is chosen once, so they also read the
    same law.
    """
    chosen = select_rule_set(
        unit.as_of, unit.rule_set, overrides=overrides, dossier_lodged_on=unit.dossier_lodged_on
    )
    unit = replace(unit, rule_set=chosen.name, dossier_lodged_on=None)
    if explain is None:
        explained, screened = list(unit.cases), []
    else:
        explained = [c for c in unit.cases if c.subject.kind != INDIVIDUAL or c.id in explain]
        screened = [c for c in unit.cases if c.subject.kind == INDIVIDUAL and c.id not in explain]
    verdicts: dict[str, tuple[CodeVerdict, ...]] = {}
    caps: tuple[CapResult, ...] = ()
    if explained:
        evaluation = evaluate_unit(replace(unit, cases=tuple(explained)), overrides)
        for case, result in zip(explained, evaluation.results, strict=True):
            verdicts[str(case.id)] = tuple(
                CodeVerdict(v.code, v.eligible, v.vote, v.conditions, v.prize_vnd)
                for v in result.results
            )
        caps = evaluation.caps if explain is None else ()
    to_screen = [*screened, *(_screened_case(subject, unit) for subject in screen)]
    shared: dict[tuple[tuple[str, bool, str], ...], tuple[CodeVerdict, ...]] = {}
    for found in screen_cases(to_screen, overrides):
        # Screened verdicts repeat across a list: build each distinct answer once.
        key = tuple((d.code, d.eligible, d.vote) for d in found.decisions)
        answer = shared.get(key)
        if answer is None:
            answer = shared[key] = tuple(CodeVerdict(c, e, v) for c, e, v in key)
        verdicts[str(found.id)] = answer
    return Judgement(chosen.name, verdicts, caps)


def _screened_case(subject: Screened, unit: UnitCase) -> Case:
    """Return the case of a subject screened from its history rows, for the unit's terms."""
    history = group_history(subject.rows).get(subject.rows[0][0]) if subject.rows else None
    history = history or History.empty()
    return Case(
        as_of=unit.as_of,
        year=unit.year,
        subject=Candidate(kind=INDIVIDUAL, recruited_on=subject.recruited_on),
        ratings=tuple(history.ratings),
        awards=tuple(history.awards),
        initiatives=tuple(history.initiatives),
        discipline=tuple(history.discipline),
        candidates=subject.codes,
        rule_set=unit.rule_set,
        id=subject.id,
    )


def condition_text(condition: ConditionResult, lang: str = "vi") -> str:
    """Return the sentence of one condition in Vietnamese (default) or English."""
    return render(condition, lang)
